package dev.practicetracker.app;

import dev.practicetracker.app.demo.DemoLogins;
import dev.practicetracker.app.demo.DemoSeed;
import dev.practicetracker.command.account.AdminProperties;
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
    private final AdminProperties admin;

    Startup(Environment environment, DemoSeed demo, AdminProperties admin) {
        this.environment = environment;
        this.demo = demo;
        this.admin = admin;
    }

    @EventListener
    void onReady(ApplicationReadyEvent ready) {
        // Never under the production profile: DemoSwitch refuses that before anything starts.
        boolean demoSwitch = DemoSwitch.on(environment);
        if (demoSwitch) {
            demo.seed();
        }
        if (demo.stopped()) {
            return;
        }
        if (ready.getApplicationContext() instanceof WebServerApplicationContext web) {
            welcome(System.out, web.getWebServer().getPort(), demoSwitch, admin);
        }
    }

    private static void welcome(PrintStream out, int port, boolean demo, AdminProperties admin) {
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
                .append("/actuator/health\n")
                .append("  Admin login: ")
                .append(admin.username())
                // Only the README's laptop default is printed; a password of one's own stays where it was set.
                .append(
                        admin.usesDefaultPassword()
                                ? ", first password local-admin-password (the laptop default)\n"
                                : ", first password as set in TRACKER_ADMIN_PASSWORD\n");
        if (demo) {
            text.append("  Demo logins:\n");
            DemoLogins.lines().forEach(line -> text.append("    ").append(line).append('\n'));
        }
        text.append("  Ctrl-C stops it cleanly.\n");
        out.println(text);
    }
}
