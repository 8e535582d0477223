package io.jenkins.plugins.devops.core.checklist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The fixture repositories under src/test/resources/checklist. When the tests run from the core test-jar (the cli
 * module's tests), a fixture is copied out of the jar into a temporary directory once.
 */
public final class Fixtures {
    private static final Map<String, Path> EXTRACTED = new ConcurrentHashMap<>();

    private Fixtures() {}

    public static Path repo(String name) {
        URI uri;
        try {
            uri = Fixtures.class.getResource("/checklist/" + name).toURI();
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing fixture repository " + name, e);
        }
        if (!uri.getScheme().equals("jar")) {
            return Path.of(uri);
        }
        return EXTRACTED.computeIfAbsent(name, n -> extract(uri, n));
    }

    private static Path extract(URI uri, String name) {
        try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
            Path source = jar.getPath("/checklist/" + name);
            Path target = Files.createTempDirectory("checklist-fixture-").resolve(name);
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Path copy = target.resolve(source.relativize(file).toString());
                    Files.createDirectories(copy.getParent());
                    Files.copy(file, copy);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract fixture " + name, e);
        }
    }

    public static ChecklistReport evaluate(String name) {
        return evaluate(name, ChecklistConfig.defaults(), Facts.none());
    }

    public static ChecklistReport evaluate(String name, ChecklistConfig config, Facts facts) {
        return new ChecklistEngine().evaluate(new ChecklistRequest(repo(name), config, facts));
    }

    public static ItemResult item(ChecklistReport report, String id) {
        return report.item(id).orElseThrow(() -> new AssertionError("no item " + id + " in the report"));
    }
}
