package dev.practicetracker.app;

import dev.practicetracker.command.CommandSideApplication;
import dev.practicetracker.query.QuerySideApplication;
import dev.practicetracker.security.AccountDirectory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.FullyQualifiedAnnotationBeanNameGenerator;
import org.springframework.context.annotation.Import;

/**
 * Both services in one process: each service's own configuration (its component scan, its scheduling) is imported
 * as it is, so the one-process app runs exactly the code of the two-process deployment. Beans are named by their
 * fully qualified class names because both services have controllers of the same simple name.
 */
@SpringBootApplication
@Import({CommandSideApplication.class, QuerySideApplication.class})
public class TrackerApplication {

    public static void main(String[] args) {
        application(args).run(args);
    }

    /**
     * Each service keeps its own record of accounts; in one process the command side's is the one that answers, since
     * it is written in the same transaction as the account events.
     */
    @Bean
    static BeanFactoryPostProcessor commandSideAccountDirectoryIsPrimary() {
        return beanFactory -> {
            for (String name : beanFactory.getBeanNamesForType(AccountDirectory.class, true, false)) {
                BeanDefinition definition = beanFactory.getBeanDefinition(name);
                String type = definition.getBeanClassName();
                if (type != null && type.startsWith("dev.practicetracker.command.")) {
                    definition.setPrimary(true);
                }
            }
        };
    }

    /** The application as {@link #main} runs it, also for tests. */
    public static SpringApplication application(String... args) {
        SpringApplication application = new SpringApplication(TrackerApplication.class);
        application.setBeanNameGenerator(FullyQualifiedAnnotationBeanNameGenerator.INSTANCE);
        return application;
    }
}
