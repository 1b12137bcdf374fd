package dev.practicetracker.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stack in {@code docker-compose.yml}, validated by docker-compose itself (no Docker engine needed). */
class DockerComposeTest {

    /** Stand-ins for the secrets the stack requires from its environment; none is stored in the repository. */
    private static final Map<String, String> SECRETS = Map.of(
            "POSTGRES_PASSWORD", "check-only",
            "GRAFANA_READER_PASSWORD", "check-only",
            "GRAFANA_ADMIN_PASSWORD", "check-only",
            "TRACKER_TOKEN_SECRET", "check-only-check-only-check-only-check-only",
            "TRACKER_PERSONAL_DATA_KEY", "bG9jYWwtdGVzdC1rZXktMzItYnl0ZXMtbG9uZyEhISE=",
            "TRACKER_ADMIN_PASSWORD", "check-only");

    private final Path dockerCompose = Tools.require("docker-compose", "docker-compose");

    @Test
    void theComposeFileIsValid() {
        Tools.Result result =
                Tools.run(Repository.ROOT, SECRETS, List.of(dockerCompose.toString(), "config", "--quiet"));

        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void everyServiceHasAPinnedImageAHealthCheckAndStartsAfterWhatItNeeds() {
        Map<String, Object> config = resolvedConfig();
        Map<String, Object> services = Yaml.map(config, "services");

        assertThat(services)
                .containsOnlyKeys("postgres", "command-side", "query-side", "proxy", "prometheus", "grafana");
        services.forEach((name, value) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> service = (Map<String, Object>) value;
            String image = (String) service.get("image");
            assertThat(image)
                    .as(name + "'s image")
                    .matches("[^:]+:v?[0-9][^:]*")
                    .doesNotEndWith(":latest");
            assertThat(service).as(name).containsKey("healthcheck");
        });
        assertThat(Yaml.map(service(services, "query-side"), "depends_on")).containsKeys("postgres", "command-side");
        assertThat(Yaml.map(service(services, "grafana"), "depends_on")).containsKeys("prometheus", "postgres");
        assertThat(service(services, "command-side")).containsKey("build");
        for (String tracker : List.of("command-side", "query-side")) {
            // Reached only through the proxy, whose X-Forwarded-For they trust; in the production profile, which
            // refuses the README's local token secret and admin password.
            assertThat(service(services, tracker)).as(tracker).doesNotContainKey("ports");
            assertThat(Yaml.map(service(services, tracker), "environment"))
                    .as(tracker)
                    .containsEntry("SPRING_PROFILES_ACTIVE", "production")
                    .containsKey("TRACKER_TOKEN_SECRET");
        }
        assertThat(service(services, "query-side")).containsKey("build");
    }

    @Test
    void eachSideRunsTwoNodesByDefaultAndPrometheusScrapesEveryOne() throws Exception {
        Map<String, Object> services = Yaml.map(resolvedConfig(), "services");
        for (String tracker : List.of("command-side", "query-side")) {
            Map<String, Object> deploy = Yaml.map(service(services, tracker), "deploy");
            assertThat(Integer.parseInt(String.valueOf(deploy.get("replicas"))))
                    .as(tracker + " nodes")
                    .isEqualTo(2);
            assertThat(service(services, tracker)).as(tracker).doesNotContainKey("container_name");
        }
        Map<String, Object> prometheus = Yaml.load(Repository.PROMETHEUS.resolve("prometheus.yml"));
        for (Map<String, Object> job : Yaml.list(prometheus, "scrape_configs")) {
            assertThat(job).as(job.get("job_name") + " finds every replica").containsKey("dns_sd_configs");
        }
    }

    @Test
    void theServicesTrustForwardedHeadersFromTheProxysFixedAddressAlone() {
        Map<String, Object> services = Yaml.map(resolvedConfig(), "services");
        Map<String, Object> proxyNetwork = Yaml.map(Yaml.map(service(services, "proxy"), "networks"), "default");
        String proxyAddress = (String) proxyNetwork.get("ipv4_address");

        assertThat(proxyAddress).as("the proxy's fixed address").matches("[0-9.]+");
        for (String tracker : List.of("command-side", "query-side")) {
            Map<String, Object> environment = Yaml.map(service(services, tracker), "environment");
            assertThat(environment).as(tracker).containsEntry("SERVER_FORWARDHEADERSSTRATEGY", "native");
            String trusted = (String) environment.get("SERVER_TOMCAT_REMOTEIP_INTERNALPROXIES");
            assertThat(trusted).as(tracker + " trusts exactly one address").isEqualTo(proxyAddress.replace(".", "\\."));
        }
    }

    @Test
    void theStackRefusesToStartWithoutItsSecrets() {
        Tools.Result result = Tools.run(Repository.ROOT, Map.of(), List.of(dockerCompose.toString(), "config", "-q"));

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("set POSTGRES_PASSWORD");
    }

    private Map<String, Object> resolvedConfig() {
        Tools.Result result = Tools.run(Repository.ROOT, SECRETS, List.of(dockerCompose.toString(), "config"));
        assertThat(result.exitCode()).as(result.output()).isZero();
        return new org.yaml.snakeyaml.Yaml().load(result.output());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(Map<String, Object> services, String name) {
        return (Map<String, Object>) services.get(name);
    }
}
