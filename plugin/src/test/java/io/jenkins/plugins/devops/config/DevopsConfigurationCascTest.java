package io.jenkins.plugins.devops.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.ConfiguratorRegistry;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.Util;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import io.jenkins.plugins.casc.model.CNode;
import java.util.List;
import org.junit.jupiter.api.Test;

@WithJenkinsConfiguredWithCode
class DevopsConfigurationCascTest {
    @Test
    @ConfiguredWithCode("casc.yml")
    void importsEnvironmentsSinksAndTargetsFromYaml(JenkinsConfiguredWithCodeRule r) {
        DevopsConfiguration config = DevopsConfiguration.get();

        assertEquals(14, config.getDoraWindowDays());
        assertEquals(12.0, config.getLeadTimeTargetHours());
        assertEquals(10.0, config.getChangeFailureRateTargetPercent());
        assertEquals("critical", config.getChecklistFailOn()); // not the default (none)
        assertEquals(2, config.getEnvironments().size());
        EnvironmentConfig production = config.environment("production").orElseThrow();
        assertEquals("shop", production.getNamespace());
        assertEquals("prod-kubeconfig", production.getCredentialsId());
        assertTrue(production.isProduction());
        assertTrue(production.isApprovalRequired());
        assertEquals(List.of("release-managers", "alice"), production.approverList());
        EventSinkConfig sink = config.getEventSinks().get(0);
        assertEquals("audit", sink.getName());
        assertEquals("https://events.example.com/hook", sink.getUrl());
        assertEquals(EventSinkConfig.Mode.STRUCTURED, sink.getMode());
        assertEquals("events-hmac", sink.getHmacCredentialsId());
    }

    @Test
    @ConfiguredWithCode("casc.yml")
    void exportsWhatWasImported(JenkinsConfiguredWithCodeRule r) throws Exception {
        ConfigurationContext context = new ConfigurationContext(ConfiguratorRegistry.get());
        CNode node = Util.getUnclassifiedRoot(context).get("devopsOrchestrator");

        String yaml = Util.toYamlString(node);

        assertTrue(yaml.contains("doraWindowDays: 14"), yaml);
        assertTrue(yaml.contains("production"), yaml);
        assertTrue(yaml.contains("release-managers, alice"), yaml);
        assertTrue(yaml.contains("https://events.example.com/hook"), yaml);
        assertTrue(yaml.contains("STRUCTURED"), yaml);
    }

    @Test
    @ConfiguredWithCode("casc.yml")
    void systemConfigurationFormKeepsEverySetting(JenkinsConfiguredWithCodeRule r) throws Exception {
        r.configRoundtrip();

        DevopsConfiguration config = DevopsConfiguration.get();
        assertEquals(14, config.getDoraWindowDays());
        assertEquals(
                List.of("staging", "production"),
                config.getEnvironments().stream()
                        .map(EnvironmentConfig::getName)
                        .toList());
        EnvironmentConfig production = config.environment("production").orElseThrow();
        assertTrue(production.isApprovalRequired());
        assertEquals("prod-kubeconfig", production.getCredentialsId());
        assertEquals(
                EventSinkConfig.Mode.STRUCTURED, config.getEventSinks().get(0).getMode());
        assertEquals("events-hmac", config.getEventSinks().get(0).getHmacCredentialsId());
    }

    @Test
    @ConfiguredWithCode("casc.yml")
    void ledgerDefaultsToAFolderUnderJenkinsHome(JenkinsConfiguredWithCodeRule r) {
        assertEquals(
                r.jenkins.getRootDir().toPath().resolve("devops-orchestrator"),
                DevopsConfiguration.get().ledgerPath());
    }
}
