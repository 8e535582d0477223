package io.jenkins.plugins.devops.core.checklist.report;

import io.jenkins.plugins.devops.core.checklist.ChecklistReport;
import java.util.Locale;
import java.util.function.Function;

/** The output formats and their writers. Every writer returns the whole document as a string. */
public enum ReportFormat {
    TEXT("txt", MarkdownReportWriter::text),
    JSON("json", JsonReportWriter::write),
    MARKDOWN("md", MarkdownReportWriter::write),
    JUNIT("xml", JunitReportWriter::write),
    SARIF("sarif", SarifReportWriter::write),
    HTML("html", HtmlReportWriter::write);

    private final String extension;
    private final Function<ChecklistReport, String> writer;

    ReportFormat(String extension, Function<ChecklistReport, String> writer) {
        this.extension = extension;
        this.writer = writer;
    }

    /** Renders the report in this format. */
    public String write(ChecklistReport report) {
        return writer.apply(report);
    }

    /** Usual file extension, without the dot. */
    public String extension() {
        return extension;
    }

    /** Parses {@code json}, {@code markdown}/{@code md}, {@code junit}, {@code sarif}, {@code html}, {@code text}. */
    public static ReportFormat parse(String name) {
        String key = name.trim().toUpperCase(Locale.ROOT);
        if (key.equals("MD")) {
            return MARKDOWN;
        }
        try {
            return valueOf(key);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "unknown format '" + name + "'; use one of text, json, markdown, junit, sarif, html");
        }
    }
}
