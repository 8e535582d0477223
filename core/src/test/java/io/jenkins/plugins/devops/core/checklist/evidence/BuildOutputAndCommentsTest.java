package io.jenkins.plugins.devops.core.checklist.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devops.core.checklist.ChecklistConfig;
import io.jenkins.plugins.devops.core.checklist.Facts;
import io.jenkins.plugins.devops.core.checklist.files.FolderFilter;
import io.jenkins.plugins.devops.core.checklist.files.Glob;
import io.jenkins.plugins.devops.core.checklist.secrets.SecretFinding;
import io.jenkins.plugins.devops.core.checklist.secrets.SecretScanOptions;
import io.jenkins.plugins.devops.core.checklist.secrets.SecretScanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Build-output folders are skipped (their copies of the sources would count twice) while the reports in them are
 * still found, and a tool named only in a comment is not evidence.
 */
class BuildOutputAndCommentsTest {
    private static final String TOKEN = "ghp_" + "Q1w2E3r4T5y6U7i8O9p0A1s2D3f4G5h6J7k8";

    @TempDir
    Path repo;

    private void write(String path, String text) throws IOException {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private void plantFixtureAndItsBuildCopies() throws IOException {
        for (String root :
                new String[] {"src/test/resources", "target/test-classes", "build/resources/test", "web/dist"}) {
            write(
                    root + "/fixture/Jenkinsfile",
                    "pipeline { stages { stage('Scan') { steps { sh 'trivy fs .' } } } }\n");
            write(root + "/fixture/deploy.sh", "export GH=" + TOKEN + "\n");
        }
        write(
                "target/surefire-reports/TEST-AppTest.xml",
                "<testsuite name=\"AppTest\" tests=\"2\" failures=\"0\"><testcase name=\"a\"/><testcase name=\"b\"/>"
                        + "</testsuite>\n");
    }

    @Test
    void buildOutputIsNotIndexedButItsReportsAreFound() throws IOException {
        plantFixtureAndItsBuildCopies();

        Workspace workspace = Workspace.index(repo, SecretScanOptions.DEFAULT_SKIPPED_DIRECTORIES);
        EvidenceContext context = new EvidenceContext(workspace, Facts.none(), ChecklistConfig.defaults(), null);

        assertThat(context.jenkinsfiles()).containsExactly("src/test/resources/fixture/Jenkinsfile");
        assertThat(context.grepPipelines("trivy")).hasSize(1);
        assertThat(workspace.reportFiles(Glob.of("**/TEST-*.xml")))
                .containsExactly("target/surefire-reports/TEST-AppTest.xml");
        assertThat(context.tests()).singleElement().satisfies(t -> assertThat(t.tests())
                .isEqualTo(2));
    }

    @Test
    void buildOutputCanBeIncluded() throws IOException {
        plantFixtureAndItsBuildCopies();

        Workspace workspace = Workspace.index(
                repo, new FolderFilter(SecretScanOptions.DEFAULT_SKIPPED_DIRECTORIES, FolderFilter.BUILD_OUTPUT, true));

        assertThat(workspace.filesNamed("jenkinsfile")).hasSize(4);
    }

    @Test
    void secretScanSkipsBuildOutputUnlessIncluded() throws IOException {
        plantFixtureAndItsBuildCopies();

        var skipped = new SecretScanner(SecretScanOptions.defaults()).scan(repo, m -> {});
        var included = new SecretScanner(SecretScanOptions.defaults().withBuildOutput(true)).scan(repo, m -> {});

        assertThat(skipped.findings())
                .extracting(SecretFinding::path)
                .containsExactly("src/test/resources/fixture/deploy.sh");
        assertThat(included.findings()).hasSize(4);
        assertThat(skipped.ignoredPaths()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void toolsNamedInCommentsAreNotEvidence() throws IOException {
        write(
                "Jenkinsfile",
                """
                pipeline {
                  // sh 'trivy image app'   (disabled until the scanner is licensed)
                  /* stage('Sonar') {
                       sh 'sonar-scanner'
                     } */
                  stages { stage('Build') { steps { sh "curl -fsS https://example.org/snyk-install.sh" } } }
                }
                """);
        write(
                ".github/workflows/ci.yml",
                """
                # - run: trivy fs .
                jobs:
                  build:
                    steps:
                      - run: echo "#1 checkov" # not run: grype
                """);
        write("Dockerfile", "FROM alpine\n# RUN apk add hadolint\nRUN echo done\n");
        write("pom.xml", "<project><!-- <plugin>jacoco</plugin> --><build/></project>\n");
        write("infra/main.tf", "# provider \"datadog\" {}\n// tflint\nresource \"x\" \"y\" {} /* infracost */\n");
        Workspace workspace = Workspace.index(repo, Set.of());
        EvidenceContext context = new EvidenceContext(workspace, Facts.none(), ChecklistConfig.defaults(), null);

        assertThat(context.grepPipelines("trivy|sonar-scanner|grype")).isEmpty();
        assertThat(context.grepPipelines("snyk|checkov"))
                .extracting(Workspace.LineMatch::file)
                .containsExactlyInAnyOrder(".github/workflows/ci.yml", "Jenkinsfile");
        assertThat(context.grepConfig("hadolint|jacoco")).isEmpty();
        assertThat(context.grepTerraform("datadog|tflint|infracost")).isEmpty();
        // grep without comment handling (custom items' regexInFiles) still sees everything
        assertThat(workspace.grep("Dockerfile", Pattern.compile("hadolint"))).hasSize(1);
    }

    @Test
    void blankingKeepsOffsetsAndLines() {
        String yaml = "a: 1 # note\ncolor: '#fff'\n";
        String blanked = Comments.blank("x.yml", yaml);

        assertThat(blanked).hasSameSizeAs(yaml).isEqualTo("a: 1       \ncolor: '#fff'\n");
        assertThat(Comments.blank("Jenkinsfile", "x = \"http://a\" // c\n/* a\nb */y"))
                .isEqualTo("x = \"http://a\"     \n    \n    y");
        assertThat(Comments.blank("README.md", "# title")).isEqualTo("# title");
    }
}
