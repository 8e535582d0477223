package io.jenkins.plugins.devops.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jenkins.plugins.devops.core.kube.testing.MockCluster;
import io.jenkins.plugins.devops.model.DeploymentAction;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** devopsRollback and devopsDora in Pipelines, over deployments made by devopsDeploy. */
@WithJenkins
class RollbackStepTest {
    private MockCluster cluster;
    private JenkinsRule j;

    @BeforeEach
    void startCluster(JenkinsRule rule) throws Exception {
        j = rule;
        cluster = MockCluster.start("shop");
        ClusterCredentials.addKubeconfig(j.jenkins, cluster.url(), "shop");
        j.buildAndAssertSuccess(pipeline("v1", DeployStepTest.deploy("registry.example.com/shop:1.0", "")));
        j.buildAndAssertSuccess(pipeline("v2", DeployStepTest.deploy("registry.example.com/shop:1.1", "")));
    }

    @AfterEach
    void stopCluster() {
        cluster.close();
    }

    @Test
    void rollbackRestoresThePreviousRevisionAndReportsIt() throws Exception {
        WorkflowRun build = j.buildAndAssertSuccess(pipeline(
                "rollback",
                "def r = devopsRollback service: 'shop', environment: 'staging', namespace: 'shop', credentialsId: '"
                        + ClusterCredentials.ID
                        + "'\necho \"kind=${r.kind} outcome=${r.outcome} revision=${r.revision}\""));

        j.assertLogContains("rolling back shop in staging to the previous revision", build);
        j.assertLogContains("kind=rollback outcome=SUCCEEDED revision=1.0", build);
        DeploymentAction action = build.getAction(DeploymentAction.class);
        assertEquals("rollback", action.getKind());
        assertEquals("Rollback shop → staging", action.getDisplayName());
        assertEquals("registry.example.com/shop:1.0", image());
    }

    @Test
    void doraCountsTheDeploymentsInTheLedger() throws Exception {
        WorkflowRun build = j.buildAndAssertSuccess(pipeline(
                "dora",
                "def d = devopsDora service: 'shop', environment: 'staging', window: 7\n"
                        + "echo \"deployments=${d.deployments} failures=${d.changeFailures} window=${d.windowDays}\"\n"
                        + "echo \"cfr=${d.changeFailureRate} rework=${d.deploymentReworkRate}"
                        + " frequencyBand=${d.bands.deploymentFrequency} hasFrequency=${d.deploymentFrequency != null}"
                        + " old=${d.containsKey('deploymentsPerDay')}\""));

        j.assertLogContains("deployments=2 failures=0 window=7", build);
        j.assertLogContains("cfr=0.0 rework=0.0 frequencyBand=", build);
        j.assertLogContains("hasFrequency=true old=false", build);
        j.assertLogContains("failed deployment recovery time", build);
        j.assertLogContains("[devops] DORA shop/staging over 7 days: 2 deployments", build);
    }

    @Test
    void doraOfAServiceNeverDeployedIsEmpty() throws Exception {
        WorkflowRun build = j.buildAndAssertSuccess(pipeline(
                "dora-empty",
                "def d = devopsDora service: 'cart', environment: 'staging'\necho \"deployments=${d.deployments}\""));

        j.assertLogContains("deployments=0", build);
    }

    private String image() {
        return cluster.admin()
                .apps()
                .deployments()
                .inNamespace("shop")
                .withName("shop")
                .get()
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getImage();
    }

    private WorkflowJob pipeline(String name, String script) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, name);
        job.setDefinition(new CpsFlowDefinition(script, true));
        return job;
    }
}
