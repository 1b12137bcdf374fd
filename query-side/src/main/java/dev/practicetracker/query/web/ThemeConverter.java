package dev.practicetracker.query.web;

import dev.practicetracker.events.Theme;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** Reads {@code ?theme=databases} by the theme's id, as everywhere else in the API, rather than its Java name. */
@Component
class ThemeConverter implements Converter<String, Theme> {

    @Override
    public Theme convert(String id) {
        return Theme.fromId(id);
    }
}
