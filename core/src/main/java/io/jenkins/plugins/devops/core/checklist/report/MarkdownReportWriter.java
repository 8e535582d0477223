package io.jenkins.plugins.devops.core.checklist.report;

import io.jenkins.plugins.devops.core.checklist.ChecklistReport;
import io.jenkins.plugins.devops.core.checklist.ChecklistResult;
import io.jenkins.plugins.devops.core.checklist.Evidence;
import io.jenkins.plugins.devops.core.checklist.ItemResult;
import io.jenkins.plugins.devops.core.checklist.Status;
import io.jenkins.plugins.devops.core.checklist.secrets.SecretScanResult;
import java.util.Locale;

/** Writes the report as Markdown (for pull-request comments and job summaries) or as plain text (terminal). */
public final class MarkdownReportWriter {
    private MarkdownReportWriter() {}

    static String score(double score) {
        return score < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", score);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    public static String write(ChecklistReport report) {
        StringBuilder md = new StringBuilder();
        md.append("# DevOps checklist: ")
                .append(report.policy().verdict())
                .append(" (score ")
                .append(score(report.score()))
                .append("/10)\n\n");
        for (String reason : report.policy().reasons()) {
            md.append("- ").append(reason).append('\n');
        }
        if (!report.policy().reasons().isEmpty()) {
            md.append('\n');
        }
        for (ChecklistResult checklist : report.checklists()) {
            md.append("## ")
                    .append(checklist.category().title())
                    .append(" — ")
                    .append(score(checklist.score()))
                    .append("/10\n\n");
            md.append("| Status | Item | Severity | Score | Why |\n|---|---|---|---|---|\n");
            for (ItemResult item : checklist.items()) {
                md.append("| ")
                        .append(item.status())
                        .append(" | ")
                        .append(cell(item.title()))
                        .append(" (`")
                        .append(item.id())
                        .append("`) | ")
                        .append(item.severity())
                        .append(" | ")
                        .append(item.score() < 0 ? "–" : String.valueOf(item.score()))
                        .append(" | ")
                        .append(cell(item.summary()))
                        .append(" |\n");
            }
            md.append('\n');
            for (ItemResult item : checklist.items()) {
                if (item.status() == Status.FAIL || item.status() == Status.WARN) {
                    md.append("**")
                            .append(item.id())
                            .append("** — ")
                            .append(item.remediation())
                            .append('\n');
                    for (Evidence evidence : item.evidence()) {
                        md.append("  - `")
                                .append(evidence.location())
                                .append("` ")
                                .append(cell(evidence.detail()))
                                .append('\n');
                    }
                    md.append('\n');
                }
            }
        }
        SecretScanResult scan = report.secretScan();
        if (scan != null) {
            md.append("## Secret scan\n\n")
                    .append(scan.findings().size())
                    .append(" findings in ")
                    .append(scan.filesScanned())
                    .append(" files (")
                    .append(scan.rules())
                    .append(" rules; ")
                    .append(scan.binaryFilesSkipped())
                    .append(" binary and ")
                    .append(scan.ignoredPaths())
                    .append(" ignored paths skipped).\n\n");
            scan.findings().forEach(f -> md.append("- `")
                    .append(f.location())
                    .append("` ")
                    .append(f.ruleId())
                    .append(' ')
                    .append(f.masked())
                    .append('\n'));
        }
        return md.toString();
    }

    /** Plain text for a terminal: one line per item, then the verdict. */
    public static String text(ChecklistReport report) {
        StringBuilder text = new StringBuilder();
        for (ChecklistResult checklist : report.checklists()) {
            text.append(checklist.category().title())
                    .append(": ")
                    .append(score(checklist.score()))
                    .append("/10\n");
            for (ItemResult item : checklist.items()) {
                text.append(String.format(
                        Locale.ROOT,
                        "  %-14s %-34s %-8s %s%n",
                        item.status(),
                        item.id(),
                        item.severity(),
                        item.summary()));
                if (item.status() == Status.FAIL || item.status() == Status.WARN) {
                    item.evidence().stream().limit(5).forEach(e -> text.append("                 ")
                            .append(e.location())
                            .append(" ")
                            .append(e.detail())
                            .append('\n'));
                    text.append("                 fix: ")
                            .append(item.remediation())
                            .append('\n');
                }
            }
        }
        if (report.secretScan() != null) {
            text.append("Secret scan: ")
                    .append(report.secretScan().findings().size())
                    .append(" findings in ")
                    .append(report.secretScan().filesScanned())
                    .append(" files\n");
            report.secretScan().findings().forEach(f -> text.append("  ")
                    .append(f.location())
                    .append(' ')
                    .append(f.ruleId())
                    .append(' ')
                    .append(f.masked())
                    .append('\n'));
        }
        text.append(report.score() < 0 ? "Score n/a" : "Score " + score(report.score()) + "/10")
                .append(" — ")
                .append(report.policy().verdict())
                .append('\n');
        report.policy()
                .reasons()
                .forEach(reason -> text.append("  ").append(reason).append('\n'));
        return text.toString();
    }
}
