package io.jenkins.plugins.devops.core.checklist.evidence;

/**
 * Test counts from one JUnit XML file.
 *
 * @param file the report
 * @param tests test cases
 * @param failed failed or errored cases
 * @param skipped skipped cases
 */
public record TestReport(String file, int tests, int failed, int skipped) {}
