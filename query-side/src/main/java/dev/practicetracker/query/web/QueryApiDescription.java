package dev.practicetracker.query.web;

import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API description names its server as "/", relative to wherever it was fetched: springdoc would otherwise write
 * the request's Host (or X-Forwarded-Host) into it, and cache that for every later reader, so one forged header would
 * point everyone's generated clients at another site.
 */
@Configuration(proxyBeanMethods = false)
class QueryApiDescription {

    @Bean
    OpenApiCustomizer querySideServerIsRelative() {
        return api -> api.setServers(List.of(new Server().url("/")));
    }
}
