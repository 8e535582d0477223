package io.jenkins.plugins.devops.core.checklist.evidence;

import io.jenkins.plugins.devops.core.checklist.ChecklistConfig;
import io.jenkins.plugins.devops.core.checklist.ChecklistInputException;
import io.jenkins.plugins.devops.core.checklist.Facts;
import io.jenkins.plugins.devops.core.checklist.files.Glob;
import io.jenkins.plugins.devops.core.checklist.secrets.SecretScanResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything the items may look at, gathered once per evaluation: the workspace index, the reports the pipeline
 * produced (parsed eagerly by {@link #loadReports()} so a broken report stops the evaluation before any item runs),
 * Kubernetes objects, the caller's facts and the secret scan result.
 */
public final class EvidenceContext {
    private final Workspace workspace;
    private final Facts facts;
    private final ChecklistConfig config;
    private final SecretScanResult secretScan;
    private List<KubernetesObject> kubernetes;
    private List<SarifRun> sarif;
    private List<TestReport> tests;
    private List<CoverageReport> coverage;

    public EvidenceContext(Workspace workspace, Facts facts, ChecklistConfig config, SecretScanResult secretScan) {
        this.workspace = workspace;
        this.facts = facts;
        this.config = config;
        this.secretScan = secretScan;
    }

    /** The same evidence (reports already read) with the secret scan result added. */
    public EvidenceContext withSecretScan(SecretScanResult result) {
        EvidenceContext copy = new EvidenceContext(workspace, facts, config, result);
        copy.kubernetes = kubernetes;
        copy.sarif = sarif;
        copy.tests = tests;
        copy.coverage = coverage;
        return copy;
    }

    public Workspace workspace() {
        return workspace;
    }

    public Facts facts() {
        return facts;
    }

    public ChecklistConfig config() {
        return config;
    }

    /** The secret scan result, empty when the scan is disabled. */
    public Optional<SecretScanResult> secretScan() {
        return Optional.ofNullable(secretScan);
    }

    /** Parses SARIF, JUnit and coverage reports; throws {@link ChecklistInputException} for an unreadable one. */
    public void loadReports() {
        sarif();
        tests();
        coverage();
    }

    private List<String> matching(List<Glob> globs) {
        Set<String> files = new LinkedHashSet<>();
        for (Glob glob : globs) {
            files.addAll(workspace.reportFiles(glob));
        }
        return new ArrayList<>(files);
    }

    private String reportText(String file) {
        return workspace
                .text(file)
                .orElseThrow(() -> new ChecklistInputException(file + ": cannot read this report (binary, larger"
                        + " than 4 MB or unreadable); fix it or exclude it from the report globs"));
    }

    public List<SarifRun> sarif() {
        if (sarif == null) {
            List<SarifRun> runs = new ArrayList<>();
            for (String file : matching(config.reports().sarif())) {
                runs.addAll(SarifReports.read(file, reportText(file)));
            }
            sarif = List.copyOf(runs);
        }
        return sarif;
    }

    public List<TestReport> tests() {
        if (tests == null) {
            List<TestReport> reports = new ArrayList<>();
            for (String file : matching(config.reports().junit())) {
                XmlReports.junit(file, reportText(file)).ifPresent(reports::add);
            }
            tests = List.copyOf(reports);
        }
        return tests;
    }

    public List<CoverageReport> coverage() {
        if (coverage == null) {
            List<CoverageReport> reports = new ArrayList<>();
            for (String file : matching(config.reports().coverage())) {
                String text = reportText(file);
                (file.endsWith(".info") ? XmlReports.lcov(file, text) : XmlReports.coverage(file, text))
                        .ifPresent(reports::add);
            }
            coverage = List.copyOf(reports);
        }
        return coverage;
    }

    public List<KubernetesObject> kubernetes() {
        if (kubernetes == null) {
            kubernetes = KubernetesManifests.find(workspace);
        }
        return kubernetes;
    }

    public List<KubernetesObject> kubernetes(String kind) {
        return kubernetes().stream().filter(o -> o.kind().equals(kind)).toList();
    }

    public List<KubernetesObject> workloads() {
        return kubernetes().stream().filter(KubernetesObject::isWorkload).toList();
    }

    /** Pipeline definitions: Jenkinsfiles, GitHub Actions workflows, GitLab CI and similar. */
    public List<String> pipelineFiles() {
        List<String> files = new ArrayList<>(jenkinsfiles());
        files.addAll(workspace.files("{.github/workflows/*.yml,.github/workflows/*.yaml}"));
        files.addAll(workspace.files(
                "{.gitlab-ci.yml,azure-pipelines.yml,.circleci/config.yml,bitbucket-pipelines.yml,.drone.yml}"));
        return files;
    }

    public List<String> jenkinsfiles() {
        return workspace.filesNamed("jenkinsfile(\\..*)?|.*\\.jenkinsfile");
    }

    /** Lines of the pipeline files matching a case-insensitive regex outside comments. */
    public List<Workspace.LineMatch> grepPipelines(String regex) {
        return workspace.grepCode(pipelineFiles(), Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
    }

    public List<String> dockerfiles() {
        return workspace.filesNamed("dockerfile(\\..*)?|.*\\.dockerfile|containerfile");
    }

    public List<String> terraformFiles() {
        return workspace.filesNamed(".*\\.tf");
    }

    /** Lines of Terraform files matching a case-insensitive regex outside comments. */
    public List<Workspace.LineMatch> grepTerraform(String regex) {
        return workspace.grepCode(terraformFiles(), Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
    }

    /** Build and configuration files (dependencies, app config, manifests), where SDKs and agents show up. */
    public List<String> configFiles() {
        return workspace.filesNamed(".*\\.(ya?ml|properties|toml|conf|ini|tf|env|alloy|hcl)|pom\\.xml"
                + "|build\\.gradle(\\.kts)?|go\\.mod|gemfile|requirements.*\\.txt|.*\\.csproj|package\\.json"
                + "|\\.env.*|dockerfile.*|.*\\.config\\.(js|ts|mjs)|appsettings.*\\.json");
    }

    /** Lines of the build and configuration files matching a case-insensitive regex outside comments. */
    public List<Workspace.LineMatch> grepConfig(String regex) {
        return workspace.grepCode(configFiles(), Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
    }

    /** YAML documents of files matching a glob, invalid files skipped. */
    public List<YamlDocument> yaml(String glob) {
        List<YamlDocument> documents = new ArrayList<>();
        for (String file : workspace.files(glob)) {
            if (!file.endsWith(".yml") && !file.endsWith(".yaml")) {
                continue;
            }
            try {
                documents.addAll(YamlFiles.parse(file, workspace.text(file).orElse("")));
            } catch (YamlFiles.InvalidYamlException e) {
                // not YAML we can read (templated): skipped as evidence
            }
        }
        return documents;
    }
}
