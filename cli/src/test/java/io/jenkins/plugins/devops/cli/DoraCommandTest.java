package io.jenkins.plugins.devops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DoraCommandTest {
    /** svc1: success, failure, success 30 min later; svc2: one success. Lead times 10, 20 and 60 min. */
    private static final String CSV = "id,service,environment,result,finished_epoch_s,commit_epoch_s\n"
            + "0,svc1,production,SUCCESS,1700000600,1700000000\n"
            + "1,svc1,production,FAILURE,1700003600,1700003000\n"
            + "2,svc1,production,SUCCESS,1700005400,1700004200\n"
            + "3,svc2,production,SUCCESS,1700007200,1700003600\n";

    private record Run(int exit, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = DevopsCommand.commandLine(args);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void computesTheDoraMetricsFromACsvAsJsonUnderDorasNames(@TempDir Path dir) throws IOException {
        Path csv = Files.writeString(dir.resolve("d.csv"), CSV);
        Run run = run("dora", "--import", csv.toString(), "--window", "7d", "--at", "latest", "--format", "json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode overall = new ObjectMapper().readTree(run.out()).path("overall");
        assertThat(overall.path("deployments").asInt()).isEqualTo(4);
        assertThat(overall.path("changeFailures").asInt()).isEqualTo(1);
        assertThat(overall.path("changeFailureRate").asDouble()).isEqualTo(0.25);
        assertThat(overall.path("leadTimeForChanges").asLong()).isEqualTo(1200); // 10, 10, 20, 60 min
        assertThat(overall.path("failedDeploymentRecoveryTime").asLong()).isEqualTo(1800);
        assertThat(overall.path("bands").path("failedDeploymentRecoveryTime").asText())
                .isEqualTo("ELITE");
        assertThat(overall.path("targetsMet").path("leadTimeForChanges").asBoolean())
                .isTrue();
        // CSV rows carry no rework flag: the one deployment right after the failure is rework by the second rule
        assertThat(overall.path("deploymentReworkRate").asDouble()).isEqualTo(0.25);
        assertThat(overall.path("reworkAfterFailure").asInt()).isEqualTo(1);
        assertThat(overall.path("reworkDeclared").asInt()).isZero();
        assertThat(overall.has("deploymentFrequency")).isTrue();
        assertThat(overall.has("leadTimeSeconds") || overall.has("timeToRestoreSeconds"))
                .isFalse();
    }

    @Test
    void importsIntoALedgerThenReportsFromIt(@TempDir Path dir) throws IOException {
        Path csv = Files.writeString(dir.resolve("d.csv"), CSV);
        Path ledger = dir.resolve("ledger");
        Run imported = run("dora", "--ledger", ledger.toString(), "--import", csv.toString(), "--at", "latest");
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.err()).contains("imported 4 deployments into");
        Run report = run("dora", "--ledger", ledger.toString(), "--at", "2023-11-15T00:00:00Z", "--window", "90d");
        assertThat(report.exit()).isZero();
        assertThat(report.out())
                .contains("DORA metrics from 2023-08-17T00:00:00Z to 2023-11-15T00:00:00Z (bands: DORA 2023)")
                .containsPattern("svc1/production +3 ")
                .contains("overall: deployment frequency LOW (target not met: over 1.00 per day); lead time for"
                        + " changes ELITE (target met: under 1h00m)");
    }

    @Test
    void badInputIsOneLineSayingWhatToDoWithExitCode2(@TempDir Path dir) throws IOException {
        Run missing = run("dora", "--import", dir.resolve("nope.csv").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err().strip())
                .isEqualTo(
                        "devops dora: deployments file " + dir.resolve("nope.csv") + " does not exist; check the path");

        Run neither = run("dora");
        assertThat(neither.exit()).isEqualTo(2);
        assertThat(neither.err().strip())
                .isEqualTo("devops dora: give --ledger DIR or --import deployments.csv (or both to import)");

        Path csv = Files.writeString(dir.resolve("d.csv"), CSV);
        Run window = run("dora", "--import", csv.toString(), "--window", "a month");
        assertThat(window.exit()).isEqualTo(2);
        assertThat(window.err().strip())
                .isEqualTo("devops dora: --window 'a month' is not a duration; use a number"
                        + " of days or hours like 7d, 30d, 90d or 12h");

        Path bad = Files.writeString(dir.resolve("bad.csv"), CSV + "4,svc1,production,MAYBE,1700009000,1700008000\n");
        Run row = run("dora", "--import", bad.toString());
        assertThat(row.exit()).isEqualTo(2);
        assertThat(row.err().strip()).endsWith("line 6: unknown result 'MAYBE'; use SUCCESS or FAILURE");

        Run ledger = run("dora", "--ledger", dir.resolve("no-ledger").toString());
        assertThat(ledger.exit()).isEqualTo(2);
        assertThat(ledger.err()).contains("does not exist; check --ledger");

        Run format = run("dora", "--import", csv.toString(), "--format", "xml");
        assertThat(format.exit()).isEqualTo(2);
        assertThat(format.err()).contains("Invalid value for option '--format'");
    }
}
