package dev.practicetracker.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.authentication.session.NullAuthenticatedSessionStrategy;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What both services' filter chains share; each service adds its own access rules on top.
 *
 * <ul>
 *   <li>Stateless: every request carries its token, in the header or in the page cookie.
 *   <li>CSRF: a state-changing request that carries the page cookie and no {@code Authorization} header must echo the
 *       {@code XSRF-TOKEN} cookie in the {@code X-XSRF-TOKEN} header (double submit), or it is refused with 403 and
 *       changes nothing. A request with an {@code Authorization} header cannot be forged by another site and needs no
 *       such token; nor does logging in, which proves who it is by its body and accepts JSON only (a cross-site form
 *       cannot send that without the browser asking first), so a stale cookie never blocks it.
 *   <li>Refusals are problem+json: 401 without usable credentials, 403 for a role that may not, 503 with
 *       {@code Retry-After} while the database is unreachable (see {@link DatabaseUnavailable}).
 *   <li>A Content-Security-Policy that lets the pages run only this origin's scripts.
 * </ul>
 */
public final class TrackerSecurity {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    /** Scripts only from this origin (no inline script); inline styles allowed, for layout set from script. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** Nothing the pages need: camera, microphone, location, payment and the rest stay off. */
    public static final String PERMISSIONS_POLICY =
            "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";

    private TrackerSecurity() {}

    public static HttpSecurity defaults(
            HttpSecurity http, Tokens tokens, AccountDirectory accounts, SecurityProblems problems) throws Exception {
        TokenResolver resolver = new TokenResolver(tokens.properties().cookieName());
        RequestMatcher cookieAuthenticatedChange = request -> !SAFE_METHODS.contains(request.getMethod())
                && request.getHeader(HttpHeaders.AUTHORIZATION) == null
                && !TokenResolver.LOGIN.equals(TokenResolver.path(request))
                && resolver.fromCookie(request) != null;
        CookieCsrfTokenRepository csrfTokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        csrfTokens.setCookieCustomizer(
                cookie -> cookie.sameSite("Strict").secure(tokens.properties().cookieSecure()));
        return http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        // Every request authenticates afresh (stateless), and Spring's default would clear the
                        // XSRF-TOKEN cookie on each one: a page's second change would then carry no token at all.
                        .sessionAuthenticationStrategy(new NullAuthenticatedSessionStrategy())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(cookieAuthenticatedChange)
                        // The resource server exempts from CSRF every request its token resolver finds a token for,
                        // and ours finds the page cookie too: that would exempt exactly the requests that need it. The
                        // filter gets this matcher alone, after the configurers have added their exemptions.
                        .withObjectPostProcessor(new ObjectPostProcessor<CsrfFilter>() {
                            @Override
                            public <O extends CsrfFilter> O postProcess(O filter) {
                                filter.setRequireCsrfProtectionMatcher(cookieAuthenticatedChange);
                                return filter;
                            }
                        }))
                .addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class)
                // Around everything after the security headers, the account lookup included: see the filter.
                .addFilterAfter(new DatabaseUnavailableFilter(), HeaderWriterFilter.class)
                // The pages load scripts, styles and data from this origin only, and may not be framed; links out send
                // no address (a candidate's id is in some of them), and no page may use a device or sensor.
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY)))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .oauth2ResourceServer(server -> server.bearerTokenResolver(resolver)
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems)
                        .jwt(jwt -> jwt.decoder(tokens.decoder())
                                .jwtAuthenticationConverter(new ActorAuthenticationConverter(accounts))))
                .exceptionHandling(
                        handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems));
    }

    /** Makes sure the {@code XSRF-TOKEN} cookie is written, so that a page's script can echo it. */
    private static final class CsrfCookieFilter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
            if (token != null) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }
}
