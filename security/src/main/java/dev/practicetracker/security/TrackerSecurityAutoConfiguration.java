package dev.practicetracker.security;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** The token machinery both services share; a {@code production} profile refuses the laptop secret. */
@AutoConfiguration(
        before =
                org.springframework.boot.autoconfigure.security.oauth2.resource.servlet
                        .OAuth2ResourceServerAutoConfiguration.class)
@EnableConfigurationProperties(TokenProperties.class)
public class TrackerSecurityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Tokens trackerTokens(TokenProperties properties, ObjectProvider<Clock> clock, Environment environment) {
        LocalDefaults.refuseInProduction(environment, properties.usesLocalDevelopmentSecret(), "TRACKER_TOKEN_SECRET");
        return new Tokens(properties, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder trackerJwtDecoder(Tokens tokens) {
        return tokens.decoder();
    }

    @Bean
    @ConditionalOnMissingBean
    SecurityProblems securityProblems() {
        return new SecurityProblems();
    }
}
