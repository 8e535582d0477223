package io.jenkins.plugins.devops.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jenkins.plugins.devops.core.kube.testing.MockCluster;
import io.jenkins.plugins.devops.model.DeploymentAction;
import java.time.Duration;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/** A controller restart in the middle of a canary deployment: the step resumes it and it finishes. */
class DeployRestartTest {
    @RegisterExtension
    static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    private MockCluster cluster;

    @BeforeEach
    void startCluster() {
        cluster = MockCluster.start("shop");
    }

    @AfterEach
    void stopCluster() {
        cluster.close();
    }

    @Test
    void canaryInterruptedByARestartResumesAndFinishes() throws Throwable {
        String url = cluster.url();
        sessions.then(j -> {
            ClusterCredentials.addKubeconfig(j.jenkins, url, "shop");
            j.buildAndAssertSuccess(
                    job(j.jenkins, "first", DeployStepTest.deploy("registry.example.com/shop:1.0", "")));
            // New pods now take 30 s to become ready, so the canary is mid-way when the controller goes down.
            cluster.controller().readyDelay(Duration.ofSeconds(30));
            WorkflowJob canary = job(
                    j.jenkins,
                    "canary",
                    DeployStepTest.deploy("registry.example.com/shop:1.1", ", strategy: 'canary', steps: [50, 100]")
                            + "\necho \"outcome=${r.outcome} revision=${r.revision}\"");
            WorkflowRun build = canary.scheduleBuild2(0).waitForStart();
            j.waitForMessage("new version receives 50% of traffic", build);
        });
        cluster.controller().readyDelay(Duration.ZERO);
        sessions.then(j -> {
            WorkflowRun build =
                    j.jenkins.getItemByFullName("canary", WorkflowJob.class).getBuildByNumber(1);

            j.assertBuildStatusSuccess(j.waitForCompletion(build));

            j.assertLogContains("resuming the deployment after a controller restart", build);
            j.assertLogContains("outcome=SUCCEEDED revision=1.1", build);
            assertEquals("SUCCEEDED", build.getAction(DeploymentAction.class).getOutcome());
            assertEquals(
                    "registry.example.com/shop:1.1",
                    cluster.admin()
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
                            .getImage());
        });
    }

    private static WorkflowJob job(Jenkins jenkins, String name, String script) throws Exception {
        WorkflowJob job = jenkins.createProject(WorkflowJob.class, name);
        job.setDefinition(new CpsFlowDefinition(script, true));
        return job;
    }
}
