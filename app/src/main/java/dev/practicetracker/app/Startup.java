package dev.practicetracker.app;

import dev.practicetracker.app.demo.DemoLogins;
import dev.practicetracker.app.demo.DemoSeed;
import dev.practicetracker.security.LocalDefaults;
import java.io.PrintStream;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Once everything has started, and before readiness says the app accepts traffic: seeds the demo cohort when the
 * demo switch is on ({@code --demo} or {@code TRACKER_DEMO=true}), then prints where to go.
 */
@Component
class Startup {

    private final Environment environment;
    private final DemoSeed demo;

    Startup(Environment environment, DemoSeed demo) {
        this.environment = environment;
        this.demo = demo;
    }

    @EventListener
    void onReady(ApplicationReadyEvent ready) {
        boolean demoSwitch = demoSwitch();
        if (demoSwitch && LocalDefaults.production(environment)) {
            // The demo accounts' password is in the README.
            throw new IllegalStateException("the demo switch seeds accounts with a published password: not with the '"
                    + LocalDefaults.PRODUCTION_PROFILE + "' profile");
        }
        if (demoSwitch) {
            demo.seed();
        }
        if (demo.stopped()) {
            return;
        }
        if (ready.getApplicationContext() instanceof WebServerApplicationContext web) {
            welcome(System.out, web.getWebServer().getPort(), demoSwitch);
        }
    }

    private boolean demoSwitch() {
        if (environment.getProperty("tracker.demo.enabled", Boolean.class, false)) {
            return true;
        }
        // --demo on the command line arrives as a property "demo" with an empty value.
        String flag = environment.getProperty("demo");
        return flag != null && !flag.equalsIgnoreCase("false");
    }

    private static void welcome(PrintStream out, int port, boolean demo) {
        String base = "http://localhost:" + port;
        StringBuilder text = new StringBuilder()
                .append("\n  Interview practice tracker is running on ")
                .append(base)
                .append('\n')
                .append("    Pages            ")
                .append(base)
                .append("/\n")
                .append("    API description  ")
                .append(base)
                .append("/api-docs\n")
                .append("    Metrics          ")
                .append(base)
                .append("/actuator/prometheus\n")
                .append("    Health           ")
                .append(base)
                .append("/actuator/health\n");
        if (demo) {
            text.append("  Demo logins:\n");
            DemoLogins.lines().forEach(line -> text.append("    ").append(line).append('\n'));
        }
        text.append("  Ctrl-C stops it cleanly.\n");
        out.println(text);
    }
}
