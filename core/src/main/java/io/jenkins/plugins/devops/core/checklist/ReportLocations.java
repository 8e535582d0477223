package io.jenkins.plugins.devops.core.checklist;

import io.jenkins.plugins.devops.core.checklist.files.Glob;
import java.util.List;

/**
 * Where the reports the pipeline produced are looked for in the workspace.
 *
 * @param sarif SARIF 2.1.0 files from any tool
 * @param junit JUnit XML files
 * @param coverage JaCoCo XML, Cobertura XML or lcov files
 */
public record ReportLocations(List<Glob> sarif, List<Glob> junit, List<Glob> coverage) {
    public static final ReportLocations DEFAULT = new ReportLocations(
            List.of(Glob.of("**/*.sarif"), Glob.of("**/*.sarif.json")),
            List.of(Glob.of("**/TEST-*.xml"), Glob.of("**/*junit*.xml"), Glob.of("**/test-results/**/*.xml")),
            List.of(
                    Glob.of("**/jacoco*.xml"),
                    Glob.of("**/cobertura*.xml"),
                    Glob.of("**/coverage.xml"),
                    Glob.of("**/lcov.info")));

    public ReportLocations {
        sarif = List.copyOf(sarif);
        junit = List.copyOf(junit);
        coverage = List.copyOf(coverage);
    }
}
