package io.jenkins.plugins.devops.core.checklist.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devops.core.checklist.ChecklistConfig;
import io.jenkins.plugins.devops.core.checklist.Facts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How manifests are read: YAML 1.1 booleans by field, label selectors, merge keys, JSON, limits. */
class ManifestSemanticsTest {

    @Test
    void booleanFieldsAreReadAsKubernetesReadsThem() {
        for (String yes : List.of("true", "True", "TRUE", "yes", "on", "Y")) {
            assertThat(Scalars.bool(yes)).as(yes).isTrue();
        }
        for (String no : List.of("false", "False", "FALSE", "no", "OFF", "n")) {
            assertThat(Scalars.bool(no)).as(no).isFalse();
        }
        assertThat(Scalars.bool("maybe")).isNull();
        assertThat(Scalars.bool(null)).isNull();
        assertThat(Scalars.integer("0x1F")).isEqualTo(31L);
        assertThat(Scalars.integer("1_000")).isEqualTo(1000L);
        assertThat(Scalars.countOf("50%", 3)).isEqualTo(2); // rounded up, as the disruption controller does
        assertThat(Scalars.countOf("1", 3)).isEqualTo(1);
    }

    @Test
    void labelSelectorsHaveTheApiServersSemantics() {
        Map<String, Object> pod = Map.of("app", "web", "tier", "front");
        LabelSelector expressions = LabelSelector.of(Map.of(
                "matchExpressions",
                List.of(
                        Map.of("key", "app", "operator", "In", "values", List.of("web", "api")),
                        Map.of("key", "track", "operator", "DoesNotExist"),
                        Map.of("key", "tier", "operator", "Exists"),
                        Map.of("key", "env", "operator", "NotIn", "values", List.of("prod")))));
        assertThat(expressions.matches(pod)).isTrue();
        assertThat(expressions.matches(Map.of("app", "db", "tier", "x"))).isFalse();
        assertThat(expressions.matches(Map.of("app", "web", "tier", "x", "track", "canary")))
                .isFalse();
        assertThat(expressions.selectsAll()).isFalse();

        assertThat(LabelSelector.of(Map.of()).selectsAll()).isTrue();
        assertThat(LabelSelector.of(Map.of()).matches(pod)).isTrue();
        assertThat(LabelSelector.of(null).matches(pod))
                .as("a missing selector selects nothing")
                .isFalse();
        assertThat(LabelSelector.of(Map.of(
                                "matchExpressions",
                                List.of(Map.of("key", "app", "operator", "Like", "values", List.of("web")))))
                        .matches(pod))
                .as("an invalid operator selects nothing")
                .isFalse();
        assertThat(LabelSelector.of(Map.of(
                        "matchLabels",
                        Map.of("app", "web"),
                        "matchExpressions",
                        List.of(Map.of("key", "tier", "operator", "In", "values", List.of("back"))))))
                .satisfies(s -> assertThat(s.matches(pod)).isFalse());
        assertThat(LabelSelector.ofServiceSelector(Map.of()).matches(pod))
                .as("a Service without selector selects no pod")
                .isFalse();
    }

    @Test
    void mergeKeysAreResolvedWithExplicitKeysWinning() throws Exception {
        List<YamlDocument> documents = YamlFiles.parse(
                "a.yaml",
                """
                base: &base {cpu: 100m, memory: 128Mi}
                extra: &extra {memory: 1Gi, ephemeral: 1Gi}
                one: {<<: *base, cpu: 200m}
                two:
                  <<: [*base, *extra]
                """);

        YamlDocument d = documents.get(0);
        assertThat(YamlDocument.map(d.at("one").orElseThrow()))
                .containsExactly(Map.entry("cpu", "200m"), Map.entry("memory", "128Mi"));
        assertThat(YamlDocument.map(d.at("two").orElseThrow()))
                .containsOnly(Map.entry("cpu", "100m"), Map.entry("memory", "128Mi"), Map.entry("ephemeral", "1Gi"));
    }

    @Test
    void mergeKeysDoNotOpenTheDoorToAliasBombs() {
        StringBuilder bomb = new StringBuilder("a0: &a0 {x: 1}\n");
        for (int i = 1; i <= 30; i++) {
            bomb.append("a")
                    .append(i)
                    .append(": &a")
                    .append(i)
                    .append(" {<<: [*a")
                    .append(i - 1)
                    .append(", *a")
                    .append(i - 1)
                    .append("]}\n");
        }
        assertThatThrownBy(() -> YamlFiles.parse("bomb.yaml", bomb.toString()))
                .isInstanceOf(YamlFiles.InvalidYamlException.class);
    }

    @Test
    void jsonFilesThatAreKubernetesObjectsAreManifestsOthersAreNot(@TempDir Path repo) throws IOException {
        Files.writeString(
                repo.resolve("pod.json"),
                "{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"p\"},"
                        + " \"spec\": {\"hostNetwork\": true, \"containers\": [{\"name\": \"c\", \"image\": \"c:1\"}]}}");
        Files.writeString(repo.resolve("dashboard.json"), "{\"title\": \"kind of apiVersion\", \"panels\": []}");
        Files.writeString(repo.resolve("broken.json"), "{\"apiVersion\": \"v1\", \"kind\": ");
        Files.writeString(
                repo.resolve("list.yaml"),
                "apiVersion: v1\nkind: List\nitems:\n  - {apiVersion: v1, kind: Service, metadata: {name: s}}\n");
        EvidenceContext context =
                new EvidenceContext(Workspace.index(repo, Set.of()), Facts.none(), ChecklistConfig.defaults(), null);

        assertThat(context.kubernetes())
                .extracting(KubernetesObject::displayName)
                .containsExactlyInAnyOrder("Pod/p", "Service/s");
        KubernetesObject pod = context.kubernetes("Pod").get(0);
        assertThat(Scalars.isTrue(pod.podSpec().get("hostNetwork"))).isTrue();
        assertThat(pod.isLongRunning()).isTrue();
    }
}
