package dev.practicetracker.query.access;

import dev.practicetracker.events.Role;
import dev.practicetracker.security.AccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Which roles may call each query endpoint at all (403 otherwise). Whose data a candidate or coach may read is decided
 * after this, by {@link Visibility}. Only GET, apart from the admin's rebuild and retry, so the rules stay disjoint from
 * the command side's when both run in one process.
 */
@Component
class QueryAccessRules implements AccessRules {

    private static final String CANDIDATE = Role.CANDIDATE.name();
    private static final String COACH = Role.COACH.name();
    private static final String ADMIN = Role.ADMIN.name();

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        // The API description in YAML, public like /api-docs (which the shared rules open) that it repeats.
        rules.requestMatchers(HttpMethod.GET, "/api-docs.yaml")
                .permitAll()
                .requestMatchers(HttpMethod.GET, "/api/me", "/api/questions", "/api/questions/*", "/api/themes")
                .authenticated()
                // A candidate's own data as one file: themselves (checked by the controller) or an admin, never a
                // coach.
                .requestMatchers(HttpMethod.GET, "/api/candidates/*/export")
                .hasAnyRole(CANDIDATE, ADMIN)
                .requestMatchers(HttpMethod.GET, "/api/candidates/*/**", "/api/sessions/*")
                .hasAnyRole(CANDIDATE, COACH)
                .requestMatchers(HttpMethod.GET, "/api/coaches/*/review-queue", "/api/coaches/*/cohorts")
                .hasRole(COACH)
                .requestMatchers(HttpMethod.GET, "/api/cohorts/*/overview", "/api/cohorts/*/overview.csv")
                .hasRole(COACH)
                .requestMatchers(HttpMethod.GET, "/api/admin/**")
                .hasRole(ADMIN)
                .requestMatchers(HttpMethod.POST, "/api/admin/rebuild", "/api/admin/dead-letters/retry")
                .hasRole(ADMIN);
    }
}
