package dev.practicetracker.command.web;

import dev.practicetracker.events.Role;
import dev.practicetracker.security.AccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Which role may call which command endpoint at all, by method and path (the README's "Accounts and access"). Whose
 * session or account it is, and which rater role follows, is decided by the aggregates after this.
 */
@Component
class CommandAccessRules implements AccessRules {

    private static final String CANDIDATE = Role.CANDIDATE.name();
    private static final String COACH = Role.COACH.name();
    private static final String ADMIN = Role.ADMIN.name();

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.POST, "/api/auth/token", "/api/auth/logout")
                .permitAll()
                // The API description in YAML, like /api-docs in JSON which the shared rules already let through.
                .requestMatchers(HttpMethod.GET, "/api-docs.yaml")
                .permitAll()
                // Admin, or the account itself with its current password: the handler tells which.
                .requestMatchers(HttpMethod.PUT, "/api/accounts/*/password")
                .authenticated()
                // The account itself, or an admin: the aggregate tells which.
                .requestMatchers(HttpMethod.POST, "/api/accounts/*/sign-out-everywhere")
                .authenticated()
                .requestMatchers(HttpMethod.POST, "/api/accounts", "/api/accounts/*/lock", "/api/accounts/*/unlock")
                .hasRole(ADMIN)
                .requestMatchers(HttpMethod.POST, "/api/accounts/*/withdraw", "/api/accounts/*/erase")
                .hasRole(ADMIN)
                .requestMatchers(HttpMethod.PUT, "/api/admin/retention")
                .hasRole(ADMIN)
                .requestMatchers(HttpMethod.PUT, "/api/accounts/*/role")
                .hasRole(ADMIN)
                .requestMatchers(
                        HttpMethod.POST, "/api/cohorts", "/api/cohorts/*/enrolments", "/api/cohorts/*/withdrawals")
                .hasRole(ADMIN)
                .requestMatchers(HttpMethod.PUT, "/api/cohorts/*/coach")
                .hasRole(ADMIN)
                // Coaches keep the question bank with the admins: they are the ones who know what a cohort needs.
                .requestMatchers(HttpMethod.POST, "/api/questions", "/api/questions/*/retire")
                .hasAnyRole(COACH, ADMIN)
                .requestMatchers(HttpMethod.PUT, "/api/questions/*")
                .hasAnyRole(COACH, ADMIN)
                .requestMatchers(
                        HttpMethod.POST,
                        "/api/sessions",
                        "/api/sessions/*/answers",
                        "/api/sessions/*/complete",
                        "/api/sessions/*/abandon")
                .hasRole(CANDIDATE)
                .requestMatchers(HttpMethod.POST, "/api/sessions/*/answers/*/ratings")
                .hasAnyRole(CANDIDATE, COACH)
                .requestMatchers(HttpMethod.PUT, "/api/sessions/*/answers/*/ratings/*")
                .hasAnyRole(CANDIDATE, COACH);
    }
}
