package dev.practicetracker.command.question;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Where the shipped question catalogue is and whether it is loaded at start-up.
 *
 * @param location the catalogue's JSON
 * @param loadOnStart whether the bank is brought in line with it at start-up ({@code CATALOGUE_LOAD_ON_START})
 *
 * <p>Boxed where an environment variable maps the setting: an empty variable binds as absent, so the default here
 * applies.
 */
@ConfigurationProperties("tracker.catalogue")
record CatalogueProperties(
        @DefaultValue("classpath:catalogue/questions.json") Resource location,
        @DefaultValue("true") Boolean loadOnStart) {}
