package io.jenkins.plugins.devops.core.checklist.report;

import io.jenkins.plugins.devops.core.checklist.ChecklistReport;
import io.jenkins.plugins.devops.core.checklist.ChecklistResult;
import io.jenkins.plugins.devops.core.checklist.Evidence;
import io.jenkins.plugins.devops.core.checklist.ItemResult;
import io.jenkins.plugins.devops.core.checklist.Status;
import io.jenkins.plugins.devops.core.checklist.secrets.SecretFinding;
import io.jenkins.plugins.devops.core.checklist.secrets.SecretScanResult;

/** Writes one self-contained HTML page (inline CSS, no scripts, no external resources). */
public final class HtmlReportWriter {
    private static final String CSS = "body{font-family:system-ui,sans-serif;margin:2em;color:#222}"
            + "table{border-collapse:collapse;width:100%;margin-bottom:1.5em}th,td{border:1px solid #ddd;padding:.4em;"
            + "vertical-align:top;text-align:left}th{background:#f4f4f4}.PASS{color:#1a7f37}.WARN{color:#9a6700}"
            + ".FAIL{color:#cf222e;font-weight:bold}.NOT_APPLICABLE,.UNKNOWN{color:#777}.verdict{font-size:1.4em}"
            + "ul{margin:.3em 0;padding-left:1.2em}code{font-size:.9em}small{color:#555}";

    private HtmlReportWriter() {}

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    public static String write(ChecklistReport report) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>DevOps checklist</title>")
                .append("<style>")
                .append(CSS)
                .append("</style></head><body>\n");
        html.append("<h1>DevOps checklist</h1>\n<p class=\"verdict\">Verdict: <span class=\"")
                .append(
                        report.policy().verdict() == io.jenkins.plugins.devops.core.checklist.PolicyVerdict.PASS
                                ? "PASS"
                                : report.policy().verdict()
                                                == io.jenkins.plugins.devops.core.checklist.PolicyVerdict.UNSTABLE
                                        ? "WARN"
                                        : "FAIL")
                .append("\">")
                .append(report.policy().verdict())
                .append("</span> — score ")
                .append(MarkdownReportWriter.score(report.score()))
                .append("/10</p>\n");
        if (!report.policy().reasons().isEmpty()) {
            html.append("<ul>");
            report.policy()
                    .reasons()
                    .forEach(r -> html.append("<li>").append(escape(r)).append("</li>"));
            html.append("</ul>\n");
        }
        for (ChecklistResult checklist : report.checklists()) {
            html.append("<h2>")
                    .append(escape(checklist.category().title()))
                    .append(" — ")
                    .append(MarkdownReportWriter.score(checklist.score()))
                    .append("/10</h2>\n")
                    .append("<table><tr><th>Status</th><th>Item</th><th>Severity</th><th>Score</th>")
                    .append("<th>Finding and evidence</th></tr>\n");
            for (ItemResult item : checklist.items()) {
                html.append("<tr><td class=\"")
                        .append(item.status())
                        .append("\">")
                        .append(item.status())
                        .append("</td><td>")
                        .append(escape(item.title()))
                        .append("<br><small><code>")
                        .append(escape(item.id()))
                        .append("</code></small></td><td>")
                        .append(item.severity())
                        .append("</td><td>")
                        .append(item.score() < 0 ? "–" : item.score())
                        .append("</td><td>")
                        .append(escape(item.summary()));
                if (!item.evidence().isEmpty()) {
                    html.append("<ul>");
                    for (Evidence evidence : item.evidence()) {
                        html.append("<li><code>")
                                .append(escape(evidence.location()))
                                .append("</code> ")
                                .append(escape(evidence.detail()))
                                .append("</li>");
                    }
                    html.append("</ul>");
                }
                if (item.status() == Status.FAIL || item.status() == Status.WARN) {
                    html.append("<small>Fix: ")
                            .append(escape(item.remediation()))
                            .append("</small>");
                }
                html.append("</td></tr>\n");
            }
            html.append("</table>\n");
        }
        SecretScanResult scan = report.secretScan();
        if (scan != null) {
            html.append("<h2>Secret scan</h2>\n<p>")
                    .append(scan.findings().size())
                    .append(" findings in ")
                    .append(scan.filesScanned())
                    .append(" files with ")
                    .append(scan.rules())
                    .append(" rules.</p>\n");
            if (!scan.findings().isEmpty()) {
                html.append("<table><tr><th>Location</th><th>Rule</th><th>Match (masked)</th></tr>\n");
                for (SecretFinding finding : scan.findings()) {
                    html.append("<tr><td><code>")
                            .append(escape(finding.location()))
                            .append("</code></td><td>")
                            .append(escape(finding.ruleId()))
                            .append("</td><td><code>")
                            .append(escape(finding.masked()))
                            .append("</code></td></tr>\n");
                }
                html.append("</table>\n");
            }
        }
        return html.append("</body></html>\n").toString();
    }
}
