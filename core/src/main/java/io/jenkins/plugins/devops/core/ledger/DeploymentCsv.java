package io.jenkins.plugins.devops.core.ledger;

import io.jenkins.plugins.devops.core.deploy.Commit;
import io.jenkins.plugins.devops.core.deploy.DeploymentKind;
import io.jenkins.plugins.devops.core.deploy.Outcome;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads deployment history in the CSV format of {@code make_deployments.py}:
 * {@code id,service,environment,result,finished_epoch_s,commit_epoch_s}, result {@code SUCCESS} or {@code FAILURE}.
 *
 * <p>Rows have no start time (taken as the finish time) and one commit without a SHA. A bad row stops the import
 * with its line number before anything is stored. A row whose {@code id} appeared earlier in the same file is the
 * same deployment exported twice: only the first is read.
 */
public final class DeploymentCsv {
    private static final int BATCH = 8192;
    private static final String ID_PREFIX = "csv-";
    private static final String HEADER = "id,service,environment,result,finished_epoch_s,commit_epoch_s";

    private DeploymentCsv() {}

    /** Reads every row as a ledger entry. */
    public static void read(Path csv, Consumer<LedgerEntry> consumer) throws IOException {
        readRows(csv, row -> consumer.accept(row.toEntry()));
    }

    /**
     * Imports the CSV into the ledger: checks every row first, so a bad row stores nothing, then appends in
     * batches. Rows whose id was imported before are skipped, so importing the same (or a longer) history again
     * does not count its deployments twice. Returns the number of entries imported.
     */
    public static int importInto(Path csv, DeploymentLedger ledger) throws IOException {
        readRows(csv, row -> {});
        CsvIdSet imported = new CsvIdSet();
        ledger.forEach(entry -> {
            if (entry.id().startsWith(ID_PREFIX)) {
                imported.add(entry.id().substring(ID_PREFIX.length()));
            }
        });
        ledger.index();
        int[] rows = {0};
        List<LedgerEntry> batch = new ArrayList<>(BATCH);
        IOException[] failure = {null};
        readRows(csv, row -> {
            if (imported.contains(row.id)) {
                return;
            }
            rows[0]++;
            batch.add(row.toEntry());
            if (batch.size() == BATCH && failure[0] == null) {
                try {
                    ledger.appendAll(batch);
                } catch (IOException e) {
                    failure[0] = e;
                }
                batch.clear();
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        ledger.appendAll(batch);
        return rows[0];
    }

    /** Reads the CSV straight into columns (no per-row objects), the fast path for {@code devops dora --import}. */
    public static LedgerIndex readIndex(Path csv) throws IOException {
        LedgerIndex index = new LedgerIndex(1 << 16);
        int[] lead = new int[1];
        readRows(csv, row -> {
            // as LedgerIndex does for ledger entries: a lead beyond an int (68 years) is capped, never wrapped
            lead[0] = (int) Math.min(Integer.MAX_VALUE, row.finished - row.commit);
            index.add(
                    index.seriesId(row.service, row.environment),
                    row.finished,
                    0,
                    DeploymentKind.DEPLOY,
                    row.outcome,
                    lead,
                    1);
        });
        return index;
    }

    private record Row(String id, String service, String environment, Outcome outcome, long finished, long commit) {
        LedgerEntry toEntry() {
            Instant at = Instant.ofEpochSecond(finished);
            return new LedgerEntry(
                    ID_PREFIX + id,
                    DeploymentKind.DEPLOY,
                    service,
                    environment,
                    "",
                    "",
                    "",
                    outcome,
                    at,
                    at,
                    List.of(new Commit("", Instant.ofEpochSecond(commit))),
                    "",
                    "csv import",
                    Optional.empty());
        }
    }

    private interface RowConsumer {
        void accept(Row row);
    }

    private static void readRows(Path csv, RowConsumer consumer) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header != null && header.startsWith("\uFEFF")) {
                header = header.substring(1); // the byte order mark spreadsheet programs write
            }
            if (header == null || !header.strip().equals(HEADER)) {
                throw new IllegalArgumentException(csv + ": the first line must be the header '" + HEADER + "'");
            }
            String line;
            int lineNo = 1;
            String[] cells = new String[6];
            CsvIdSet seen = new CsvIdSet();
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                if (split(line, cells) != 6) {
                    throw new IllegalArgumentException(csv + " line " + lineNo + ": expected 6 comma-separated"
                            + " values (" + HEADER + "), got '" + line + "'");
                }
                Row row = parse(csv, lineNo, cells);
                if (seen.add(row.id)) {
                    consumer.accept(row);
                }
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("deployments file " + csv + " does not exist; check the path");
        }
    }

    private static Row parse(Path csv, int lineNo, String[] cells) {
        String where = csv + " line " + lineNo + ": ";
        if (cells[0].isEmpty()) {
            throw new IllegalArgumentException(
                    where + "id is empty; every row needs an id (it keeps a row from being counted twice)");
        }
        if (cells[1].isEmpty()) {
            throw new IllegalArgumentException(where + "service is empty; every row needs a service");
        }
        if (cells[2].isEmpty()) {
            throw new IllegalArgumentException(where + "environment is empty; every row needs an environment");
        }
        Outcome outcome =
                switch (cells[3]) {
                    case "SUCCESS" -> Outcome.SUCCEEDED;
                    case "FAILURE" -> Outcome.FAILED;
                    default -> throw new IllegalArgumentException(
                            where + "unknown result '" + cells[3] + "'; use SUCCESS or FAILURE");
                };
        long finished = number(where, "finished_epoch_s", cells[4]);
        long commit = number(where, "commit_epoch_s", cells[5]);
        if (commit > finished) {
            throw new IllegalArgumentException(where + "commit_epoch_s " + commit + " is after finished_epoch_s "
                    + finished + "; a deployment cannot ship a later commit");
        }
        return new Row(cells[0], cells[1], cells[2], outcome, finished, commit);
    }

    private static long number(String where, String field, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    where + field + " '" + value + "' is not a whole number of seconds since 1970");
        }
    }

    private static int split(String line, String[] cells) {
        int count = 0;
        int start = 0;
        for (int i = 0; i <= line.length(); i++) {
            if (i == line.length() || line.charAt(i) == ',') {
                if (count == cells.length) {
                    return count + 1;
                }
                cells[count++] = line.substring(start, i).strip();
                start = i + 1;
            }
        }
        return count;
    }
}
