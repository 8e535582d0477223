package io.jenkins.plugins.devops.core.dora;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.common.TextFormat;
import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class DoraCollectorTest {

    @Test
    void exportsEveryFigureOfEveryScopeInThePrometheusTextFormat() throws IOException {
        RollingDora rolling = new RollingDora(DoraCalculatorTest.WEEK);
        DoraCalculatorTest.workedExample().forEach(rolling::add);
        CollectorRegistry registry = new CollectorRegistry();
        new DoraCollector(rolling::reports).register(registry);

        StringWriter text = new StringWriter();
        TextFormat.write004(text, registry.metricFamilySamples());

        assertThat(text.toString())
                .contains("devops_dora_deployments{scope=\"checkout/production\",service=\"checkout\","
                        + "environment=\"production\",} 6.0")
                .contains("devops_dora_change_failure_rate{scope=\"overall\",service=\"\",environment=\"\",} 0.5")
                .contains(
                        "devops_dora_lead_time_for_changes_seconds{scope=\"production\",service=\"\",environment=\"production\",}"
                                + " 1200.0")
                .contains("# TYPE devops_dora_failed_deployment_recovery_time_seconds gauge")
                .contains("# TYPE devops_dora_deployment_rework_rate gauge")
                .doesNotContain("devops_dora_time_to_restore_seconds", "devops_dora_deployments_per_day");
        assertThat(registry.getSampleValue(
                        "devops_dora_deployment_frequency",
                        new String[] {"scope", "service", "environment"},
                        new String[] {"overall", "", ""}))
                .isEqualTo(rolling.overall().figures().deploymentFrequency());
    }

    @Test
    void figuresWithoutDataAreLeftOutInsteadOfExportedAsZero() {
        CollectorRegistry registry = new CollectorRegistry();
        new DoraCollector(() -> java.util.List.of(new RollingDora(DoraSettings.defaults()).overall()))
                .register(registry);
        String[] labels = {"scope", "service", "environment"};
        String[] overall = {"overall", "", ""};
        assertThat(registry.getSampleValue("devops_dora_lead_time_for_changes_seconds", labels, overall))
                .isNull();
        assertThat(registry.getSampleValue("devops_dora_deployment_rework_rate", labels, overall))
                .isNull();
        assertThat(registry.getSampleValue("devops_dora_availability", labels, overall))
                .isNull();
        assertThat(registry.getSampleValue("devops_dora_deployments", labels, overall))
                .isEqualTo(0.0);
    }
}
