package io.jenkins.plugins.devops.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devops.core.deploy.DeploymentKind;
import io.jenkins.plugins.devops.core.deploy.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ledger written by an older version stays readable. The fixtures {@code ledger/format-v1/deployments.jsonl} and
 * {@code ledger/format-v2/deployments.jsonl} were written by format versions 1 and 2 and are never regenerated: when
 * the format changes, add a new fixture and keep these.
 */
class LedgerFormatCompatibilityTest {

    @Test
    void readsAStoredFormatVersion1Ledger(@TempDir Path dir) throws IOException {
        copyFixture("format-v1", dir);
        try (DeploymentLedger ledger = DeploymentLedger.open(dir)) {
            List<LedgerEntry> entries = ledger.entries();
            assertThat(entries).extracting(LedgerEntry::id).containsExactly("d-1", "d-2", "r-1");
            LedgerEntry first = entries.get(0);
            assertThat(first.commits()).hasSize(2);
            assertThat(first.commits().get(1).time()).isEqualTo(Instant.parse("2026-11-02T08:00:00Z"));
            assertThat(first.artifact())
                    .endsWith("@sha256:0b31b1c02ff458ad9b7b81cbdf8f028bd54699fa151f221d1e8de6817db93427");
            LedgerEntry failed = entries.get(1);
            assertThat(failed.outcome()).isEqualTo(Outcome.FAILED_ROLLED_BACK);
            assertThat(failed.rolledBackAt()).contains(Instant.parse("2026-11-03T10:12:00Z"));
            assertThat(entries.get(2).kind()).isEqualTo(DeploymentKind.ROLLBACK);
            assertThat(entries.get(2).rolledBackAt()).isEqualTo(Optional.empty());
            assertThat(entries).noneMatch(LedgerEntry::rework); // version 1 had no rework flag
            assertThat(ledger.index().reworkDeclared(0)).isFalse();
        }
    }

    @Test
    void aDeclaredReworkIsWrittenAsVersion2AndReadBackIntoTheEntryAndTheIndex(@TempDir Path dir) throws IOException {
        LedgerEntry base = LedgerWriterMain.entry(7);
        LedgerEntry hotfix = new LedgerEntry(
                base.id() + "-hotfix",
                DeploymentKind.DEPLOY,
                base.service(),
                base.environment(),
                base.version(),
                base.previousVersion(),
                base.artifact(),
                base.outcome(),
                base.startedAt(),
                base.finishedAt(),
                base.commits(),
                base.strategy(),
                base.triggeredBy(),
                base.rolledBackAt(),
                true);
        String line = new String(LedgerEntryCodec.encode(hotfix), StandardCharsets.UTF_8);
        assertThat(line).contains("\"formatVersion\":2").contains("\"rework\":true");
        assertThat(new String(LedgerEntryCodec.encode(base), StandardCharsets.UTF_8))
                .doesNotContain("rework");
        try (DeploymentLedger ledger = DeploymentLedger.open(dir)) {
            ledger.append(base);
            ledger.append(hotfix);
        }
        try (DeploymentLedger ledger = DeploymentLedger.open(dir)) {
            assertThat(ledger.entries()).extracting(LedgerEntry::rework).containsExactly(false, true);
            assertThat(ledger.index().reworkDeclared(1)).isTrue(); // from the saved index file
        }
        Files.delete(dir.resolve(DeploymentLedger.INDEX));
        try (DeploymentLedger ledger = DeploymentLedger.open(dir)) {
            assertThat(ledger.index().reworkDeclared(1)).isTrue(); // rebuilt from the lines
            assertThat(ledger.index().reworkDeclared(0)).isFalse();
        }
    }

    @Test
    void aVersion1LineWithAReworkFieldIsNotReadAsRework() {
        // only version 2 defines the flag; a stray field in a version 1 line is one of the ignored unknown fields
        String line = "{\"formatVersion\":1,\"id\":\"x\",\"kind\":\"DEPLOY\",\"service\":\"s\",\"environment\":\"e\","
                + "\"outcome\":\"SUCCEEDED\",\"startedAt\":\"2026-01-01T00:00:00Z\","
                + "\"finishedAt\":\"2026-01-01T00:01:00Z\",\"commits\":[],\"rework\":true}";
        assertThat(LedgerEntryCodec.decode(line.getBytes(StandardCharsets.UTF_8))
                        .rework())
                .isFalse();
    }

    @Test
    void readsAStoredFormatVersion2LedgerWithItsDeclaredRework(@TempDir Path dir) throws IOException {
        copyFixture("format-v2", dir);
        try (DeploymentLedger ledger = DeploymentLedger.open(dir)) {
            List<LedgerEntry> entries = ledger.entries();
            assertThat(entries).extracting(LedgerEntry::id).containsExactly("d-1", "d-2", "r-1");
            assertThat(entries).extracting(LedgerEntry::rework).containsExactly(false, true, false);
            assertThat(entries.get(0).outcome()).isEqualTo(Outcome.FAILED);
            assertThat(entries.get(1).commits().get(0).time()).isEqualTo(Instant.parse("2026-12-01T10:20:00Z"));
            assertThat(entries.get(2).kind()).isEqualTo(DeploymentKind.ROLLBACK);
            LedgerIndex index = ledger.index();
            assertThat(index.reworkDeclared(1)).isTrue();
            assertThat(index.reworkDeclared(0)).isFalse();
        }
    }

    @Test
    void fieldsAddedByALaterVersionOfTheSameFormatAreIgnored() {
        String line = "{\"formatVersion\":1,\"id\":\"x\",\"kind\":\"DEPLOY\",\"service\":\"s\",\"environment\":\"e\","
                + "\"outcome\":\"SUCCEEDED\",\"startedAt\":\"2026-01-01T00:00:00Z\","
                + "\"finishedAt\":\"2026-01-01T00:01:00Z\",\"commits\":[],\"approvedBy\":\"dana\"}";
        LedgerEntry entry = LedgerEntryCodec.decode(line.getBytes(StandardCharsets.UTF_8));
        assertThat(entry.id()).isEqualTo("x");
    }

    @Test
    void aNewerFormatIsRefusedWithAnUpgradeHint() {
        String line = "{\"formatVersion\":9,\"id\":\"x\"}";
        assertThatThrownBy(() -> LedgerEntryCodec.decode(line.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("format version 9")
                .hasMessageContaining("upgrade");
    }

    @Test
    void everyEntryRoundTripsThroughTheCurrentFormat() {
        LedgerEntry entry = LedgerWriterMain.entry(26);
        assertThat(LedgerEntryCodec.decode(LedgerEntryCodec.encode(entry))).isEqualTo(entry);
    }

    @Test
    void aDamagedIndexFileIsRebuiltFromTheLedger(@TempDir Path dir) throws IOException {
        Path index = savedIndexOfTheFixture(dir);
        byte[] bytes = Files.readAllBytes(index);
        bytes[bytes.length - 20] ^= 0x7f;
        Files.write(index, bytes);
        assertTheFixtureIsReadInFull(dir);
    }

    @Test
    void anIndexFileOfTheFirstFormatIsRebuiltAndRewrittenInTheCurrentOne(@TempDir Path dir) throws IOException {
        Path index = savedIndexOfTheFixture(dir);
        byte[] bytes = Files.readAllBytes(index);
        // [header length, little-endian int][magic, big-endian int][version, big-endian int]...
        assertThat(java.nio.ByteBuffer.wrap(bytes, 8, 4).getInt()).isEqualTo(2);
        java.nio.ByteBuffer.wrap(bytes, 8, 4).putInt(1);
        Files.write(index, bytes);
        assertTheFixtureIsReadInFull(dir);
        assertThat(java.nio.ByteBuffer.wrap(Files.readAllBytes(index), 8, 4).getInt())
                .isEqualTo(2);
    }

    /** Opens the version 1 ledger fixture once, which saves its index, and returns the index file. */
    private static Path savedIndexOfTheFixture(Path dir) throws IOException {
        copyFixture("format-v1", dir);
        try (DeploymentLedger ledger = DeploymentLedger.open(dir)) {
            assertThat(ledger.index().size()).isEqualTo(3);
        }
        return dir.resolve(DeploymentLedger.INDEX);
    }

    private static void assertTheFixtureIsReadInFull(Path dir) throws IOException {
        try (DeploymentLedger ledger = DeploymentLedger.open(dir)) {
            LedgerIndex rebuilt = ledger.index();
            assertThat(rebuilt.size()).isEqualTo(3);
            assertThat(rebuilt.outcome(1)).isEqualTo(Outcome.FAILED_ROLLED_BACK);
            assertThat(rebuilt.lead(0, 1)).isEqualTo(2 * 3600 + 360);
        }
    }

    private static void copyFixture(String name, Path dir) throws IOException {
        try (InputStream in =
                LedgerFormatCompatibilityTest.class.getResourceAsStream("/ledger/" + name + "/deployments.jsonl")) {
            Files.copy(in, dir.resolve(DeploymentLedger.LOG));
        }
    }
}
