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
            WorkflowJob job = j.createProject(WorkflowJob.class, "shop");
            // A long pause after the first canary step keeps the deployment mid-way while the controller restarts.
            job.setDefinition(new CpsFlowDefinition(
                    DeployStepTest.deploy(
                                    "registry.example.com/shop:1.1",
                                    ", strategy: 'canary', steps: [50, 100], pauseSeconds: 120")
                            + "\necho \"outcome=${r.outcome} revision=${r.revision}\"",
                    true));
            WorkflowRun build = job.scheduleBuild2(0).waitForStart();
            j.waitForMessage("new version receives 50% of traffic", build);
            j.waitForMessage("canary", build);
            j.waitForMessage("passed (weight 50%)", build);
        });
        sessions.then(j -> {
            WorkflowJob job = j.jenkins.getItemByFullName("shop", WorkflowJob.class);
            WorkflowRun build = job.getBuildByNumber(1);

            j.assertBuildStatusSuccess(j.waitForCompletion(build));

            j.assertLogContains("resuming the deployment after a controller restart", build);
            j.assertLogContains("outcome=SUCCEEDED revision=1.1", build);
            assertEquals("SUCCEEDED", build.getAction(DeploymentAction.class).getOutcome());
        });
    }
}
