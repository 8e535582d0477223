package io.jenkins.plugins.devops.core.checklist.items;

import static io.jenkins.plugins.devops.core.checklist.items.EvidenceLines.concat;

import io.jenkins.plugins.devops.core.checklist.Category;
import io.jenkins.plugins.devops.core.checklist.Evidence;
import io.jenkins.plugins.devops.core.checklist.Severity;
import io.jenkins.plugins.devops.core.checklist.TestCounts;
import io.jenkins.plugins.devops.core.checklist.evidence.CoverageReport;
import io.jenkins.plugins.devops.core.checklist.evidence.EvidenceContext;
import io.jenkins.plugins.devops.core.checklist.evidence.KubernetesObject;
import io.jenkins.plugins.devops.core.checklist.evidence.SarifRun;
import io.jenkins.plugins.devops.core.checklist.evidence.Scalars;
import io.jenkins.plugins.devops.core.checklist.evidence.TestReport;
import io.jenkins.plugins.devops.core.checklist.evidence.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The CI/CD checklist. */
final class CicdItems {
    static final String BUILD_STEP = "stage\\s*\\(\\s*['\"][^'\"]*(build|compile|package)[^'\"]*['\"]"
            + "|\\b(mvnw?|gradlew?)\\s[^\\n]*\\b(package|install|verify|build|assemble)\\b"
            + "|\\b(npm|yarn|pnpm)\\s+(run\\s+)?build\\b|\\b(go|cargo|dotnet|bazel)\\s+build\\b"
            + "|\\bdocker\\s+(buildx\\s+)?build\\b|\\bkaniko\\b|\\bbuildah\\s+bud\\b|\\bmake\\b";
    static final String TEST_STEP = "stage\\s*\\(\\s*['\"][^'\"]*test[^'\"]*['\"]"
            + "|\\b(mvnw?|gradlew?)\\s[^\\n]*\\b(test|verify|check)\\b|\\b(npm|yarn|pnpm)\\s+(run\\s+)?test\\b"
            + "|\\bpytest\\b|\\b(go|cargo|dotnet)\\s+test\\b|\\bjunit\\s*[('\"]|\\bjest\\b";
    static final String SCAN_STEP = "\\b(trivy|grype|snyk|semgrep|codeql|dependency-check|dependencyCheck"
            + "|owasp|checkov|gitleaks|trufflehog|kube-score|kubesec|tfsec|kics|anchore|bandit|gosec|osv-scanner"
            + "|scorecard|zap-baseline|devopsChecklist)\\b";
    static final String QUALITY_STEP = "\\b(sonar\\w*|spotless\\w*|checkstyle|pmd|spotbugs|eslint|ruff|flake8|pylint"
            + "|golangci-lint|rubocop|ktlint|detekt|recordIssues|hadolint|shellcheck|prettier)\\b";
    static final String QUALITY_CONFIG = "sonar-project\\.properties|\\.eslintrc.*|eslint\\.config\\..*"
            + "|checkstyle.*\\.xml|pmd.*\\.xml|spotbugs.*\\.xml|\\.golangci\\.ya?ml|\\.pylintrc|ruff\\.toml"
            + "|\\.pre-commit-config\\.yaml|\\.rubocop\\.yml|detekt\\.yml|\\.hadolint\\.yaml";
    static final String DEPLOY_STEP = "\\b(devopsDeploy|devopsRollback|helm\\s+(upgrade|install|rollback)"
            + "|kubectl\\s+(apply|rollout)|argocd\\s+app|kustomize\\s+build|flux\\s+reconcile)\\b";
    static final String ROLLBACK_STEP = "\\b(devopsRollback|helm\\s+rollback|kubectl\\s+rollout\\s+undo"
            + "|argocd\\s+app\\s+rollback|rollback)\\b";

    private CicdItems() {}

    static List<ChecklistItem> items() {
        return List.of(
                new ChecklistItem(
                        "cicd.automated-builds",
                        "Automated builds",
                        Category.CICD,
                        Severity.HIGH,
                        "Add a Jenkinsfile (or another pipeline definition) with a stage that builds the project"
                                + " on every change.",
                        CicdItems::automatedBuilds),
                new ChecklistItem(
                        "cicd.automated-tests",
                        "Automated tests",
                        Category.CICD,
                        Severity.HIGH,
                        "Run the tests in the pipeline and publish JUnit XML (e.g. target/surefire-reports);"
                                + " fix failing tests.",
                        CicdItems::automatedTests),
                new ChecklistItem(
                        "cicd.security-scanning",
                        "Security scanning in the pipeline",
                        Category.CICD,
                        Severity.HIGH,
                        "Add a scanner stage (Trivy, Grype, Semgrep, CodeQL, OWASP Dependency-Check...) that writes"
                                + " SARIF into the workspace.",
                        CicdItems::securityScanning),
                new ChecklistItem(
                        "cicd.code-quality",
                        "Code quality checks",
                        Category.CICD,
                        Severity.MEDIUM,
                        "Run a linter or static analysis (Spotless, Checkstyle, ESLint, SonarQube...) in the pipeline"
                                + " and keep line coverage above the configured minimum.",
                        CicdItems::codeQuality),
                new ChecklistItem(
                        "cicd.artifact-versioning",
                        "Artifact versioning",
                        Category.CICD,
                        Severity.MEDIUM,
                        "Give artifacts a version (VERSION file, pom.xml/package.json/Chart.yaml version) and tag"
                                + " images with it or the commit, never only 'latest'.",
                        CicdItems::artifactVersioning),
                new ChecklistItem(
                        "cicd.rollback-capability",
                        "Rollback capability",
                        Category.CICD,
                        Severity.HIGH,
                        "Deploy with a strategy that can roll back (devopsDeploy, Helm, Deployment revision history)"
                                + " and give containers readiness probes so a bad version is detected.",
                        CicdItems::rollbackCapability),
                new ChecklistItem(
                        "cicd.progressive-delivery-safety",
                        "Progressive delivery safety",
                        Category.CICD,
                        Severity.HIGH,
                        "For canary and blue-green rollouts give every container a readiness probe, let a Service"
                                + " select both tracks, size replicas (or the HPA's minReplicas) for the canary"
                                + " weights, keep PodDisruptionBudgets between 'no disruption' and 'all down', and"
                                + " set progressDeadlineSeconds above the analysis time.",
                        ProgressiveDeliveryCheck::evaluate));
    }

    private static boolean stageRan(EvidenceContext context, String regex) {
        Pattern pattern = Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
        return context.facts().stagesRan().stream()
                .anyMatch(stage -> pattern.matcher(stage).find());
    }

    private static ItemOutcome automatedBuilds(EvidenceContext context) {
        List<Evidence> evidence = new ArrayList<>();
        if (stageRan(context, "build|compile|package")) {
            evidence.add(Evidence.fact("stagesRan", context.facts().stagesRan()));
        }
        evidence.addAll(EvidenceLines.of(context.grepPipelines(BUILD_STEP)));
        if (!evidence.isEmpty()) {
            return ItemOutcome.pass("the pipeline builds the project", evidence);
        }
        if (!context.pipelineFiles().isEmpty()) {
            return ItemOutcome.warn(
                    5,
                    "a pipeline definition exists but no build stage or build command was found",
                    EvidenceLines.files(context.pipelineFiles(), "pipeline definition"));
        }
        return ItemOutcome.fail("no pipeline definition (Jenkinsfile, workflow) and no build stage ran", List.of());
    }

    private static ItemOutcome automatedTests(EvidenceContext context) {
        TestCounts facts = context.facts().tests();
        if (facts != null) {
            Evidence fact = Evidence.fact("tests", facts.total() + " run, " + facts.failed() + " failed");
            if (facts.failed() > 0) {
                return ItemOutcome.fail(facts.failed() + " of " + facts.total() + " tests failed", List.of(fact));
            }
            if (facts.total() > 0) {
                return ItemOutcome.pass(facts.total() + " tests ran and passed", List.of(fact));
            }
        }
        List<TestReport> reports = context.tests();
        int total = reports.stream().mapToInt(TestReport::tests).sum();
        int failed = reports.stream().mapToInt(TestReport::failed).sum();
        List<Evidence> evidence = reports.stream()
                .map(r -> Evidence.at(
                        r.file(), 0, r.tests() + " tests, " + r.failed() + " failed, " + r.skipped() + " skipped"))
                .toList();
        if (failed > 0) {
            List<Evidence> failing = reports.stream()
                    .filter(r -> r.failed() > 0)
                    .map(r -> Evidence.at(r.file(), 0, r.failed() + " failed of " + r.tests()))
                    .toList();
            return ItemOutcome.fail(failed + " of " + total + " tests failed", failing);
        }
        if (total > 0) {
            return ItemOutcome.pass(total + " tests in " + reports.size() + " JUnit reports, none failed", evidence);
        }
        List<Workspace.LineMatch> steps = context.grepPipelines(TEST_STEP);
        if (!steps.isEmpty() || stageRan(context, "test")) {
            return ItemOutcome.warn(
                    5, "tests are configured in the pipeline but no JUnit report was found", EvidenceLines.of(steps));
        }
        return ItemOutcome.fail("no test stage and no JUnit test report", List.of());
    }

    private static ItemOutcome securityScanning(EvidenceContext context) {
        List<Evidence> evidence = new ArrayList<>();
        for (SarifRun run : context.sarif()) {
            evidence.add(Evidence.at(run.file(), 0, "SARIF from " + run.tool()));
        }
        evidence.addAll(EvidenceLines.of(context.grepPipelines(SCAN_STEP)));
        if (stageRan(context, "scan|security|sast|vulnerab")) {
            evidence.add(Evidence.fact("stagesRan", context.facts().stagesRan()));
        }
        if (evidence.isEmpty()) {
            return ItemOutcome.fail("no security scanner in the pipeline and no SARIF report", List.of());
        }
        return ItemOutcome.pass("security scanning is part of the pipeline", evidence);
    }

    private static ItemOutcome codeQuality(EvidenceContext context) {
        List<Evidence> tools = new ArrayList<>(EvidenceLines.of(context.grepPipelines(QUALITY_STEP)));
        tools.addAll(EvidenceLines.files(context.workspace().filesNamed(QUALITY_CONFIG), "quality tool configuration"));
        tools.addAll(EvidenceLines.of(context.workspace()
                .grep(
                        context.workspace().filesNamed("pom\\.xml|build\\.gradle(\\.kts)?|package\\.json"),
                        Pattern.compile("spotless|checkstyle|spotbugs|pmd|jacoco|eslint|\"lint\"\\s*:"))));
        List<CoverageReport> coverage = context.coverage();
        double minimum = context.config().minimumCoverage();
        List<Evidence> coverageEvidence = coverage.stream()
                .map(c -> Evidence.at(
                        c.file(),
                        0,
                        String.format(Locale.ROOT, "%s line coverage %.1f%%", c.format(), c.linePercent())))
                .toList();
        List<CoverageReport> low =
                coverage.stream().filter(c -> c.linePercent() < minimum).toList();
        if (tools.isEmpty() && coverage.isEmpty()) {
            return ItemOutcome.fail("no linter, static analysis or coverage report found", List.of());
        }
        if (!low.isEmpty()) {
            return ItemOutcome.warn(
                    5,
                    String.format(
                            Locale.ROOT,
                            "line coverage %.1f%% is below the minimum %.0f%%",
                            low.get(0).linePercent(),
                            minimum),
                    concat(coverageEvidence, tools));
        }
        if (tools.isEmpty()) {
            return ItemOutcome.warn(
                    6, "coverage is measured but no linter or static analysis was found", coverageEvidence);
        }
        return ItemOutcome.pass(
                "code quality tools run" + (coverage.isEmpty() ? "" : " and coverage meets the minimum"),
                concat(tools, coverageEvidence));
    }

    private static ItemOutcome artifactVersioning(EvidenceContext context) {
        Workspace workspace = context.workspace();
        List<Evidence> versions = new ArrayList<>();
        versions.addAll(EvidenceLines.files(workspace.filesNamed("VERSION(\\.txt)?|\\.version"), "version file"));
        versions.addAll(EvidenceLines.of(workspace.grep(
                workspace.filesNamed("pom\\.xml"),
                Pattern.compile("^\\s{2,4}<version>[^<]+</version>", Pattern.MULTILINE))));
        versions.addAll(EvidenceLines.of(workspace.grep(
                workspace.filesNamed("package\\.json|chart\\.yaml|pyproject\\.toml|cargo\\.toml|gradle\\.properties"
                        + "|build\\.gradle(\\.kts)?|setup\\.cfg"),
                Pattern.compile("^\\s*\"?(version|appVersion)\"?\\s*[:=]\\s*\\S+", Pattern.MULTILINE))));
        List<Evidence> tagging = EvidenceLines.of(
                context.grepPipelines("(BUILD_NUMBER|GIT_COMMIT|git describe|TAG_NAME|\\bversion\\b)"));
        List<Evidence> latest = new ArrayList<>();
        for (KubernetesObject workload : context.workloads()) {
            for (var container : workload.containers()) {
                String image = String.valueOf(container.get("image"));
                ImageReference ref = ImageReference.parse(image);
                if (ref.isLatest()) {
                    latest.add(workload.evidence("image " + image + " has no version tag"));
                }
            }
        }
        if (versions.isEmpty() && tagging.isEmpty()) {
            return ItemOutcome.fail("no version file, project version or versioned tagging in the pipeline", latest);
        }
        if (!latest.isEmpty()) {
            return ItemOutcome.warn(
                    5,
                    "artifacts are versioned but some manifests deploy 'latest' or untagged images",
                    concat(latest, versions));
        }
        return ItemOutcome.pass("artifacts carry a version", concat(versions, tagging));
    }

    private static ItemOutcome rollbackCapability(EvidenceContext context) {
        Boolean fact = context.facts().canRollBack();
        if (Boolean.FALSE.equals(fact)) {
            return ItemOutcome.fail(
                    "the deployment strategy cannot roll back", List.of(Evidence.fact("canRollBack", false)));
        }
        List<Evidence> evidence = new ArrayList<>();
        if (Boolean.TRUE.equals(fact)) {
            evidence.add(Evidence.fact("canRollBack", true));
        }
        evidence.addAll(EvidenceLines.of(context.grepPipelines(ROLLBACK_STEP + "|" + DEPLOY_STEP)));
        evidence.addAll(
                EvidenceLines.files(context.workspace().filesNamed("chart\\.yaml"), "Helm chart (helm rollback)"));
        List<Evidence> blockers = new ArrayList<>();
        List<Evidence> missingProbes = new ArrayList<>();
        for (KubernetesObject workload : context.workloads()) {
            if (!workload.isLongRunning()) {
                continue;
            }
            if (workload.isScalable()) {
                Object history =
                        workload.document().at("spec.revisionHistoryLimit").orElse(null);
                if (Long.valueOf(0).equals(Scalars.integer(history))) {
                    blockers.add(workload.evidence("revisionHistoryLimit: 0 keeps no revision to roll back to"));
                } else {
                    evidence.add(workload.evidence("keeps revisions for kubectl rollout undo"));
                }
            }
            for (var container : workload.appContainers()) {
                if (container.get("readinessProbe") == null) {
                    missingProbes.add(workload.evidence("container " + container.get("name")
                            + " has no readinessProbe, a bad version cannot be detected"));
                }
            }
        }
        if (!blockers.isEmpty()) {
            return ItemOutcome.fail("deployments keep no revision history to roll back to", blockers);
        }
        if (evidence.isEmpty() && missingProbes.isEmpty()) {
            return ItemOutcome.unknown("no deployment found in the workspace and no canRollBack fact", List.of());
        }
        if (evidence.isEmpty()) {
            // bare Pods: nothing keeps revisions, and their containers cannot report readiness
            return ItemOutcome.warn(
                    4, "no rollback evidence and some containers have no readiness probe", missingProbes);
        }
        if (!missingProbes.isEmpty()) {
            return ItemOutcome.warn(
                    5,
                    "rollback is possible but some containers have no readiness probe",
                    concat(missingProbes, evidence));
        }
        return ItemOutcome.pass("deployments can be rolled back", evidence);
    }
}
