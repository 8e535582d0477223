package io.jenkins.plugins.devops.core.checklist;

/**
 * Test counts the caller knows (e.g. from Jenkins' test result action).
 *
 * @param total tests run
 * @param failed failed or errored tests
 * @param skipped skipped tests
 */
public record TestCounts(int total, int failed, int skipped) {
    public TestCounts {
        if (total < 0 || failed < 0 || skipped < 0 || failed + skipped > total) {
            throw new IllegalArgumentException("test counts must be >= 0 and failed + skipped <= total, were " + total
                    + "/" + failed + "/" + skipped);
        }
    }
}
