package io.jenkins.plugins.devops.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devops.core.analysis.approval.ApprovalDecision;
import io.jenkins.plugins.devops.core.gate.HealthGate;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The configuration examples users copy from the docs are valid. */
class DocumentedExamplesTest {
    private static final Path DOCS = Path.of("..", "docs");

    private static List<HealthGate> build(String yaml) {
        return new GateFactory(id -> "secret-of-" + id, HttpClient.newHttpClient())
                .withApprover((request, progress) -> ApprovalDecision.approved("ci", ""))
                .create(GateSpec.fromYaml(yaml));
    }

    @Test
    void everyGateConfigurationInAnalysisMdIsValid() throws Exception {
        String markdown = Files.readString(DOCS.resolve("analysis.md"));
        Matcher blocks = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(markdown);
        List<String> configurations = new ArrayList<>();
        while (blocks.find()) {
            if (blocks.group(1).startsWith("analysis:")) {
                configurations.add(blocks.group(1));
            }
        }

        assertThat(configurations).isNotEmpty();
        for (String yaml : configurations) {
            assertThat(build(yaml)).isNotEmpty();
        }
    }

    @Test
    void exampleGatesFileIsValid() throws Exception {
        Path example = DOCS.resolve("examples").resolve("gates.yaml");

        assertThat(build(Files.readString(example)))
                .extracting(HealthGate::name)
                .containsExactly("smoke-tests", "prometheus-analysis");
    }
}
