package dev.practicetracker.security;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.apache.catalina.startup.Tomcat;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * How both services (and the one-process app, which gets each bean once) read requests and answer errors: JSON bodies
 * are read strictly, and every error, whether from a controller, Spring MVC or the servlet container, is a problem of
 * {@link Problems}' convention. Before Spring Boot's error handling, whose beans stand back when these exist.
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
public class ApiConventionsAutoConfiguration {

    /**
     * A request's JSON value must have the field's type: Jackson's defaults would store a score of {@code 3.5} as 3,
     * read {@code "4"} as 4 and a number as text. Only Spring MVC's mapper: the event store's serializers have their
     * own, so stored events read as before.
     */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictRequestJson() {
        return builder -> builder.featuresToDisable(
                        MapperFeature.ALLOW_COERCION_OF_SCALARS, DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .postConfigurer(mapper -> {
                    mapper.coercionConfigFor(LogicalType.Textual)
                            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
                    for (LogicalType number : new LogicalType[] {LogicalType.Integer, LogicalType.Float}) {
                        mapper.coercionConfigFor(number)
                                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
                    }
                    mapper.coercionConfigFor(LogicalType.Boolean)
                            .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
                });
    }

    @Bean
    @ConditionalOnClass(Tomcat.class)
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReport() {
        return ProblemErrorReport.installer();
    }

    @Bean
    FrameworkProblems frameworkProblems() {
        return new FrameworkProblems();
    }

    @Bean
    ErrorProblems errorProblems() {
        return new ErrorProblems();
    }
}
