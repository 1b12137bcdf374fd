package dev.practicetracker.command.account;

import io.github.bucket4j.TimeMeter;
import javax.sql.DataSource;
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
    LoginThrottle loginThrottle(LoginProperties properties, DataSource dataSource) {
        return new LoginThrottle("login", properties, dataSource, TimeMeter.SYSTEM_MILLISECONDS);
    }

    /** A throttle of its own, so that guesses and failed logins are counted apart. */
    @Bean
    PasswordGuesses passwordGuesses(LoginProperties properties, DataSource dataSource) {
        return new PasswordGuesses(
                new LoginThrottle("password-guess", properties, dataSource, TimeMeter.SYSTEM_MILLISECONDS));
    }
}
