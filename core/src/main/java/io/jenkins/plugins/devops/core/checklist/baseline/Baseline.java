package io.jenkins.plugins.devops.core.checklist.baseline;

import io.jenkins.plugins.devops.core.checklist.ChecklistReport;
import io.jenkins.plugins.devops.core.checklist.Evidence;
import io.jenkins.plugins.devops.core.checklist.ItemResult;
import io.jenkins.plugins.devops.core.checklist.Status;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The findings a team has accepted for now: every WARN and FAIL item of a report with its score and evidence, so
 * that a later build fails only on what is new. Written with {@code devops checklist --write-baseline FILE} (or
 * {@link BaselineFile#write}), compared with {@code --baseline FILE}.
 *
 * <p>A result is <em>known</em> when the baseline has the item with a status at least as bad, and either every
 * piece of its evidence is in the baseline or its score rose (fixing one problem adds "good" evidence, which must
 * not count as a new finding). Evidence is compared without line numbers, so edits elsewhere in a file do not
 * make an old finding new.
 *
 * @param items the accepted item results, by id order
 */
public record Baseline(List<Entry> items) {
    public static final int SCHEMA_VERSION = 1;

    /**
     * One accepted item result.
     *
     * @param id item id
     * @param status WARN or FAIL
     * @param score its score then
     * @param evidence its evidence as {@code source — detail}, without lines
     */
    public record Entry(String id, Status status, int score, List<String> evidence) {
        public Entry {
            evidence = List.copyOf(evidence);
        }
    }

    public Baseline {
        items = items.stream().sorted(Comparator.comparing(Entry::id)).toList();
    }

    /** The WARN and FAIL items of a report. */
    public static Baseline of(ChecklistReport report) {
        return new Baseline(report.items()
                .filter(item -> isFinding(item.status()))
                .map(item -> new Entry(item.id(), item.status(), item.score(), fingerprints(item)))
                .toList());
    }

    static boolean isFinding(Status status) {
        return status == Status.WARN || status == Status.FAIL;
    }

    /** Evidence without lines; the waiver notes and the "… N more" line are not findings. */
    static List<String> fingerprints(ItemResult item) {
        Set<String> prints = new LinkedHashSet<>();
        for (Evidence evidence : item.evidence()) {
            if (evidence.source().equals("…") || evidence.source().startsWith(Waivers.NOTE_PREFIX)) {
                continue;
            }
            prints.add(evidence.source() + " — " + evidence.detail());
        }
        return List.copyOf(prints);
    }

    /** What the baseline knew about this WARN/FAIL result, or empty when the result is new. */
    public Optional<Entry> knows(ItemResult item) {
        if (!isFinding(item.status())) {
            return Optional.empty();
        }
        Map<String, Entry> byId = items.stream().collect(Collectors.toMap(Entry::id, Function.identity()));
        Entry known = byId.get(item.id());
        if (known == null || (known.status() == Status.WARN && item.status() == Status.FAIL)) {
            return Optional.empty();
        }
        boolean newEvidence = !known.evidence().containsAll(fingerprints(item));
        return newEvidence && item.score() <= known.score() ? Optional.empty() : Optional.of(known);
    }
}
