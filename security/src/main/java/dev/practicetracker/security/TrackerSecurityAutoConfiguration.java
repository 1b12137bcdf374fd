package dev.practicetracker.security;

import dev.practicetracker.events.Role;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

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

    /**
     * The one filter chain: shared defaults, the endpoints everyone may reach (health probes, the Prometheus scrape,
     * the API description), each service's {@link AccessRules} in order, then refusal of everything else.
     */
    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    @ConditionalOnBean(AccountDirectory.class)
    SecurityFilterChain trackerSecurityFilterChain(
            HttpSecurity http,
            Tokens tokens,
            AccountDirectory accounts,
            SecurityProblems problems,
            ObjectProvider<AccessRules> serviceRules)
            throws Exception {
        TrackerSecurity.defaults(http, tokens, accounts, problems);
        http.authorizeHttpRequests(rules -> {
            rules.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/prometheus")
                    .permitAll()
                    .requestMatchers(HttpMethod.GET, "/api-docs", "/api-docs/**")
                    .permitAll()
                    // Swagger UI: its page and assets, public like the description it shows.
                    .requestMatchers(HttpMethod.GET, "/swagger-ui.html", "/swagger-ui/**")
                    .permitAll()
                    .requestMatchers("/error")
                    .permitAll()
                    .requestMatchers("/actuator/**")
                    .hasRole(Role.ADMIN.name());
            serviceRules.orderedStream().forEach(service -> service.apply(rules));
            rules.anyRequest().denyAll();
        });
        return http.build();
    }
}
