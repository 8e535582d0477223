package io.jenkins.plugins.devops.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppendOnlyLogTest {

    @Test
    void aWriteCutAtAnyByteLeavesExactlyTheLinesBeforeIt(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("log");
        try (AppendOnlyLog log = AppendOnlyLog.open(file)) {
            log.append(List.of(bytes("first"), bytes("second")), true);
        }
        long intact = Files.size(file);
        try (AppendOnlyLog log = AppendOnlyLog.open(file)) {
            log.append(List.of(bytes("third, the one being written")), true);
        }
        byte[] full = Files.readAllBytes(file);
        for (int cut = (int) intact; cut < full.length; cut++) {
            Files.write(file, Arrays.copyOf(full, cut));
            try (AppendOnlyLog log = AppendOnlyLog.open(file)) {
                assertThat(lines(log)).as("cut at byte %d", cut).containsExactly("first", "second");
                assertThat(Files.size(file)).isEqualTo(intact);
            }
        }
    }

    @Test
    void aGarbledLastLineIsDroppedAndAppendingContinues(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("log");
        try (AppendOnlyLog log = AppendOnlyLog.open(file)) {
            log.append(List.of(bytes("kept"), bytes("garbled")), true);
        }
        byte[] content = Files.readAllBytes(file);
        content[content.length - 3] ^= 0x20; // a flipped bit in the last line, newline intact
        Files.write(file, content);
        try (AppendOnlyLog log = AppendOnlyLog.open(file)) {
            log.append(List.of(bytes("after")), true);
            assertThat(lines(log)).containsExactly("kept", "after");
        }
    }

    @Test
    void damageBeforeGoodLinesIsReportedNotSkipped(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("log");
        try (AppendOnlyLog log = AppendOnlyLog.open(file)) {
            log.append(List.of(bytes("one"), bytes("two"), bytes("three")), true);
        }
        byte[] content = Files.readAllBytes(file);
        content[10] ^= 0x20; // inside "one"
        Files.write(file, content);
        try (AppendOnlyLog log = AppendOnlyLog.open(file)) {
            assertThatThrownBy(() -> lines(log)).hasMessageContaining("checksum mismatch");
        }
    }

    @Test
    void aPayloadWithALineBreakIsRefusedBeforeWriting(@TempDir Path dir) throws IOException {
        try (AppendOnlyLog log = AppendOnlyLog.open(dir.resolve("log"))) {
            assertThatThrownBy(() -> log.append(List.of(bytes("a\nb")), true))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("one line");
            assertThat(log.size()).isZero();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> lines(AppendOnlyLog log) throws IOException {
        List<String> lines = new ArrayList<>();
        log.read(0, (payload, end) -> lines.add(new String(payload, StandardCharsets.UTF_8)));
        return lines;
    }
}
