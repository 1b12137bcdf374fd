package dev.practicetracker.web;

import dev.practicetracker.security.AccessRules;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;

/**
 * Lets anyone load the pages and their assets. A page shows nothing until the API answers it, and the API decides
 * what each person may see, so the pages themselves hold nothing to protect. Only the paths the module ships are
 * named: anything else still falls through to the services' rules and the final refusal, but for a browser opening a
 * page that does not exist, which gets the 404 page ({@link MissingPage}).
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
        "/account.html",
        "/404.html",
        "/assets/**"
    };

    private final MissingPage missingPage = new MissingPage();

    @Bean
    AccessRules webPageAccessRules() {
        return rules -> rules.requestMatchers(HttpMethod.GET, PAGES)
                .permitAll()
                .requestMatchers(missingPage)
                .permitAll();
    }

    /** After the security filters (so the page gets their headers), before any handler answers a missing path. */
    @Bean
    FilterRegistrationBean<MissingPage> missingPageFilter() {
        FilterRegistrationBean<MissingPage> registration = new FilterRegistrationBean<>(missingPage);
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return registration;
    }
}
