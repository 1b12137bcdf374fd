package dev.practicetracker.app;

import dev.practicetracker.security.LocalDefaults;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * The demo switch ({@code --demo} or {@code TRACKER_DEMO=true}). Its accounts' password is in the README, so under the
 * {@code production} profile the app refuses to start as soon as its settings are known: before the embedded database,
 * the web server or any thread that could keep the process alive has started, so it exits at once and non-zero.
 */
class DemoSwitch implements EnvironmentPostProcessor, Ordered {

    static boolean on(Environment environment) {
        if (environment.getProperty("tracker.demo.enabled", Boolean.class, false)) {
            return true;
        }
        // --demo on the command line arrives as a property "demo" with an empty value.
        String flag = environment.getProperty("demo");
        return flag != null && !flag.equalsIgnoreCase("false");
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (on(environment) && LocalDefaults.production(environment)) {
            throw new IllegalStateException("the demo switch seeds accounts with a published password: not with the '"
                    + LocalDefaults.PRODUCTION_PROFILE + "' profile");
        }
    }

    /** After the settings files and profiles are read, before the embedded database starts (the lowest precedence). */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 1;
    }
}
