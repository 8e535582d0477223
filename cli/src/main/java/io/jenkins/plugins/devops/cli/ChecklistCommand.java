package io.jenkins.plugins.devops.cli;

import io.jenkins.plugins.devops.core.checklist.ChecklistConfig;
import io.jenkins.plugins.devops.core.checklist.ChecklistEngine;
import io.jenkins.plugins.devops.core.checklist.ChecklistInputException;
import io.jenkins.plugins.devops.core.checklist.ChecklistReport;
import io.jenkins.plugins.devops.core.checklist.ChecklistRequest;
import io.jenkins.plugins.devops.core.checklist.Facts;
import io.jenkins.plugins.devops.core.checklist.Policy;
import io.jenkins.plugins.devops.core.checklist.PolicyVerdict;
import io.jenkins.plugins.devops.core.checklist.TestCounts;
import io.jenkins.plugins.devops.core.checklist.baseline.Baseline;
import io.jenkins.plugins.devops.core.checklist.baseline.BaselineFile;
import io.jenkins.plugins.devops.core.checklist.report.ReportFormat;
import io.jenkins.plugins.devops.core.checklist.secrets.SecretRules;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code devops checklist [DIR]}: evaluates the CI/CD, infrastructure, monitoring and security checklists of a
 * workspace. Exit 0 when the policy passes (also UNSTABLE: warnings only), 1 when it fails, 2 for usage or input
 * errors.
 */
@Command(
        name = "checklist",
        mixinStandardHelpOptions = true,
        description = "Evaluate the CI/CD, infrastructure, monitoring and security checklists of a workspace from"
                + " evidence, scan it for secrets, score it and apply the policy.%n"
                + "Exit codes: 0 policy passed (or unstable), 1 policy failed, 2 usage or input error.")
public final class ChecklistCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "Workspace to evaluate (default: .)")
    Path workspace = Path.of(".");

    @Option(names = "--config", paramLabel = "FILE", description = "Checklist configuration YAML (docs/checklists.md)")
    Path config;

    @Option(
            names = "--rules",
            paramLabel = "FILE",
            description = "Secret rules, one regular expression per line; replaces the built-in rules")
    Path rules;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            description = "text, json, markdown, junit, sarif or html (default: text)")
    String format = "text";

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report here instead of standard output")
    Path out;

    @Option(
            names = "--fact",
            paramLabel = "NAME=VALUE",
            description = "A fact about the run: stages=Build,Test  tests=TOTAL/FAILED/SKIPPED  canRollBack=true"
                    + "  auditLoggingEnabled=true  credentials=id1,id2  strategy=canary  steps=10,50,100"
                    + "  httpRoute=NAME  service=NAME  (repeatable)")
    List<String> facts = List.of();

    @Option(
            names = "--fail-on",
            paramLabel = "WHEN",
            description = "critical: a failed critical item fails the policy (exit 1); none (default): it makes the"
                    + " report UNSTABLE, as devopsChecklist does without failOn; overrides the configuration file")
    String failOn;

    @Option(
            names = "--baseline",
            paramLabel = "FILE",
            description = "Findings accepted earlier (from --write-baseline): only new ones count for the policy")
    Path baseline;

    @Option(
            names = "--write-baseline",
            paramLabel = "FILE",
            description = "Write this run's WARN and FAIL items as the baseline (e.g. .devops/checklist-baseline.json)")
    Path writeBaseline;

    @Option(names = "--secrets-only", description = "Run only the secret scan (exit 1 when it finds secrets)")
    boolean secretsOnly;

    @Option(
            names = "--include-build-output",
            description = "Also look into build-output folders (target, build, dist), skipped by default")
    boolean includeBuildOutput;

    @Option(names = "--verbose", description = "Print progress to standard error")
    boolean verbose;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            ReportFormat reportFormat;
            try {
                reportFormat = ReportFormat.parse(format);
            } catch (IllegalArgumentException e) {
                return usageError(err, "--format: " + e.getMessage());
            }
            Facts parsedFacts;
            try {
                parsedFacts = parseFacts(facts);
            } catch (IllegalArgumentException e) {
                return usageError(err, "--fact: " + e.getMessage());
            }
            if (secretsOnly && (baseline != null || writeBaseline != null)) {
                return usageError(
                        err, "--baseline and --write-baseline apply to checklist items; drop them or --secrets-only");
            }
            ChecklistConfig checklistConfig = config == null
                    ? ChecklistConfig.defaults()
                    : ChecklistConfig.fromYaml(
                            InputFile.read(config, "checklist configuration", "--config"), config.toString());
            if (failOn != null) {
                if (!failOn.equals("critical") && !failOn.equals("none")) {
                    return usageError(err, "--fail-on: '" + failOn + "' is not supported; use 'critical' or 'none'");
                }
                Policy policy = checklistConfig.policy();
                checklistConfig = checklistConfig.withPolicy(
                        new Policy(failOn.equals("critical"), policy.minimumScore(), policy.unstableOnWarnings()));
            }
            if (includeBuildOutput) {
                checklistConfig = checklistConfig.withSecretScan(
                        checklistConfig.secretScan().withBuildOutput(true));
            }
            if (rules != null) {
                checklistConfig = checklistConfig.withSecretScan(
                        checklistConfig.secretScan().withRules(SecretRules.fromFile(rules)));
            }
            ChecklistRequest request = new ChecklistRequest(workspace, checklistConfig, parsedFacts, message -> {
                if (verbose) {
                    err.println(message);
                    err.flush();
                }
            });
            if (baseline != null) {
                request = request.withBaseline(BaselineFile.read(baseline));
            }
            ChecklistEngine engine = new ChecklistEngine();
            ChecklistReport report = secretsOnly ? engine.scanSecrets(request) : engine.evaluate(request);
            if (writeBaseline != null) {
                Baseline written = Baseline.of(report);
                BaselineFile.write(writeBaseline, written);
                err.println("devops checklist: wrote " + written.items().size() + " findings to the baseline "
                        + writeBaseline);
                err.flush();
            }
            String rendered = reportFormat.write(report);
            if (out == null) {
                PrintWriter stdout = spec.commandLine().getOut();
                stdout.print(rendered);
                stdout.flush();
            } else {
                try {
                    Path parent = out.toAbsolutePath().getParent();
                    if (parent != null) {
                        Files.createDirectories(parent);
                    }
                    Files.writeString(out, rendered, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return usageError(
                            err, "cannot write " + out + " (" + e.getMessage() + "); choose a writable --out");
                }
                if (verbose) {
                    err.println("checklist: wrote " + out);
                }
            }
            if (report.policy().verdict() == PolicyVerdict.FAILURE) {
                err.println("devops checklist: policy failed: "
                        + String.join("; ", report.policy().reasons()));
                err.flush();
                return 1;
            }
            return 0;
        } catch (ChecklistInputException e) {
            return usageError(err, e.getMessage());
        }
    }

    private static int usageError(PrintWriter err, String message) {
        err.println("devops checklist: " + message);
        err.flush();
        return 2;
    }

    static Facts parseFacts(List<String> entries) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("'" + entry + "' is not NAME=VALUE, e.g. canRollBack=true");
            }
            values.put(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
        }
        Facts result = Facts.none();
        Map<String, String> other = new LinkedHashMap<>();
        for (Map.Entry<String, String> fact : values.entrySet()) {
            String value = fact.getValue();
            switch (fact.getKey()) {
                case "stages" -> result = result.withStages(split(value));
                case "tests" -> {
                    String[] parts = value.split("/");
                    try {
                        result = result.withTests(new TestCounts(
                                Integer.parseInt(parts[0]),
                                parts.length > 1 ? Integer.parseInt(parts[1]) : 0,
                                parts.length > 2 ? Integer.parseInt(parts[2]) : 0));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("tests must be TOTAL/FAILED/SKIPPED, e.g. tests=120/0/3");
                    }
                }
                case "canRollBack" -> result = result.withCanRollBack(bool(fact.getKey(), value));
                case "auditLoggingEnabled" -> result = result.withAuditLoggingEnabled(bool(fact.getKey(), value));
                case "credentials" -> result = result.withCredentialsUsed(split(value));
                default -> other.put(fact.getKey(), value);
            }
        }
        return new Facts(
                result.stagesRan(),
                result.tests(),
                result.canRollBack(),
                result.auditLoggingEnabled(),
                result.credentialsUsed(),
                other);
    }

    private static List<String> split(String value) {
        return Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static boolean bool(String name, String value) {
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException(name + " must be true or false, was '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }
}
