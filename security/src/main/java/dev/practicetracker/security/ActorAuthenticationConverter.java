package dev.practicetracker.security;

import dev.practicetracker.events.PersonId;
import dev.practicetracker.events.Role;
import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Turns a verified token into an {@link Actor}, but only if this service's own record of the account agrees: the account
 * exists, may act, still has the role the token names, and has not cut off its earlier tokens since this one was issued
 * (its credentials version). Otherwise the request is unauthenticated (401), so a lock, a password change, a role
 * change or signing out everywhere takes effect on the next request, and an unlock or a role changed back does not
 * bring an earlier token back.
 */
public class ActorAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final AccountDirectory accounts;

    public ActorAuthenticationConverter(AccountDirectory accounts) {
        this.accounts = accounts;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        PersonId accountId;
        Role role;
        long credentialsVersion;
        try {
            accountId = PersonId.of(jwt.getSubject());
            role = Role.fromId(jwt.getClaimAsString(Tokens.ROLE_CLAIM));
            // The decoder has checked that the claim is a number.
            credentialsVersion =
                    jwt.<Number>getClaim(Tokens.CREDENTIALS_VERSION_CLAIM).longValue();
        } catch (IllegalArgumentException e) {
            throw new BadCredentialsException("the token does not name an account and a role");
        }
        AccountDirectory.Account account = accounts.find(accountId)
                .orElseThrow(() -> new BadCredentialsException("the token's account is not known here"));
        if (!account.active()) {
            throw new DisabledException("the account is locked or withdrawn");
        }
        if (credentialsVersion < account.credentialsVersion()) {
            throw new BadCredentialsException(
                    "the account's credentials changed since this token was issued; log in again");
        }
        if (account.role() != role) {
            throw new BadCredentialsException("the account's role changed since this token was issued; log in again");
        }
        Actor actor = new Actor(accountId, role);
        return new ActorAuthentication(jwt, actor);
    }

    /** An authenticated request: the token, and the actor it stands for with {@code ROLE_CANDIDATE} and so on. */
    public static final class ActorAuthentication extends JwtAuthenticationToken {

        private final Actor actor;

        ActorAuthentication(Jwt jwt, Actor actor) {
            super(jwt, List.of(new SimpleGrantedAuthority("ROLE_" + actor.role().name())), actor.getName());
            this.actor = actor;
        }

        @Override
        public Object getPrincipal() {
            return actor;
        }

        public Actor actor() {
            return actor;
        }
    }
}
