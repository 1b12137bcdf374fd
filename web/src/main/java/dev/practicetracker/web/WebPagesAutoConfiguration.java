package dev.practicetracker.web;

import dev.practicetracker.security.AccessRules;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;

/**
 * Lets anyone load the pages and their assets. A page shows nothing until the API answers it, and the API decides
 * what each person may see, so the pages themselves hold nothing to protect. Only the paths the module ships are
 * named: anything else still falls through to the services' rules and the final refusal.
 */
@AutoConfiguration
public class WebPagesAutoConfiguration {

    static final String[] PAGES = {
        "/",
        "/index.html",
        "/login.html",
        "/practice.html",
        "/session.html",
        "/progress.html",
        "/coach.html",
        "/review.html",
        "/rate.html",
        "/questions.html",
        "/admin.html",
        "/assets/**"
    };

    @Bean
    AccessRules webPageAccessRules() {
        return rules -> rules.requestMatchers(HttpMethod.GET, PAGES).permitAll();
    }
}
