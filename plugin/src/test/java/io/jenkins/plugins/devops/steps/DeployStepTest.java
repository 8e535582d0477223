package io.jenkins.plugins.devops.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Result;
import hudson.model.Run;
import io.jenkins.plugins.devops.core.deploy.DeploymentRecord;
import io.jenkins.plugins.devops.core.kube.testing.MockCluster;
import io.jenkins.plugins.devops.core.kube.testing.TestManifests;
import io.jenkins.plugins.devops.model.DeploymentAction;
import io.jenkins.plugins.devops.model.DeploymentListener;
import io.jenkins.plugins.devops.model.DoraJobAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
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
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** devopsDeploy in real Pipelines against the fabric8 mock API server with a fake Deployment controller. */
@WithJenkins
class DeployStepTest {
    @RegisterExtension
    static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    private MockCluster cluster;
    private JenkinsRule j;

    @BeforeEach
    void startCluster(JenkinsRule rule) throws Exception {
        j = rule;
        cluster = MockCluster.start("shop");
        ClusterCredentials.addKubeconfig(j.jenkins, cluster.url(), "shop");
    }

    @AfterEach
    void stopCluster() {
        cluster.close();
    }

    @Test
    void rollingDeploymentReturnsItsResultAndReportsOnTheBuild() throws Exception {
        WorkflowRun build = j.buildAndAssertSuccess(
                pipeline(
                        "shop",
                        deploy("registry.example.com/shop:1.1", "")
                                + "\necho \"outcome=${r.outcome} revision=${r.revision} success=${r.success} weights=${r.weights}\""));

        j.assertLogContains("outcome=SUCCEEDED revision=1.1 success=true", build);
        j.assertLogContains("[devops] shop → staging:", build);
        j.assertLogContains("[devops] shop 1.1 is live in staging", build);
        DeploymentAction action = build.getAction(DeploymentAction.class);
        assertNotNull(action, "the build has a deployment report");
        assertEquals("SUCCEEDED", action.getOutcome());
        assertEquals("1.1", action.getVersion());
        DeploymentRecord record = action.getRecord();
        assertNotNull(record, "the full record is readable from its own file");
        assertFalse(record.phases().isEmpty());
        assertTrue(
                Files.exists(build.getRootDir().toPath().resolve("devops-orchestrator")),
                "the record is kept next to build.xml, not in it");
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
    }

    @Test
    void deploymentListenersHearEveryDeployment() throws Exception {
        j.buildAndAssertSuccess(pipeline("shop", deploy("registry.example.com/shop:1.1", "")));

        assertEquals(List.of("shop staging SUCCEEDED"), HeardDeployments.heard);
    }

    /** A listener from "another plugin". */
    @TestExtension("deploymentListenersHearEveryDeployment")
    public static class HeardDeployments extends DeploymentListener {
        static final List<String> heard = new CopyOnWriteArrayList<>();

        @Override
        public void onCompleted(Run<?, ?> run, DeploymentRecord record) {
            heard.add(record.service() + " " + record.environment() + " " + record.outcome());
        }
    }

    @Test
    void buildApiListsTheDeployment() throws Exception {
        WorkflowRun build = j.buildAndAssertSuccess(pipeline("shop", deploy("registry.example.com/shop:1.1", "")));

        JSONObject json = j.getJSON(build.getUrl() + "api/json").getJSONObject();

        JSONObject deployment = findAction(json.getJSONArray("actions"), "deploymentId");
        assertNotNull(deployment, json.toString(2));
        assertEquals("shop", deployment.getString("service"));
        assertEquals("staging", deployment.getString("environment"));
        assertEquals("SUCCEEDED", deployment.getString("outcome"));
        String page = j.createWebClient()
                .withJavaScriptEnabled(false)
                .getPage(build, build.getAction(DeploymentAction.class).getUrlName())
                .asNormalizedText();
        assertTrue(page.contains("Phases"), page);
        assertTrue(page.contains("SUCCEEDED"), page);
        String summary =
                j.createWebClient().withJavaScriptEnabled(false).getPage(build).asNormalizedText();
        assertTrue(summary.contains("Deployment shop → staging"), summary);
    }

    @Test
    void jobPageShowsDoraFiguresTrendAndRecentDeploymentsFromTheLedger() throws Exception {
        WorkflowJob job = pipeline("shop", deploy("registry.example.com/shop:1.1", ""));
        j.buildAndAssertSuccess(job);

        DoraJobAction dora = job.getAction(DoraJobAction.class);
        assertNotNull(dora, "a job that deployed has a DORA page");
        String page = j.createWebClient()
                .withJavaScriptEnabled(false)
                .getPage(job, dora.getUrlName())
                .asNormalizedText();

        assertTrue(page.contains("DORA: shop → staging"), page);
        assertTrue(page.contains("deployment frequency"), page);
        assertTrue(page.contains("lead time for changes"), page);
        assertTrue(page.contains("failed deployment recovery time"), page);
        assertTrue(page.contains("deployment rework rate"), page);
        assertFalse(page.contains("TIME_TO_RESTORE"), page);

        // the job's api/json carries the figures under DORA's names
        JSONObject json = j.getJSON(job.getUrl() + "api/json?depth=1").getJSONObject();
        JSONObject figures = findAction(json.getJSONArray("actions"), "deploymentFrequency");
        assertNotNull(figures, json.toString(2));
        assertEquals("shop", figures.getString("service"));
        assertEquals(1, figures.getInt("deployments"));
        assertEquals(0.0, figures.getDouble("changeFailureRate"));
        assertEquals(0.0, figures.getDouble("deploymentReworkRate"));
        assertFalse(figures.has("leadTimeSeconds"), figures.toString(2));
        assertFalse(figures.has("timeToRestoreSeconds"), figures.toString(2));
        assertTrue(page.contains("SUCCEEDED"), page);
        assertTrue(dora.getBuildTrendModel().contains("Deployments"), dora.getBuildTrendModel());
        assertEquals(1, dora.getRecentDeployments().size());
    }

    @Test
    void aDeploymentDeclaredAsReworkIsRecordedAndCountedInTheReworkRate() throws Exception {
        j.buildAndAssertSuccess(pipeline("first", deploy("registry.example.com/shop:1.0", "")));
        WorkflowRun hotfix = j.buildAndAssertSuccess(pipeline(
                "hotfix",
                deploy("registry.example.com/shop:1.0.1", ", rework: true\n")
                        + "def d = devopsDora service: 'shop', environment: 'staging'\n"
                        + "echo \"declared=${d.reworkDeclared} afterFailure=${d.reworkAfterFailure}"
                        + " rate=${d.deploymentReworkRate}\""));

        j.assertLogContains("recorded as rework (declared)", hotfix);
        j.assertLogContains("declared=1 afterFailure=0 rate=0.5", hotfix);
        List<io.jenkins.plugins.devops.core.ledger.LedgerEntry> entries =
                io.jenkins.plugins.devops.model.LedgerStore.get().ledger().entries();
        assertEquals(List.of(false, true), entries.stream().map(e -> e.rework()).toList());
    }

    @Test
    void failingRolloutIsRolledBackAndFailsTheStep() throws Exception {
        j.buildAndAssertSuccess(pipeline("first", deploy("registry.example.com/shop:1.0", "")));
        cluster.controller().neverReady("registry.example.com/shop:2.0");

        WorkflowRun build = j.buildAndAssertStatus(
                Result.FAILURE,
                pipeline("second", deploy("registry.example.com/shop:2.0", ", progressDeadlineSeconds: 5")));

        j.assertLogContains("Deployment of shop 2.0 to staging failed and was rolled back to 1.0", build);
        assertEquals(
                "FAILED_ROLLED_BACK", build.getAction(DeploymentAction.class).getOutcome());
        assertEquals(
                "registry.example.com/shop:1.0",
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
    }

    @Test
    void markUnstableReturnsTheResultOfAFailedDeployment() throws Exception {
        j.buildAndAssertSuccess(pipeline("first", deploy("registry.example.com/shop:1.0", "")));
        cluster.controller().neverReady("registry.example.com/shop:2.0");

        WorkflowRun build = j.buildAndAssertStatus(
                Result.UNSTABLE,
                pipeline(
                        "second",
                        deploy("registry.example.com/shop:2.0", ", progressDeadlineSeconds: 5, markUnstable: true")
                                + "\necho \"outcome=${r.outcome} rolledBack=${r.rolledBack}\""));

        j.assertLogContains("outcome=FAILED_ROLLED_BACK rolledBack=true", build);
    }

    @Test
    void invalidStrategyOptionFailsBeforeAnythingIsWritten() throws Exception {
        WorkflowRun build = j.buildAndAssertStatus(
                Result.FAILURE,
                pipeline("bad", deploy("registry.example.com/shop:1.0", ", maxSurge: '50%', strategy: 'canary'")));

        j.assertLogContains("strategy 'canary' has no option 'maxSurge'", build);
        assertNull(cluster.admin()
                .apps()
                .deployments()
                .inNamespace("shop")
                .withName("shop")
                .get());
    }

    @Test
    void theKubeconfigTokenNeverAppearsInLogBuildFilesOrRecord() throws Exception {
        WorkflowRun build = j.buildAndAssertSuccess(pipeline("shop", deploy("registry.example.com/shop:1.1", "")));

        j.assertLogNotContains(ClusterCredentials.TOKEN, build);
        try (Stream<Path> files = Files.walk(build.getRootDir().toPath())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertFalse(content.contains(ClusterCredentials.TOKEN), "secret found in " + file);
            }
        }
        try (Stream<Path> files = Files.walk(j.jenkins.getRootDir().toPath().resolve("devops-orchestrator"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertFalse(content.contains(ClusterCredentials.TOKEN), "secret found in " + file);
            }
        }
    }

    @Test
    void deployingInsideNodeReadsManifestFilesAndUpdatesTheWorkspaceContext() throws Exception {
        WorkflowJob job = pipeline(
                "ws",
                "node {\n  writeFile file: 'k8s/app.yaml', text: '''"
                        + TestManifests.app("shop", "registry.example.com/shop:0.9", 2, "hello")
                        + "'''\n  devopsDeploy service: 'shop', environment: 'staging', namespace: 'shop',"
                        + " credentialsId: '" + ClusterCredentials.ID + "', manifests: 'k8s/*.yaml',"
                        + " image: 'registry.example.com/shop:1.2'\n}");

        WorkflowRun build = j.buildAndAssertSuccess(job);

        j.assertLogContains("[devops] updated ai-state/active/devops (task ws-1)", build);
        hudson.FilePath context = j.jenkins.getWorkspaceFor(job).child("ai-state/active/devops");
        assertTrue(context.child("pipelines.json").exists());
        assertTrue(context.child("infrastructure.json").exists());
        assertTrue(context.child("monitoring.json").exists());
        String task = context.child("tasks/ws-1.json").readToString();
        assertTrue(task.contains("devopsDeploy"), task);
        assertTrue(task.contains("registry.example.com/shop:1.2"), task);
        assertFalse(task.contains(ClusterCredentials.TOKEN), task);
    }

    @Test
    void manifestPatternOutsideNodeSaysHowToFixIt() throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "nonode");
        job.setDefinition(new CpsFlowDefinition(
                "devopsDeploy service: 'shop', environment: 'staging', namespace: 'shop', credentialsId: '"
                        + ClusterCredentials.ID + "', manifests: 'k8s/*.yaml'",
                true));

        WorkflowRun build = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogContains("is a file pattern, which needs a workspace", build);
    }

    private WorkflowJob pipeline(String name, String script) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, name);
        job.setDefinition(new CpsFlowDefinition(script, true));
        return job;
    }

    static String deploy(String image, String extra) {
        return "def r = devopsDeploy service: 'shop', environment: 'staging', namespace: 'shop', credentialsId: '"
                + ClusterCredentials.ID + "', image: '" + image + "', manifests: '''"
                + TestManifests.app("shop", "registry.example.com/shop:0.9", 2, "hello") + "'''" + extra;
    }

    private static JSONObject findAction(JSONArray actions, String key) {
        for (Object each : actions) {
            if (each instanceof JSONObject action && action.has(key)) {
                return action;
            }
        }
        return null;
    }
}
