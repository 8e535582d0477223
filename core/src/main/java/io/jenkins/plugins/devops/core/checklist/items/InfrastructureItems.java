package io.jenkins.plugins.devops.core.checklist.items;

import static io.jenkins.plugins.devops.core.checklist.items.EvidenceLines.concat;

import io.jenkins.plugins.devops.core.checklist.Category;
import io.jenkins.plugins.devops.core.checklist.Evidence;
import io.jenkins.plugins.devops.core.checklist.Severity;
import io.jenkins.plugins.devops.core.checklist.evidence.EvidenceContext;
import io.jenkins.plugins.devops.core.checklist.evidence.KubernetesObject;
import io.jenkins.plugins.devops.core.checklist.evidence.Workspace;
import io.jenkins.plugins.devops.core.checklist.evidence.YamlDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The infrastructure checklist. */
final class InfrastructureItems {
    private InfrastructureItems() {}

    static List<ChecklistItem> items() {
        return List.of(
                new ChecklistItem(
                        "infra.infrastructure-as-code",
                        "Infrastructure as code",
                        Category.INFRASTRUCTURE,
                        Severity.MEDIUM,
                        "Describe the infrastructure in version-controlled code: Terraform, Helm charts, Kustomize"
                                + " or Kubernetes manifests.",
                        InfrastructureItems::infrastructureAsCode),
                new ChecklistItem(
                        "infra.immutable-infrastructure",
                        "Immutable infrastructure",
                        Category.INFRASTRUCTURE,
                        Severity.MEDIUM,
                        "Pin base images by digest (FROM image:tag@sha256:...) and deploy images by version tag,"
                                + " never 'latest'.",
                        InfrastructureItems::immutableInfrastructure),
                new ChecklistItem(
                        "infra.auto-scaling",
                        "Auto-scaling and availability",
                        Category.INFRASTRUCTURE,
                        Severity.MEDIUM,
                        "Target each Deployment/StatefulSet with a HorizontalPodAutoscaler (minReplicas >= 2) and a"
                                + " PodDisruptionBudget.",
                        AvailabilityCheck::autoScaling),
                new ChecklistItem(
                        "infra.backup-strategy",
                        "Backup strategy",
                        Category.INFRASTRUCTURE,
                        Severity.HIGH,
                        "Schedule backups of stateful data: a Velero Schedule, a backup CronJob, or managed backups"
                                + " (backup_retention_period, aws_backup_plan) in Terraform.",
                        InfrastructureItems::backupStrategy),
                new ChecklistItem(
                        "infra.disaster-recovery",
                        "Disaster recovery",
                        Category.INFRASTRUCTURE,
                        Severity.MEDIUM,
                        "Write a disaster-recovery runbook (e.g. docs/disaster-recovery.md) with restore steps and"
                                + " RTO/RPO targets.",
                        InfrastructureItems::disasterRecovery),
                new ChecklistItem(
                        "infra.cost-optimization",
                        "Cost optimization",
                        Category.INFRASTRUCTURE,
                        Severity.LOW,
                        "Set CPU/memory requests and memory limits on every container, add a ResourceQuota or"
                                + " LimitRange, and label workloads with a cost label (cost-center, team, owner).",
                        InfrastructureItems::costOptimization));
    }

    private static ItemOutcome infrastructureAsCode(EvidenceContext context) {
        Workspace workspace = context.workspace();
        List<Evidence> evidence = new ArrayList<>();
        evidence.addAll(EvidenceLines.files(context.terraformFiles(), "Terraform"));
        evidence.addAll(EvidenceLines.files(workspace.filesNamed("chart\\.yaml"), "Helm chart"));
        evidence.addAll(EvidenceLines.files(workspace.filesNamed("kustomization\\.ya?ml"), "Kustomize"));
        evidence.addAll(EvidenceLines.files(workspace.filesNamed("pulumi\\.ya?ml"), "Pulumi"));
        evidence.addAll(EvidenceLines.of(workspace.grep(
                workspace.filesNamed(".*\\.(ya?ml|json|template)"), Pattern.compile("AWSTemplateFormatVersion"))));
        context.kubernetes().stream()
                .map(KubernetesObject::document)
                .map(YamlDocument::file)
                .distinct()
                .forEach(file -> evidence.add(Evidence.at(file, 0, "Kubernetes manifest")));
        if (evidence.isEmpty()) {
            return ItemOutcome.fail(
                    "no Terraform, Helm, Kustomize, Pulumi, CloudFormation or Kubernetes manifests", List.of());
        }
        return ItemOutcome.pass("infrastructure is described as code", evidence);
    }

    private static ItemOutcome immutableInfrastructure(EvidenceContext context) {
        List<Evidence> failures = new ArrayList<>();
        List<Evidence> warnings = new ArrayList<>();
        List<Evidence> good = new ArrayList<>();
        int checked = 0;
        for (String dockerfile : context.dockerfiles()) {
            for (Dockerfiles.BaseImage base : Dockerfiles.baseImages(context.workspace(), dockerfile)) {
                checked++;
                Evidence evidence = Evidence.at(base.file(), base.line(), base.text());
                if (base.image().isLatest()) {
                    failures.add(Evidence.at(base.file(), base.line(), base.text() + " — no tag or 'latest'"));
                } else if (!base.image().isPinned()) {
                    warnings.add(Evidence.at(base.file(), base.line(), base.text() + " — tag not pinned by digest"));
                } else {
                    good.add(evidence);
                }
            }
        }
        for (KubernetesObject workload : context.workloads()) {
            for (Map<String, Object> container : workload.containers()) {
                checked++;
                String image = String.valueOf(container.get("image"));
                if (ImageReference.parse(image).isLatest()) {
                    failures.add(workload.evidence("image " + image + " has no version tag or uses 'latest'"));
                } else {
                    good.add(workload.evidence("image " + image));
                }
            }
        }
        if (checked == 0) {
            return ItemOutcome.notApplicable("no Dockerfile and no Kubernetes workloads");
        }
        int score = (int) Math.round(10.0 * (checked - failures.size() - warnings.size() * 0.5) / checked);
        if (!failures.isEmpty()) {
            return ItemOutcome.fail(
                    Math.min(score, 4),
                    failures.size() + " of " + checked + " images are mutable ('latest' or untagged)",
                    concat(failures, warnings));
        }
        if (!warnings.isEmpty()) {
            return ItemOutcome.warn(
                    Math.max(5, Math.min(score, 9)),
                    warnings.size() + " base images are tagged but not pinned by digest",
                    concat(warnings, good));
        }
        return ItemOutcome.pass("all " + checked + " images are pinned", good);
    }

    private static ItemOutcome backupStrategy(EvidenceContext context) {
        List<Evidence> backups = new ArrayList<>();
        for (KubernetesObject object : context.kubernetes()) {
            if (object.kind().equals("Schedule") && object.apiVersion().startsWith("velero.io/")) {
                backups.add(object.evidence(
                        "Velero backup schedule " + object.document().string("spec.schedule")));
            } else if (object.kind().equals("CronJob")) {
                String spec = String.valueOf(object.body()).toLowerCase(Locale.ROOT);
                if (spec.matches("(?s).*(backup|pg_dump|mysqldump|mongodump|velero|restic|snapshot).*")) {
                    backups.add(object.evidence(
                            "backup CronJob on " + object.document().string("spec.schedule")));
                }
            }
        }
        backups.addAll(
                EvidenceLines.of(
                        context.grepTerraform(
                                "resource\\s+\"(aws_backup_plan|aws_backup_selection|azurerm_backup_policy_\\w+|google_backup_dr_\\w+)\""
                                        + "|backup_retention_period\\s*=\\s*[1-9]|backup_configuration\\s*\\{|point_in_time_recovery")));
        List<Evidence> stateful = new ArrayList<>();
        for (KubernetesObject object : context.kubernetes()) {
            if (object.kind().equals("StatefulSet") || object.kind().equals("PersistentVolumeClaim")) {
                stateful.add(object.evidence("holds persistent data"));
            }
        }
        stateful.addAll(EvidenceLines.of(context.grepTerraform(
                "resource\\s+\"(aws_db_instance|aws_rds_cluster|aws_dynamodb_table|aws_efs_file_system|aws_ebs_volume"
                        + "|google_sql_database_instance|azurerm_(postgresql|mysql|mssql)_\\w+|aws_s3_bucket)\"")));
        if (!backups.isEmpty()) {
            return ItemOutcome.pass("backups are scheduled", backups);
        }
        if (!stateful.isEmpty()) {
            return ItemOutcome.fail("stateful resources exist but no backup schedule was found", stateful);
        }
        return ItemOutcome.notApplicable("no stateful resources (StatefulSet, PVC, databases, buckets) found");
    }

    private static ItemOutcome disasterRecovery(EvidenceContext context) {
        Workspace workspace = context.workspace();
        List<String> runbooks = workspace.filesNamed(
                "(dr([-_].*)?|.*disaster.*|.*runbook.*|.*recovery.*|.*continuity.*)\\.(md|adoc|rst|txt)");
        if (runbooks.isEmpty()) {
            return ItemOutcome.fail("no disaster-recovery runbook found", List.of());
        }
        List<Evidence> targets = EvidenceLines.of(workspace.grep(runbooks, Pattern.compile("\\b(RTO|RPO)\\b")));
        List<Evidence> procedures =
                EvidenceLines.of(workspace.grep(runbooks, Pattern.compile("(?i)\\b(restore|fail ?over|recover)")));
        if (procedures.isEmpty()) {
            return ItemOutcome.warn(
                    4,
                    "a runbook exists but describes no restore or failover procedure",
                    EvidenceLines.files(runbooks, "runbook"));
        }
        if (targets.isEmpty()) {
            return ItemOutcome.warn(7, "the runbook has restore steps but no RTO/RPO targets", procedures);
        }
        return ItemOutcome.pass(
                "a disaster-recovery runbook with procedures and RTO/RPO targets exists", concat(targets, procedures));
    }

    private static ItemOutcome costOptimization(EvidenceContext context) {
        List<KubernetesObject> workloads = context.workloads();
        List<Evidence> evidence = new ArrayList<>();
        List<String> costLabels = context.config().costLabels();
        List<Evidence> terraformTags = EvidenceLines.of(context.grepTerraform("\"?("
                + String.join("|", costLabels.stream().map(Pattern::quote).toList()) + ")\"?\\s*="));
        if (workloads.isEmpty()) {
            if (context.terraformFiles().isEmpty()) {
                return ItemOutcome.notApplicable("no Kubernetes workloads and no Terraform");
            }
            if (terraformTags.isEmpty()) {
                return ItemOutcome.fail(
                        "Terraform resources carry no cost tags (" + String.join(", ", costLabels) + ")", List.of());
            }
            return ItemOutcome.pass("Terraform resources are tagged for cost attribution", terraformTags);
        }
        List<KubernetesObject> quotas = new ArrayList<>(context.kubernetes("ResourceQuota"));
        quotas.addAll(context.kubernetes("LimitRange"));
        quotas.forEach(q -> evidence.add(q.evidence("limits what the namespace can consume")));
        int containers = 0;
        int sized = 0;
        int labelled = 0;
        for (KubernetesObject workload : workloads) {
            boolean hasLabel = costLabels.stream()
                    .anyMatch(label -> workload.labels().containsKey(label)
                            || workload.podLabels().containsKey(label));
            if (hasLabel) {
                labelled++;
            } else {
                evidence.add(workload.evidence("no cost label (" + String.join(", ", costLabels) + ")"));
            }
            for (Map<String, Object> container : workload.containers()) {
                containers++;
                Object resources = container.get("resources");
                List<String> missing = new ArrayList<>();
                if (YamlDocument.at(resources, "requests.cpu") == null) {
                    missing.add("cpu request");
                }
                if (YamlDocument.at(resources, "requests.memory") == null) {
                    missing.add("memory request");
                }
                if (YamlDocument.at(resources, "limits.memory") == null) {
                    missing.add("memory limit");
                }
                if (missing.isEmpty()) {
                    sized++;
                } else {
                    evidence.add(workload.evidence(
                            "container " + container.get("name") + " lacks " + String.join(", ", missing)));
                }
            }
        }
        double resourceScore = containers == 0 ? 10 : 10.0 * sized / containers;
        double labelScore = 10.0 * labelled / workloads.size();
        double quotaScore = quotas.isEmpty() ? 0 : 10;
        int score = (int) Math.round(resourceScore * 0.5 + labelScore * 0.25 + quotaScore * 0.25);
        if (score >= 10) {
            return ItemOutcome.pass(
                    "containers are sized, workloads labelled for cost and namespaces have quotas", evidence);
        }
        String gaps = sized + "/" + containers + " containers sized, " + labelled + "/" + workloads.size()
                + " workloads cost-labelled, " + (quotas.isEmpty() ? "no" : "a") + " ResourceQuota/LimitRange";
        return score < 4 ? ItemOutcome.fail(score, gaps, evidence) : ItemOutcome.warn(score, gaps, evidence);
    }
}
