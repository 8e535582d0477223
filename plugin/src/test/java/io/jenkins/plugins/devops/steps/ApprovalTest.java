package io.jenkins.plugins.devops.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import hudson.model.Item;
import io.jenkins.plugins.devops.config.DevopsConfiguration;
import io.jenkins.plugins.devops.config.EnvironmentConfig;
import io.jenkins.plugins.devops.core.kube.testing.MockCluster;
import io.jenkins.plugins.devops.model.ApprovalAction;
import java.net.URL;
import java.util.List;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** A production environment that requires approval waits for one of its approvers before anything is written. */
@WithJenkins
class ApprovalTest {
    private MockCluster cluster;
    private JenkinsRule j;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = rule;
        cluster = MockCluster.start("shop");
        ClusterCredentials.addKubeconfig(j.jenkins, cluster.url(), "shop");
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER)
                .everywhere()
                .to("admin")
                .grant(Jenkins.READ, Item.READ, Item.BUILD)
                .everywhere()
                .to("alice", "bob"));
        EnvironmentConfig production = new EnvironmentConfig("production");
        production.setNamespace("shop");
        production.setCredentialsId(ClusterCredentials.ID);
        production.setProduction(true);
        production.setApprovalRequired(true);
        production.setApprovers("alice");
        DevopsConfiguration.get().setEnvironments(List.of(production));
    }

    @AfterEach
    void stopCluster() {
        cluster.close();
    }

    @Test
    void onlyAnApproverCanLetTheDeploymentGoOn() throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "prod");
        job.setDefinition(new CpsFlowDefinition(
                "def r = devopsDeploy service: 'shop', environment: 'production', image: 'registry.example.com/shop:2.0',"
                        + " manifests: '''"
                        + io.jenkins.plugins.devops.core.kube.testing.TestManifests.app(
                                "shop", "registry.example.com/shop:1.0", 1, "x")
                        + "'''\necho \"outcome=${r.outcome}\"",
                true));
        WorkflowRun build = job.scheduleBuild2(0).waitForStart();
        j.waitForMessage("waiting for approval (alice)", build);
        ApprovalAction approval = build.getAction(ApprovalAction.class);
        assertNull(
                cluster.admin()
                        .apps()
                        .deployments()
                        .inNamespace("shop")
                        .withName("shop")
                        .get(),
                "nothing is written before the approval");

        assertEquals(403, post("bob", build, approval.getUrlName() + "/approve"));
        assertEquals(ApprovalAction.State.PENDING, approval.getState());

        post("alice", build, approval.getUrlName() + "/approve");

        j.assertBuildStatusSuccess(j.waitForCompletion(build));
        j.assertLogContains("approved by alice", build);
        j.assertLogContains("outcome=SUCCEEDED", build);
        assertEquals(ApprovalAction.State.APPROVED, approval.getState());
    }

    private int post(String user, WorkflowRun build, String path) throws Exception {
        JenkinsRule.WebClient web = j.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        web.login(user);
        WebRequest request = new WebRequest(new URL(j.getURL(), build.getUrl() + path), HttpMethod.POST);
        Page page = web.getPage(web.addCrumb(request));
        return page.getWebResponse().getStatusCode();
    }
}
