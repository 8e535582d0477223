package io.jenkins.plugins.devops.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import hudson.model.Result;
import io.jenkins.plugins.devops.core.kube.testing.MockCluster;
import io.jenkins.plugins.devops.model.ChecklistAction;
import io.jenkins.plugins.devops.model.DeploymentAction;
import io.jenkins.plugins.devops.model.DoraJobAction;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.htmlunit.ScriptException;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlOption;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.htmlunit.javascript.SilentJavaScriptErrorListener;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * What a user sees, in a browser (HtmlUnit): the Snippet Generator form of each step, the deployment page (phases
 * with weights, gate measurements, rollback reason) and the checklist page load with JavaScript and without a script
 * error; the job's DORA trend and page are checked as served. The tables must hold the build's data.
 */
@WithJenkins
class ScreensTest {
    private JenkinsRule j;
    private MockCluster cluster;
    private HttpServer smokeTarget;
    private final List<String> scriptErrors = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start(JenkinsRule rule) throws Exception {
        j = rule;
        cluster = MockCluster.start("shop");
        ClusterCredentials.addKubeconfig(j.jenkins, cluster.url(), "shop");
        // What the canary's smoke test calls: /health answers 200, /broken 503.
        smokeTarget = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        smokeTarget.createContext("/health", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        smokeTarget.createContext("/broken", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        smokeTarget.start();
    }

    @AfterEach
    void stop() {
        smokeTarget.stop(0);
        cluster.close();
    }

    @Test
    void snippetGeneratorShowsTheFormOfEveryStep() throws Exception {
        WorkflowJob job = pipeline("snippets", "echo 'hi'");
        JenkinsRule.WebClient wc = browser();

        for (String[] step : new String[][] {
            {"devopsDeploy", "_.service", "_.image", "_.strategy", "_.credentialsId"},
            {"devopsRollback", "_.service", "_.revision", "_.credentialsId"},
            {"devopsChecklist", "_.config", "_.failOn", "_.unstableOn"},
            {"devopsDora", "_.service", "_.environment", "_.window"}
        }) {
            HtmlPage page = wc.getPage(job, "pipeline-syntax");
            HtmlSelect steps = stepSelector(page);
            HtmlOption option = option(steps, step[0] + ":");
            page = steps.setSelectedAttribute(option, true);
            wc.waitForBackgroundJavaScript(10_000);
            for (int i = 1; i < step.length; i++) {
                assertFalse(page.getElementsByName(step[i]).isEmpty(), step[0] + " form has no field " + step[i]);
            }
        }
        assertNoScriptErrors();
    }

    @Test
    void deploymentPageShowsPhasesWeightsMeasurementsAndWhyItWasRolledBack() throws Exception {
        j.buildAndAssertSuccess(pipeline("first", DeployStepTest.deploy("registry.example.com/shop:1.0", "")));
        WorkflowRun canary = j.buildAndAssertSuccess(pipeline(
                "canary", DeployStepTest.deploy("registry.example.com/shop:1.1", canaryWithSmokeTest("/health"))));
        WorkflowRun failed = j.buildAndAssertStatus(
                Result.FAILURE,
                pipeline(
                        "bad", DeployStepTest.deploy("registry.example.com/shop:2.0", canaryWithSmokeTest("/broken"))));
        JenkinsRule.WebClient wc = browser();

        HtmlPage page =
                wc.getPage(canary, canary.getAction(DeploymentAction.class).getUrlName());
        assertEquals("canary", cell(page, "Strategy"));
        assertEquals("SUCCEEDED", cell(page, "Outcome"));
        assertEquals("[50, 100]", cell(page, "Traffic weights"));
        assertTrue(cell(page, "Duration (s)").matches("\\d+"), cell(page, "Duration (s)"));
        List<String> phases = column(page, "Phase", 1);
        assertTrue(phases.contains("canary 50%"), phases.toString());
        assertTrue(phases.contains("canary 100%"), phases.toString());
        List<String> weights = column(page, "Phase", 2);
        assertTrue(weights.contains("50%"), weights.toString());
        String measurements = String.join("\n", column(page, "Measurements", 6));
        assertTrue(measurements.contains("health = 200.0 (PASSED)"), measurements);

        DeploymentAction rolledBack = failed.getAction(DeploymentAction.class);
        assertEquals("FAILED_ROLLED_BACK", rolledBack.getOutcome());
        page = wc.getPage(failed, rolledBack.getUrlName());
        assertFalse(rolledBack.getFailureReason().isEmpty());
        assertEquals(
                rolledBack.getFailureReason().replaceAll("\\s+", " ").strip(),
                cell(page, "Why it was rolled back").replaceAll("\\s+", " ").strip());
        String failedMeasurements = String.join("\n", column(page, "Measurements", 6));
        assertTrue(failedMeasurements.contains("health = 503.0 (FAILED)"), failedMeasurements);

        String summary = wc.getPage(failed).asNormalizedText();
        assertTrue(summary.contains("Deployment shop → staging: FAILED_ROLLED_BACK"), summary);
        assertNoScriptErrors();
    }

    @Test
    void checklistPageListsEveryItemWithStatusEvidenceAndRemediation() throws Exception {
        WorkflowRun build = j.buildAndAssertStatus(
                Result.UNSTABLE,
                pipeline(
                        "checks",
                        "node {\n  writeFile file: 'Jenkinsfile', text: 'pipeline { agent any }'\n"
                                + "  writeFile file: 'Dockerfile', text: 'FROM eclipse-temurin:17\\nUSER 1000\\n'\n"
                                + "  devopsChecklist()\n}"));
        ChecklistAction action = build.getAction(ChecklistAction.class);
        JenkinsRule.WebClient wc = browser();

        HtmlPage page = wc.getPage(build, action.getUrlName());

        List<?> tables = page.getByXPath("//table[.//th[normalize-space(.)='Remediation']]");
        assertEquals(4, tables.size(), "one table per checklist");
        List<?> rows = page.getByXPath("//table[.//th[normalize-space(.)='Remediation']]/tbody/tr");
        int items = action.getChecklists().stream()
                .mapToInt(c -> ((List<?>) c.get("items")).size())
                .sum();
        assertTrue(items >= 24, "all built-in items are evaluated: " + items);
        assertEquals(items, rows.size(), "every item of the report has its row");
        DomElement status =
                page.getFirstByXPath("//tr[td/strong[normalize-space(.)='security.vulnerability-scanning']]/td[3]");
        assertNotNull(status, page.asXml());
        assertEquals("FAIL", status.asNormalizedText());
        DomElement remediation =
                page.getFirstByXPath("//tr[td/strong[normalize-space(.)='security.vulnerability-scanning']]/td[6]");
        assertFalse(remediation.asNormalizedText().isBlank());
        assertTrue(page.asNormalizedText().contains("UNSTABLE"));
        String summary = wc.getPage(build).asNormalizedText();
        assertTrue(summary.contains("score"), summary);
        assertNoScriptErrors();
    }

    @Test
    void jobPageShowsTheDoraTrendAndTheDoraPageItsTables() throws Exception {
        WorkflowJob job = pipeline("shop", DeployStepTest.deploy("registry.example.com/shop:1.1", ""));
        j.buildAndAssertSuccess(job);
        DoraJobAction dora = job.getAction(DoraJobAction.class);
        assertNotNull(dora);
        // The trend is drawn by ECharts, which HtmlUnit's JavaScript engine does not run reliably (the junit plugin
        // checks its own ECharts trend the same way): the pages are checked as served, and the model the chart's
        // script fetches is checked as JSON.
        JenkinsRule.WebClient wc = j.createWebClient().withJavaScriptEnabled(false);

        HtmlPage jobPage = wc.getPage(job);
        DomElement caption = jobPage.getFirstByXPath("//div[contains(@class, 'test-trend-caption')]");
        assertNotNull(caption, "the job page has the DORA trend");
        assertTrue(caption.asNormalizedText().contains("shop → staging"), caption.asNormalizedText());
        DomElement chart = jobPage.getFirstByXPath("//div[contains(@class, 'echarts-trend')]");
        assertNotNull(chart);
        assertEquals(dora.getUrlName(), chart.getAttribute("tool"));
        JSONObject model = JSONObject.fromObject(dora.getBuildTrendModel());
        JSONArray series = model.getJSONArray("series");
        assertFalse(series.isEmpty(), model.toString(2));
        assertTrue(model.toString().contains("Deployments"), model.toString(2));

        HtmlPage page = wc.getPage(job, dora.getUrlName());
        List<?> metrics = page.getByXPath("//table[.//th[normalize-space(.)='Band']]/tbody/tr");
        assertFalse(metrics.isEmpty(), "the DORA figures table has rows");
        List<String> outcomes = column(page, "Outcome", 4);
        assertEquals(List.of("SUCCEEDED"), outcomes, "one row per deployment in the ledger");
    }

    // ---- helpers ----

    private String canaryWithSmokeTest(String path) {
        return ", strategy: 'canary', steps: [50, 100], progressDeadlineSeconds: 20, smokeTests: [[name: 'health',"
                + " url: 'http://127.0.0.1:" + smokeTarget.getAddress().getPort() + path + "']]";
    }

    /** A browser with JavaScript that records every script error instead of only logging it. */
    private JenkinsRule.WebClient browser() {
        JenkinsRule.WebClient wc = j.createWebClient();
        wc.setJavaScriptErrorListener(new SilentJavaScriptErrorListener() {
            @Override
            public void scriptException(HtmlPage page, ScriptException e) {
                scriptErrors.add(page.getUrl() + ": " + e.getMessage());
            }
        });
        return wc;
    }

    private void assertNoScriptErrors() {
        assertTrue(scriptErrors.isEmpty(), "JavaScript errors: " + scriptErrors);
    }

    private static HtmlSelect stepSelector(HtmlPage page) {
        for (Object each : page.getByXPath("//select")) {
            HtmlSelect select = (HtmlSelect) each;
            for (HtmlOption option : select.getOptions()) {
                if (option.getText().startsWith("devopsDeploy:")) {
                    return select;
                }
            }
        }
        throw new AssertionError("no step list on the Snippet Generator page");
    }

    private static HtmlOption option(HtmlSelect select, String prefix) {
        for (HtmlOption option : select.getOptions()) {
            if (option.getText().startsWith(prefix)) {
                return option;
            }
        }
        throw new AssertionError("the Snippet Generator does not offer " + prefix);
    }

    /** The value cell of the row whose header is {@code header}. */
    private static String cell(HtmlPage page, String header) {
        DomElement td = page.getFirstByXPath("//tr[th[normalize-space(.)='" + header + "']]/td");
        assertNotNull(td, "no row " + header);
        return td.asNormalizedText();
    }

    /** The texts of column {@code index} (1-based) of the table that has a column {@code header}. */
    private static List<String> column(HtmlPage page, String header, int index) {
        List<?> cells =
                page.getByXPath("//table[thead/tr/th[normalize-space(.)='" + header + "']]/tbody/tr/td[" + index + "]");
        return cells.stream().map(c -> ((DomElement) c).asNormalizedText()).toList();
    }

    private WorkflowJob pipeline(String name, String script) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, name);
        job.setDefinition(new CpsFlowDefinition(script, true));
        return job;
    }
}
