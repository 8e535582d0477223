package io.jenkins.plugins.devops.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import hudson.AbortException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The freestyle build steps keep every setting through the job configuration form. */
@WithJenkins
class BuilderConfigRoundTripTest {
    @Test
    void deployBuilderKeepsItsSettings(JenkinsRule j) throws Exception {
        DeployBuilder before = new DeployBuilder("shop", "staging");
        before.setManifests("deploy/*.yaml");
        before.setImage("registry.example.com/shop:${BUILD_NUMBER}");
        before.setVersion("1.4.2");
        before.setStrategy("canary");
        before.setCanarySteps("10, 50, 100");
        before.setNamespace("shop-staging");
        before.setServerUrl("https://k8s.example.com:6443");
        before.setContext("staging");
        before.setMarkUnstable(true);
        before.setGates("smokeTests:\n  - name: health\n    url: http://shop.shop-staging.svc/healthz");

        DeployBuilder after = j.configRoundtrip(before);

        j.assertEqualDataBoundBeans(before, after);
        assertEquals("canary", after.getStrategy());
        assertEquals(before.getGates(), after.getGates());
    }

    @Test
    void rollbackBuilderKeepsItsSettings(JenkinsRule j) throws Exception {
        RollbackBuilder before = new RollbackBuilder("shop", "production");
        before.setRevision("1.4.1");
        before.setNamespace("shop");
        before.setCloud("prod-cluster");

        j.assertEqualDataBoundBeans(before, j.configRoundtrip(before));
    }

    @Test
    void canaryStepsAreReadAsPercentages() throws Exception {
        assertEquals(List.of(10, 50, 100), DeployBuilder.parseSteps("10, 50 100"));
        AbortException e = assertThrows(AbortException.class, () -> DeployBuilder.parseSteps("10%, half"));
        assertEquals(
                "Canary steps '10%, half' must be whole percentages separated by commas, e.g. 10, 50, 100",
                e.getMessage());
    }
}
