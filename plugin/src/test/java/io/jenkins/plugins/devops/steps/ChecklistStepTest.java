package io.jenkins.plugins.devops.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.jenkins.plugins.devops.model.ChecklistAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import net.sf.json.JSONObject;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** devopsChecklist in a Pipeline over a small workspace, and the freestyle build step's configuration. */
@WithJenkins
class ChecklistStepTest {
    private static final String WORKSPACE = "writeFile file: 'Jenkinsfile', text: \"pipeline { agent any }\"\n"
            + "  writeFile file: 'Dockerfile', text: 'FROM eclipse-temurin:17\\nUSER 1000\\n'\n";

    @Test
    void returnsScoresAndRecordsTheReport(JenkinsRule j) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "checks");
        job.setDefinition(new CpsFlowDefinition(
                "node {\n  stage('Build') { " + WORKSPACE + " }\n"
                        + "  def c = devopsChecklist checklists: ['cicd', 'security'], failOn: 'none',"
                        + " unstableOn: 'none'\n"
                        + "  echo \"score=${c.score} verdict=${c.verdict} lists=${c.checklists.keySet()}\"\n}",
                true));

        WorkflowRun build = j.buildAndAssertSuccess(job);

        j.assertLogContains("verdict=PASS", build);
        j.assertLogContains("[devops] checklists: score", build);
        ChecklistAction action = build.getAction(ChecklistAction.class);
        assertNotNull(action);
        assertEquals(Set.of("CICD", "SECURITY"), action.getChecklistScores().keySet());
        assertFalse(action.getChecklists().isEmpty(), "the full report is readable from its own file");
        String page = j.createWebClient()
                .withJavaScriptEnabled(false)
                .getPage(build, action.getUrlName())
                .asNormalizedText();
        assertTrue(page.contains("Remediation"), page);
        JSONObject json =
                j.getJSON(build.getUrl() + action.getUrlName() + "/api/json").getJSONObject();
        assertEquals("PASS", json.getString("verdict"));
    }

    @Test
    void withoutFailOnAFailedCriticalItemMakesTheBuildUnstableAndTheReportIsRecorded(JenkinsRule j) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "findings");
        job.setDefinition(new CpsFlowDefinition(
                "node {\n  " + WORKSPACE + "  def c = devopsChecklist()\n  echo \"verdict=${c.verdict}\"\n}", true));

        WorkflowRun build = j.buildAndAssertStatus(Result.UNSTABLE, job);

        j.assertLogContains("security.vulnerability-scanning is FAIL", build);
        j.assertLogContains("verdict=UNSTABLE", build);
        assertEquals("UNSTABLE", build.getAction(ChecklistAction.class).getVerdict());
    }

    @Test
    void failOnCriticalFailsTheBuildOnAFailedCriticalItem(JenkinsRule j) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "policy");
        job.setDefinition(
                new CpsFlowDefinition("node {\n  " + WORKSPACE + "  devopsChecklist failOn: 'critical'\n}", true));

        WorkflowRun build = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogContains("Checklist policy failed: critical item security.vulnerability-scanning failed", build);
        assertNotNull(build.getAction(ChecklistAction.class), "the report is recorded before the build fails");
    }

    @Test
    void freestyleStepWithoutFailOnIsUnstableOnAFailedCriticalItem(JenkinsRule j, @TempDir Path workspace)
            throws Exception {
        Files.writeString(workspace.resolve("Jenkinsfile"), "pipeline { agent any }");
        Files.writeString(workspace.resolve("Dockerfile"), "FROM eclipse-temurin:17\nUSER 1000\n");
        FreeStyleProject project = j.createFreeStyleProject("free-findings");
        project.setCustomWorkspace(workspace.toString());
        project.getBuildersList().add(new ChecklistBuilder());

        j.assertBuildStatus(Result.UNSTABLE, project.scheduleBuild2(0));

        assertEquals(
                "UNSTABLE",
                project.getLastBuild().getAction(ChecklistAction.class).getVerdict());
    }

    @Test
    void unknownFailOnValueFailsWithTheChoices(JenkinsRule j) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "bad");
        job.setDefinition(new CpsFlowDefinition("node { devopsChecklist failOn: 'sometimes' }", true));

        WorkflowRun build = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogContains("failOn: 'sometimes' is not supported; use 'critical' or 'none'", build);
    }

    @Test
    void aMissingBaselineFailsTheStepSayingHowToCreateIt(JenkinsRule j) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "baseline");
        job.setDefinition(new CpsFlowDefinition(
                "node { " + WORKSPACE + "  devopsChecklist baseline: 'ci/baseline.json' }", true));

        WorkflowRun build = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogContains("cannot read the baseline (NoSuchFileException)", build);
        j.assertLogContains("create it with --write-baseline", build);
    }

    @Test
    void freestyleBuildStepKeepsItsSettings(JenkinsRule j) throws Exception {
        ChecklistBuilder before = new ChecklistBuilder();
        before.setChecklists("cicd, security");
        before.setConfig("ci/devops-checklist.yaml");
        before.setBaseline(".devops/checklist-baseline.json");
        before.setFailOn("critical");
        before.setUnstableOn("none");

        j.assertEqualDataBoundBeans(before, j.configRoundtrip(before));
    }

    @Test
    void freestyleBuildRecordsTheReport(JenkinsRule j) throws Exception {
        FreeStyleProject project = j.createFreeStyleProject("free");
        ChecklistBuilder checklist = new ChecklistBuilder();
        checklist.setFailOn("none");
        checklist.setUnstableOn("none");
        project.getBuildersList().add(checklist);

        j.assertBuildStatusSuccess(project.scheduleBuild2(0));

        assertNotNull(project.getLastBuild().getAction(ChecklistAction.class));
    }
}
