package dev.practicetracker.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class WebPagesAutoConfigurationTest {

    private static final Path PAGES = Path.of("src/main/resources/META-INF/resources");

    @Test
    void everyShippedPageMayBeLoadedAndEveryPermittedPageExists() throws IOException {
        List<String> shipped;
        try (Stream<Path> files = Files.list(PAGES)) {
            shipped = files.map(file -> "/" + file.getFileName())
                    .filter(name -> name.endsWith(".html"))
                    .toList();
        }
        List<String> permitted = Arrays.stream(WebPagesAutoConfiguration.PAGES)
                .filter(path -> path.endsWith(".html"))
                .toList();
        assertThat(permitted).containsExactlyInAnyOrderElementsOf(shipped);
    }

    @Test
    void noPageLoadsAnythingFromAnotherSite() throws IOException {
        try (Stream<Path> files = Files.walk(PAGES)) {
            files.filter(file -> file.toString().endsWith(".html")
                            || (file.toString().endsWith(".js")
                                    && !file.toString().contains("vendor")))
                    .forEach(file -> assertThat(read(file))
                            .as(file.toString())
                            .doesNotContainPattern("(src|href)=\"(https?:)?//"));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
