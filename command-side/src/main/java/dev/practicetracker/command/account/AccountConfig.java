package dev.practicetracker.command.account;

import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({LoginProperties.class, AdminProperties.class})
class AccountConfig {

    /** Bcrypt today, recorded in each hash's {id} prefix so a stronger algorithm can be adopted later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    LoginThrottle loginThrottle(LoginProperties properties) {
        return new LoginThrottle(properties, Ticker.systemTicker());
    }

    /** A throttle of its own, so that guesses and failed logins are counted apart. */
    @Bean
    PasswordGuesses passwordGuesses(LoginProperties properties) {
        return new PasswordGuesses(new LoginThrottle(properties, Ticker.systemTicker()));
    }
}
