package io.jenkins.plugins.devops.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Result;
import io.jenkins.plugins.devops.core.kube.testing.MockCluster;
import io.jenkins.plugins.devops.core.kube.testing.TestManifests;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.RealJenkinsExtension;

/**
 * Every step in a separate Jenkins JVM with the built plugin installed and real plugin class loaders (this plugin,
 * kubernetes-client-api, jackson2-api, ... each in its own), where the thread context class loader is not the
 * plugin's. {@code @WithJenkins} tests run on one flat class path and cannot see class-loading mistakes; these can.
 *
 * <p>The Kubernetes API (fabric8 mock server with the fake Deployment controller) runs in this test JVM; the Jenkins
 * JVM reaches it over HTTP through a kubeconfig credential naming its URL. The bodies run in the Jenkins JVM: they
 * are static methods taking only strings, so that nothing unserialisable is captured.
 */
class RealJenkinsPipelinesTest {
    private static final String NAMESPACE = "shop";

    @RegisterExtension
    private final RealJenkinsExtension jenkins = new RealJenkinsExtension();

    private MockCluster cluster;

    @BeforeEach
    void startCluster() {
        cluster = MockCluster.start(NAMESPACE);
    }

    @AfterEach
    void stopCluster() {
        cluster.close();
    }

    @Test
    void canaryDeploymentRollbackAndDoraInARealJenkins() throws Throwable {
        jenkins.startJenkins();
        try {
            jenkins.runRemotely(RealJenkinsPipelinesTest::deployCanaryThenRollBack, cluster.url());
            jenkins.runRemotely(RealJenkinsPipelinesTest::doraOfTheDeployments, cluster.url());
        } finally {
            jenkins.stopJenkins();
        }
        assertEquals("registry.example.com/shop:1.0", image(), "the rollback restored the first version");
    }

    @Test
    void checklistWithoutFailOnIsUnstableAndFailsOnlyWhenAsked() throws Throwable {
        jenkins.startJenkins();
        try {
            jenkins.runRemotely(RealJenkinsPipelinesTest::checklists, "unused");
        } finally {
            jenkins.stopJenkins();
        }
    }

    // ---- bodies run in the Jenkins JVM ----

    private static void deployCanaryThenRollBack(JenkinsRule r, String clusterUrl) throws Throwable {
        ClusterCredentials.addKubeconfig(r.jenkins, clusterUrl, NAMESPACE);
        r.buildAndAssertSuccess(pipeline(r, "first", deploy("registry.example.com/shop:1.0", "")));

        WorkflowRun canary = r.buildAndAssertSuccess(pipeline(
                r,
                "canary",
                deploy("registry.example.com/shop:1.1", ", strategy: 'canary', steps: [50, 100]")
                        + "\necho \"outcome=${r.outcome} revision=${r.revision} weights=${r.weights}\""));

        r.assertLogContains("new version receives 50% of traffic", canary);
        r.assertLogContains("[devops] shop 1.1 is live in staging", canary);
        r.assertLogContains("outcome=SUCCEEDED revision=1.1", canary);
        JSONObject deployment = action(r, canary, "deploymentId");
        assertEquals("deploy", deployment.getString("kind"), deployment.toString(2));
        assertEquals("canary", deployment.getString("strategy"));
        assertEquals("SUCCEEDED", deployment.getString("outcome"));
        assertEquals("1.1", deployment.getString("version"));
        assertEquals("1.0", deployment.getString("previousVersion"));
        assertTrue(deployment.getJSONArray("weights").contains(50), deployment.toString(2));

        WorkflowRun rollback = r.buildAndAssertSuccess(pipeline(
                r,
                "rollback",
                "def r = devopsRollback service: 'shop', environment: 'staging', namespace: 'shop', credentialsId: '"
                        + ClusterCredentials.ID
                        + "'\necho \"kind=${r.kind} outcome=${r.outcome} revision=${r.revision}\""));

        r.assertLogContains("rolling back shop in staging to the previous revision", rollback);
        r.assertLogContains("kind=rollback outcome=SUCCEEDED revision=1.0", rollback);
        JSONObject rolledBack = action(r, rollback, "deploymentId");
        assertEquals("rollback", rolledBack.getString("kind"), rolledBack.toString(2));
        assertEquals("SUCCEEDED", rolledBack.getString("outcome"));
        r.assertLogNotContains(ClusterCredentials.TOKEN, canary);
        r.assertLogNotContains(ClusterCredentials.TOKEN, rollback);
    }

    private static void doraOfTheDeployments(JenkinsRule r, String unused) throws Throwable {
        WorkflowRun dora = r.buildAndAssertSuccess(pipeline(
                r,
                "dora",
                "def d = devopsDora service: 'shop', environment: 'staging', window: 7\n"
                        + "echo \"deployments=${d.deployments} keys=${d.keySet()}\""));

        r.assertLogContains("[devops] DORA shop/staging over 7 days:", dora);
        String log = JenkinsRule.getLog(dora);
        for (String key : new String[] {
            "deploymentFrequency", "leadTimeForChanges", "changeFailureRate", "failedDeploymentRecoveryTime"
        }) {
            assertTrue(log.contains(key), "devopsDora returns " + key + ":\n" + log);
        }
        assertTrue(
                log.matches("(?s).*deployments=[2-9].*"),
                "the two deployments (and the rollback) are counted:\n" + log);
    }

    private static void checklists(JenkinsRule r, String unused) throws Throwable {
        String workspace = "writeFile file: 'Jenkinsfile', text: 'pipeline { agent any }'\n"
                + "  writeFile file: 'Dockerfile', text: 'FROM eclipse-temurin:17\\nUSER 1000\\n'\n";

        WorkflowRun report = r.buildAndAssertStatus(
                Result.UNSTABLE,
                pipeline(
                        r,
                        "report",
                        "node {\n  " + workspace + "  def c = devopsChecklist()\n"
                                + "  echo \"verdict=${c.verdict} failed=${c.failedItems}\"\n}"));

        r.assertLogContains("[devops] checklists: score", report);
        r.assertLogContains("security.vulnerability-scanning is FAIL", report);
        r.assertLogContains("verdict=UNSTABLE", report);
        r.assertLogContains("[devops] updated ai-state/active/devops (task report-1)", report);
        JSONObject checklist = action(r, report, "failedItems");
        assertEquals("UNSTABLE", checklist.getString("verdict"), checklist.toString(2));
        assertTrue(
                checklist.getJSONArray("failedItems").contains("security.vulnerability-scanning"),
                checklist.toString(2));
        assertTrue(checklist.getJSONObject("checklistScores").has("SECURITY"), checklist.toString(2));
        assertTrue(r.jenkins
                .getWorkspaceFor(r.jenkins.getItemByFullName("report", WorkflowJob.class))
                .child("ai-state/active/devops/tasks/report-1.json")
                .exists());

        WorkflowRun policy = r.buildAndAssertStatus(
                Result.FAILURE,
                pipeline(r, "policy", "node {\n  " + workspace + "  devopsChecklist failOn: 'critical'\n}"));

        r.assertLogContains("Checklist policy failed: critical item security.vulnerability-scanning failed", policy);
        assertEquals("FAILURE", action(r, policy, "failedItems").getString("verdict"));
    }

    private static WorkflowJob pipeline(JenkinsRule r, String name, String script) throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class, name);
        job.setDefinition(new CpsFlowDefinition(script, true));
        return job;
    }

    private static String deploy(String image, String extra) {
        return "def r = devopsDeploy service: 'shop', environment: 'staging', namespace: 'shop', credentialsId: '"
                + ClusterCredentials.ID + "', image: '" + image + "', manifests: '''"
                + TestManifests.app("shop", "registry.example.com/shop:0.9", 2, "hello") + "'''" + extra;
    }

    /** The build's action in {@code api/json} that has {@code key}, as a client of the REST API sees it. */
    private static JSONObject action(JenkinsRule r, WorkflowRun build, String key) throws Exception {
        JSONArray actions =
                r.getJSON(build.getUrl() + "api/json").getJSONObject().getJSONArray("actions");
        for (Object each : actions) {
            if (each instanceof JSONObject action && action.has(key)) {
                return action;
            }
        }
        throw new AssertionError("no action with " + key + " in " + actions.toString(2));
    }

    private String image() {
        var deployment = cluster.admin()
                .apps()
                .deployments()
                .inNamespace(NAMESPACE)
                .withName("shop")
                .get();
        assertNotNull(deployment);
        return deployment
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getImage();
    }
}
