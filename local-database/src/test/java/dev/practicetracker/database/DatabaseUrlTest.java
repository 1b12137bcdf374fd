package dev.practicetracker.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void aJdbcUrlIsTakenAsItIs() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://db:5432/tracker?sslmode=require");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/tracker?sslmode=require");
        assertThat(url.username()).isNull();
    }

    @Test
    void aPostgresUrlIsSplitIntoAJdbcUrlAndCredentials() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://tracker:s%40cret@db.internal/tracker");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5432/tracker");
        assertThat(url.username()).isEqualTo("tracker");
        assertThat(url.password()).isEqualTo("s@cret");
    }

    @Test
    void aPlusInAPasswordStaysAPlus() {
        assertThat(DatabaseUrl.parse("postgresql://u:ab+cd@db:6432/x").password())
                .isEqualTo("ab+cd");
    }

    @Test
    void theRedactedFormHidesTheQueryWhereCredentialsMayBe() {
        assertThat(DatabaseUrl.parse("jdbc:postgresql://db/x?user=u&password=p").redacted())
                .isEqualTo("jdbc:postgresql://db/x");
    }

    @Test
    void anotherSchemeIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://db/x"))
                .hasMessageContaining("must start with jdbc:postgresql:");
    }
}
