package io.jenkins.plugins.devops.core.checklist.evidence;

/**
 * Line coverage from one coverage report.
 *
 * @param file the report
 * @param format {@code jacoco}, {@code cobertura} or {@code lcov}
 * @param linePercent covered lines in percent, 0–100
 */
public record CoverageReport(String file, String format, double linePercent) {}
