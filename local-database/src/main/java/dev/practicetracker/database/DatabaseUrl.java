package dev.practicetracker.database;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.springframework.lang.Nullable;

/**
 * A PostgreSQL location given as {@code DATABASE_URL}: either a JDBC URL ({@code jdbc:postgresql://host:5432/db}) or
 * the common {@code postgres://user:password@host:5432/db} form, whose credentials are split out so they never
 * appear in a logged URL.
 */
public record DatabaseUrl(
        String jdbcUrl, @Nullable String username, @Nullable String password) {

    public static DatabaseUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("DATABASE_URL is empty");
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return new DatabaseUrl(url, null, null);
        }
        if (!url.startsWith("postgres://") && !url.startsWith("postgresql://")) {
            throw new IllegalArgumentException(
                    "DATABASE_URL must start with jdbc:postgresql:, postgres:// or postgresql://");
        }
        URI uri = URI.create(url);
        String username = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            username = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        int port = uri.getPort() == -1 ? 5432 : uri.getPort();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        String jdbc = "jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath() + query;
        return new DatabaseUrl(jdbc, username, password);
    }

    /** The URL without credentials, safe for logs. */
    public String redacted() {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    }

    private static String decode(String value) {
        // Percent-decoding only: URLDecoder is for forms and would turn a '+' in a password into a space.
        return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
