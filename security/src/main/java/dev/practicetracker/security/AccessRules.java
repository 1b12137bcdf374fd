package dev.practicetracker.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * One service's share of the access rules, by method and path: which roles may call which endpoint at all. Whether
 * the caller may touch this particular candidate, session or cohort is decided by the service itself, after this.
 *
 * <p>Both services' rules are disjoint (the command side answers POST and PUT, the query side GET, apart from the query
 * side's admin actions), so the one filter chain built from them serves each service alone and both in one process.
 * Anything no rule names is refused.
 */
@FunctionalInterface
public interface AccessRules {

    void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules);
}
