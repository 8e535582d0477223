package io.jenkins.plugins.devops.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devops.core.deploy.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeploymentLedgerTest {

    @Test
    void appendedRecordsSurviveReopeningWithTheirIndex(@TempDir Path dir) throws IOException {
        try (DeploymentLedger ledger = DeploymentLedger.open(dir)) {
            ledger.append(Deployments.record("d1", "cart", Outcome.SUCCEEDED, 10));
            ledger.append(Deployments.record("d2", "cart", Outcome.FAILED_ROLLED_BACK, 20));
        }
        assertThat(dir.resolve(DeploymentLedger.INDEX)).exists();
        try (DeploymentLedger ledger = DeploymentLedger.open(dir)) {
            ledger.append(Deployments.record("d3", "web", Outcome.SUCCEEDED, 30));
            assertThat(ledger.entries()).extracting(LedgerEntry::id).containsExactly("d1", "d2", "d3");
            LedgerIndex index = ledger.index();
            assertThat(index.size()).isEqualTo(3);
            assertThat(index.outcome(1)).isEqualTo(Outcome.FAILED_ROLLED_BACK);
            assertThat(index.lead(2, 0)).isEqualTo(45 * 60);
            assertThat(ledger.entries().get(1).rolledBackAt()).isPresent();
        }
    }

    @Test
    void anIndexLeftFromAReplacedLedgerIsRebuiltInsteadOfAddingItsDeployments(@TempDir Path dir) throws IOException {
        try (DeploymentLedger ledger = DeploymentLedger.open(dir)) {
            ledger.append(Deployments.record("old1", "cart", Outcome.SUCCEEDED, 10));
            ledger.append(Deployments.record("old2", "cart", Outcome.FAILED, 20));
        }
        // An operator starts over by deleting (or restoring another) deployments.jsonl but not the cache next to it.
        Files.delete(dir.resolve("deployments.jsonl"));
        try (DeploymentLedger ledger = DeploymentLedger.open(dir)) {
            for (int i = 1; i <= 4; i++) {
                ledger.append(Deployments.record("new" + i, "web-frontend", Outcome.SUCCEEDED, 100 + i));
            }
        }
        try (DeploymentLedger ledger = DeploymentLedger.open(dir)) {
            assertThat(ledger.entries()).hasSize(4);
            LedgerIndex index = ledger.index();
            assertThat(index.size()).isEqualTo(4);
            for (int i = 0; i < 4; i++) {
                assertThat(index.outcome(i)).isEqualTo(Outcome.SUCCEEDED);
            }
            assertThat(index.series()).extracting(LedgerIndex.Series::service).containsExactly("web-frontend");
        }
    }

    @Test
    void listenersSeeEveryAppendedEntry(@TempDir Path dir) throws IOException {
        List<String> seen = new ArrayList<>();
        try (DeploymentLedger ledger = DeploymentLedger.open(dir)) {
            ledger.onAppend(e -> seen.add(e.id()));
            ledger.append(Deployments.record("d1", "cart", Outcome.SUCCEEDED, 10));
        }
        assertThat(seen).containsExactly("d1");
    }

    @Test
    void aRecordWithoutServiceIsRejectedBeforeAnythingIsWritten(@TempDir Path dir) throws IOException {
        try (DeploymentLedger ledger = DeploymentLedger.open(dir)) {
            var record = Deployments.record("d1", " ", Outcome.SUCCEEDED, 10);
            assertThatThrownBy(() -> ledger.append(record))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("non-empty service");
            assertThat(ledger.entries()).isEmpty();
        }
    }

    @Test
    void aFileAsLedgerLocationIsRefused(@TempDir Path dir) throws IOException {
        Path file = Files.createFile(dir.resolve("not-a-dir"));
        assertThatThrownBy(() -> DeploymentLedger.open(file)).hasMessageContaining("is a file; give a directory");
    }

    @Test
    void csvImportStoresEveryRow(@TempDir Path dir) throws IOException {
        Path csv = Files.writeString(
                dir.resolve("d.csv"),
                "id,service,environment,result,finished_epoch_s,commit_epoch_s\n"
                        + "0,svc1,production,SUCCESS,1700000100,1700000000\n"
                        + "1,svc2,staging,FAILURE,1700000200,1700000150\n");
        try (DeploymentLedger ledger = DeploymentLedger.open(dir.resolve("ledger"))) {
            assertThat(DeploymentCsv.importInto(csv, ledger)).isEqualTo(2);
            List<LedgerEntry> entries = ledger.entries();
            assertThat(entries.get(1).outcome()).isEqualTo(Outcome.FAILED);
            assertThat(entries.get(1).environment()).isEqualTo("staging");
            assertThat(ledger.index().lead(0, 0)).isEqualTo(100);
        }
    }

    @Test
    void importingTheSameCsvTwiceDoesNotCountItsDeploymentsTwice(@TempDir Path dir) throws IOException {
        String header = "id,service,environment,result,finished_epoch_s,commit_epoch_s\n";
        Path first = Files.writeString(
                dir.resolve("d.csv"),
                header + "0,svc1,production,SUCCESS,1700000100,1700000000\n"
                        + "1,svc2,staging,FAILURE,1700000200,1700000150\n");
        Path more = Files.writeString(
                dir.resolve("more.csv"),
                header + "1,svc2,staging,FAILURE,1700000200,1700000150\n"
                        + "2,svc1,production,SUCCESS,1700000300,1700000250\n");
        try (DeploymentLedger ledger = DeploymentLedger.open(dir.resolve("ledger"))) {
            assertThat(DeploymentCsv.importInto(first, ledger)).isEqualTo(2);
            assertThat(DeploymentCsv.importInto(first, ledger)).isZero();
            assertThat(DeploymentCsv.importInto(more, ledger)).isEqualTo(1);
            assertThat(ledger.entries()).extracting(LedgerEntry::id).containsExactly("csv-0", "csv-1", "csv-2");
            assertThat(ledger.size()).isEqualTo(3);
        }
    }

    @Test
    void anIdRepeatedInsideOneCsvIsImportedOnceByBothReaders(@TempDir Path dir) throws IOException {
        // the failure exported twice is one deployment, not two (which would raise the change failure rate)
        StringBuilder rows = new StringBuilder("id,service,environment,result,finished_epoch_s,commit_epoch_s\n");
        for (int i = 0; i < 10; i++) {
            rows.append(i)
                    .append(",svc,production,")
                    .append(i == 4 ? "FAILURE" : "SUCCESS")
                    .append(',');
            rows.append(1000 + 100 * i).append(',').append(900 + 100 * i).append('\n');
            if (i == 4) {
                rows.append("4,svc,production,FAILURE,1400,1300\n");
            }
        }
        rows.append("x-7,svc,production,SUCCESS,3000,2900\n").append("x-7,svc,production,SUCCESS,3000,2900\n");
        rows.append("007,svc,production,SUCCESS,3100,3000\n"); // not the id 7
        Path csv = Files.writeString(dir.resolve("dup.csv"), rows.toString());
        assertThat(DeploymentCsv.readIndex(csv).size()).isEqualTo(12);
        try (DeploymentLedger ledger = DeploymentLedger.open(dir.resolve("ledger"))) {
            assertThat(DeploymentCsv.importInto(csv, ledger)).isEqualTo(12);
            assertThat(ledger.entries())
                    .extracting(LedgerEntry::id)
                    .doesNotHaveDuplicates()
                    .contains("csv-4", "csv-x-7", "csv-007", "csv-7");
            assertThat(ledger.entries().stream()
                            .filter(e -> e.outcome() == Outcome.FAILED)
                            .count())
                    .isEqualTo(1);
        }
        List<String> read = new java.util.ArrayList<>();
        DeploymentCsv.read(csv, e -> read.add(e.id()));
        assertThat(read).hasSize(12).doesNotHaveDuplicates();
    }

    @Test
    void numericIdsAreKeptExactlyByValueText() {
        CsvIdSet ids = new CsvIdSet();
        for (int i = 0; i < 100_000; i++) {
            assertThat(ids.add(Integer.toString(i * 7 - 49_000))).isTrue();
        }
        assertThat(ids.add("0")).isFalse();
        assertThat(ids.add("-7")).isFalse();
        assertThat(ids.contains("650993")).isTrue();
        assertThat(ids.contains("650994")).isFalse();
        assertThat(ids.add("00")).isTrue(); // text, not the number 0
        assertThat(ids.add("-0")).isTrue();
        assertThat(ids.add("123456789012345678901234")).isTrue();
        assertThat(ids.add("123456789012345678901234")).isFalse();
        assertThat(CsvIdSet.canonicalLong("999999999999999999")).isEqualTo(999_999_999_999_999_999L);
        assertThat(CsvIdSet.canonicalLong("9999999999999999999")).isEqualTo(Long.MIN_VALUE); // 19 digits: text
    }

    @Test
    void aCsvSavedWithAByteOrderMarkIsRead(@TempDir Path dir) throws IOException {
        Path csv = Files.writeString(
                dir.resolve("excel.csv"),
                "\uFEFFid,service,environment,result,finished_epoch_s,commit_epoch_s\r\n"
                        + "0,svc1,production,SUCCESS,1700000100,1700000000\r\n");
        try (DeploymentLedger ledger = DeploymentLedger.open(dir.resolve("ledger"))) {
            assertThat(DeploymentCsv.importInto(csv, ledger)).isEqualTo(1);
        }
        assertThat(DeploymentCsv.readIndex(csv).size()).isEqualTo(1);
    }

    @Test
    void bothCsvReadersGiveTheSameLeadTimeForACommitDecadesBeforeTheDeployment(@TempDir Path dir) throws IOException {
        // commit_epoch_s -1000000000 (1938): the lead time does not fit in an int and must not wrap to negative
        Path csv = Files.writeString(
                dir.resolve("old.csv"),
                "id,service,environment,result,finished_epoch_s,commit_epoch_s\n"
                        + "0,svc1,production,SUCCESS,1700000000,-1000000000\n");
        try (DeploymentLedger ledger = DeploymentLedger.open(dir.resolve("ledger"))) {
            DeploymentCsv.importInto(csv, ledger);
            assertThat(DeploymentCsv.readIndex(csv).lead(0, 0))
                    .isEqualTo(ledger.index().lead(0, 0))
                    .isEqualTo(Integer.MAX_VALUE);
        }
    }

    @Test
    void aBadCsvRowNamesItsLineAndStoresNothing(@TempDir Path dir) throws IOException {
        String header = "id,service,environment,result,finished_epoch_s,commit_epoch_s\n";
        assertCsvError(
                dir,
                header + "0,svc1,production,SUCCESS,100,50\n1,svc1,production,MAYBE,200,100\n",
                "line 3: unknown result 'MAYBE'; use SUCCESS or FAILURE");
        assertCsvError(dir, header + "0,,production,SUCCESS,100,50\n", "line 2: service is empty");
        assertCsvError(dir, header + ",svc,production,SUCCESS,100,50\n", "line 2: id is empty");
        assertCsvError(dir, header + "0,svc,,SUCCESS,100,50\n", "line 2: environment is empty");
        assertCsvError(dir, header + "0,svc,prod,SUCCESS,soon,50\n", "finished_epoch_s 'soon' is not a whole number");
        assertCsvError(dir, "id,service\n", "the first line must be the header");
    }

    private static void assertCsvError(Path dir, String content, String message) throws IOException {
        Path csv = Files.writeString(dir.resolve("bad.csv"), content);
        Path ledgerDir = dir.resolve("bad-ledger");
        try (DeploymentLedger ledger = DeploymentLedger.open(ledgerDir)) {
            assertThatThrownBy(() -> DeploymentCsv.importInto(csv, ledger))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(message);
            assertThat(ledger.entries()).isEmpty();
        }
    }
}
