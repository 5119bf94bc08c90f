package io.proxima.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Migrations are one sequence V1..Vn without gaps or duplicates (docs/architecture.md): a
 * migration added with a number below one already applied would stop Flyway at start.
 */
class MigrationSequenceTest {

    private static final Pattern NAME = Pattern.compile("V(\\d+)__[a-z0-9_]+\\.sql");

    @Test
    void migrationsFormOneSequenceWithoutGaps() throws IOException {
        Path dir = Path.of("src/main/resources/db/migration");
        List<Integer> versions = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                Matcher m = NAME.matcher(name);
                assertThat(m.matches()).as("migration file name %s (V<n>__lower_snake.sql)", name).isTrue();
                versions.add(Integer.parseInt(m.group(1)));
            }
        }
        versions.sort(null);
        List<Integer> expected = new ArrayList<>();
        for (int i = 1; i <= versions.size(); i++) {
            expected.add(i);
        }
        assertThat(versions).as("migration versions").isEqualTo(expected);
    }
}
