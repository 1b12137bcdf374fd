package dev.practicetracker.security;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Settings that have a documented laptop default (the token secret, the first admin's password) must be set for real
 * in production: with the {@code production} profile active, a default value stops the service at start.
 */
public final class LocalDefaults {

    public static final String PRODUCTION_PROFILE = "production";

    private LocalDefaults() {}

    public static boolean production(Environment environment) {
        return environment.acceptsProfiles(Profiles.of(PRODUCTION_PROFILE));
    }

    public static void refuseInProduction(Environment environment, boolean usesDefault, String variable) {
        if (usesDefault && production(environment)) {
            throw new IllegalStateException(variable + " still has its local default, which the README publishes; set "
                    + variable + " in the environment before starting with the '" + PRODUCTION_PROFILE
                    + "' profile");
        }
    }
}
