package io.jenkins.plugins.devops.core.checklist;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The fixture repositories under src/test/resources/checklist. */
public final class Fixtures {
    private Fixtures() {}

    public static Path repo(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/checklist/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing fixture repository " + name, e);
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
