package io.jenkins.plugins.devops.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrategySettingsTest {
    @Test
    void canaryOptionsAsAPipelineStepPassesThem() {
        StrategySettings s = StrategySettings.fromOptions(
                "Canary", Map.of("steps", List.of(5, 20, 100), "pauseSeconds", "30", "httpRoute", "shop-route"));
        assertThat(s.name()).isEqualTo("canary");
        assertThat(s.steps()).containsExactly(5, 20, 100);
        assertThat(s.pause()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.usesHttpRoute()).isTrue();
    }

    @Test
    void defaultsFollowKubernetesAndArgoRollouts() {
        assertThat(StrategySettings.fromOptions("canary", Map.of()).steps()).containsExactly(10, 50, 100);
        assertThat(StrategySettings.fromOptions("rolling", null).maxSurge()).isEqualTo("25%");
        assertThat(StrategySettings.fromOptions("blueGreen", Map.of()).scaleDownDelaySeconds())
                .isEqualTo(30);
        assertThat(StrategySettings.fromOptions("bluegreen", Map.of("scaleDownDelaySeconds", 0))
                        .scaleDownDelaySeconds())
                .isZero();
    }

    @Test
    void stepsGivenAsTextAreAccepted() {
        assertThat(StrategySettings.fromOptions("canary", Map.of("steps", "[10, 30, 100]"))
                        .steps())
                .containsExactly(10, 30, 100);
    }

    @Test
    void badValuesAreNamed() {
        assertThatThrownBy(() -> StrategySettings.fromOptions("canary", Map.of("steps", List.of("ten"))))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("must be a whole number, got 'ten'");
        assertThatThrownBy(() -> StrategySettings.rolling("0", "0%"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("cannot both be 0");
        assertThatThrownBy(() -> StrategySettings.rolling("lots", "1"))
                .hasMessageContaining("maxSurge 'lots' is neither a count nor a percentage");
        assertThatThrownBy(() -> StrategySettings.fromOptions("recreate", Map.of("maxSurge", "1")))
                .hasMessageContaining("it takes no options");
        assertThatThrownBy(() -> StrategySettings.fromOptions(null, Map.of()))
                .hasMessageContaining("strategy is missing");
    }

    @Test
    void versionIsDerivedFromTheImageUnlessGiven() {
        DeploymentRequest tagged = EngineFixture.request("registry/shop:1.4.2", 1, StrategySettings.rolling())
                .build();
        assertThat(tagged.version()).isEqualTo("1.4.2");
        assertThat(tagged.toBuilder().image("registry/shop@sha256:abc").build().version())
                .isEqualTo("sha256:abc");
        assertThat(tagged.toBuilder().version("release-7").build().version()).isEqualTo("release-7");
        assertThat(EngineFixture.request("registry:5000/shop", 1, StrategySettings.rolling())
                        .build()
                        .version())
                .isEqualTo("latest");
    }
}
