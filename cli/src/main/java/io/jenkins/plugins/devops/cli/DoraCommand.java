package io.jenkins.plugins.devops.cli;

import io.jenkins.plugins.devops.core.dora.AvailabilitySource;
import io.jenkins.plugins.devops.core.dora.DoraCalculator;
import io.jenkins.plugins.devops.core.dora.DoraJson;
import io.jenkins.plugins.devops.core.dora.DoraSettings;
import io.jenkins.plugins.devops.core.dora.DoraSummary;
import io.jenkins.plugins.devops.core.dora.DoraText;
import io.jenkins.plugins.devops.core.dora.EventStreamDora;
import io.jenkins.plugins.devops.core.dora.PrometheusAvailability;
import io.jenkins.plugins.devops.core.ledger.DeploymentCsv;
import io.jenkins.plugins.devops.core.ledger.DeploymentLedger;
import io.jenkins.plugins.devops.core.ledger.LedgerIndex;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code devops dora}: DORA metrics from a deployment ledger or a deployments CSV. */
@Command(
        name = "dora",
        mixinStandardHelpOptions = true,
        description = {
            "Computes the five DORA metrics (deployment frequency, lead time for changes, change failure rate,",
            "failed deployment recovery time, deployment rework rate) plus availability per service, per",
            "environment and overall. With --ledger DIR reads the ledger; with --import FILE reads a deployments",
            "CSV (id,service,environment,result,finished_epoch_s,commit_epoch_s); with both, imports the CSV into",
            "the ledger first; with --events FILE reads a JSONL event stream written by the JSONL event sink.",
            "Exit codes: 0 report printed, 2 usage or input error."
        })
public final class DoraCommand implements Callable<Integer> {

    /** The output formats. */
    enum Format {
        text,
        json
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--ledger", paramLabel = "DIR", description = "The ledger directory.")
    Path ledger;

    @Option(
            names = "--import",
            paramLabel = "FILE",
            description = "A deployments CSV to read (or import into --ledger).")
    Path csv;

    @Option(
            names = "--events",
            paramLabel = "FILE",
            description = "A JSONL event stream (--events-file of deploy/rollback, or the plugin's JSONL sink) to"
                    + " compute from instead of a ledger.")
    Path events;

    @Option(
            names = "--window",
            paramLabel = "DURATION",
            defaultValue = "30d",
            description = "The window, e.g. 7d, 30d, 90d or 12h (default: ${DEFAULT-VALUE}).")
    String window;

    @Option(
            names = "--at",
            paramLabel = "TIME",
            defaultValue = "now",
            description = "End of the window: now, latest (the last deployment) or an ISO-8601 time"
                    + " (default: ${DEFAULT-VALUE}).")
    String at;

    @Option(
            names = "--format",
            defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(
            names = "--prometheus",
            paramLabel = "URL",
            description = "Take availability from this Prometheus (with --availability-query).")
    java.net.URI prometheus;

    @Option(
            names = "--availability-query",
            paramLabel = "PROMQL",
            description = "PromQL giving one value in 0..1; may use $service, $environment and $window.")
    String availabilityQuery;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            DoraSettings settings = DoraSettings.defaults().withWindow(window(window));
            LedgerIndex index = load();
            Instant end = end(index);
            DoraSummary summary = new DoraCalculator(settings, availability()).calculate(index, end);
            PrintWriter out = spec.commandLine().getOut();
            out.print(
                    format == Format.json
                            ? DoraJson.toJson(summary).toPrettyString() + "\n"
                            : DoraText.render(summary, settings.targets()));
            out.flush();
            return 0;
        } catch (IllegalArgumentException | IOException e) {
            err.println("devops dora: " + e.getMessage());
            err.flush();
            return 2;
        }
    }

    private AvailabilitySource availability() {
        if (prometheus == null && availabilityQuery == null) {
            return AvailabilitySource.FROM_LEDGER;
        }
        if (prometheus == null || availabilityQuery == null) {
            throw new IllegalArgumentException(
                    "give both --prometheus URL and --availability-query PROMQL, or neither");
        }
        return new PrometheusAvailability(prometheus, availabilityQuery, Duration.ofSeconds(10));
    }

    private LedgerIndex load() throws IOException {
        if (events != null) {
            if (ledger != null || csv != null) {
                throw new IllegalArgumentException("give --events FILE alone, without --ledger or --import");
            }
            return EventStreamDora.read(events).index();
        }
        if (ledger == null && csv == null) {
            throw new IllegalArgumentException("give --ledger DIR or --import deployments.csv (or both to import)");
        }
        if (csv != null && !Files.isRegularFile(csv)) {
            throw new IllegalArgumentException("deployments file " + csv + " does not exist; check the path");
        }
        if (ledger == null) {
            return DeploymentCsv.readIndex(csv);
        }
        if (csv == null && !Files.isDirectory(ledger)) {
            throw new IllegalArgumentException("ledger directory " + ledger
                    + " does not exist; check --ledger or create it with --ledger DIR --import deployments.csv");
        }
        try (DeploymentLedger opened = DeploymentLedger.open(ledger)) {
            if (csv != null) {
                int rows = DeploymentCsv.importInto(csv, opened);
                spec.commandLine().getErr().println("imported " + rows + " deployments into " + ledger);
            }
            LedgerIndex index = opened.index();
            opened.saveIndex();
            return index;
        }
    }

    private Instant end(LedgerIndex index) {
        if (at.equals("now")) {
            return Instant.now();
        }
        if (at.equals("latest")) {
            long latest = 0;
            long[] finished = index.columns().finished();
            for (int i = 0; i < index.size(); i++) {
                latest = Math.max(latest, finished[i]);
            }
            return Instant.ofEpochSecond(latest);
        }
        try {
            return Instant.parse(at);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "--at '" + at + "' is not now, latest or an ISO-8601 time like 2026-11-01T00:00:00Z");
        }
    }

    static Duration window(String text) {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("(\\d{1,5})([dh])").matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("--window '" + text
                    + "' is not a duration; use a number of days or hours like 7d, 30d, 90d or 12h");
        }
        long amount = Long.parseLong(m.group(1));
        return m.group(2).equals("d") ? Duration.ofDays(amount) : Duration.ofHours(amount);
    }
}
