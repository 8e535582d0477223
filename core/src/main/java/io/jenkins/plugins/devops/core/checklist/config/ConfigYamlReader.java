package io.jenkins.plugins.devops.core.checklist.config;

import io.jenkins.plugins.devops.core.checklist.Category;
import io.jenkins.plugins.devops.core.checklist.ChecklistConfig;
import io.jenkins.plugins.devops.core.checklist.ChecklistInputException;
import io.jenkins.plugins.devops.core.checklist.CustomItem;
import io.jenkins.plugins.devops.core.checklist.ItemSettings;
import io.jenkins.plugins.devops.core.checklist.Policy;
import io.jenkins.plugins.devops.core.checklist.ReportLocations;
import io.jenkins.plugins.devops.core.checklist.Severity;
import io.jenkins.plugins.devops.core.checklist.Suppression;
import io.jenkins.plugins.devops.core.checklist.evidence.YamlFiles;
import io.jenkins.plugins.devops.core.checklist.files.Glob;
import io.jenkins.plugins.devops.core.checklist.items.BuiltInItems;
import io.jenkins.plugins.devops.core.checklist.secrets.SecretAllowlist;
import io.jenkins.plugins.devops.core.checklist.secrets.SecretRule;
import io.jenkins.plugins.devops.core.checklist.secrets.SecretRules;
import io.jenkins.plugins.devops.core.checklist.secrets.SecretScanOptions;
import io.jenkins.plugins.devops.core.text.DidYouMean;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the checklist YAML (format in docs/checklists.md) from composed SnakeYAML nodes, so that every error names
 * the file and the line of the offending key or value. Unknown keys are errors, not silently ignored.
 */
public final class ConfigYamlReader {
    private final YamlNodeReader nodes;

    private ConfigYamlReader(String source) {
        this.nodes = new YamlNodeReader(source);
    }

    public static ChecklistConfig read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ChecklistInputException(file + ": cannot read the checklist configuration ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "); check the path");
        }
        return read(text, file.toString());
    }

    public static ChecklistConfig read(String yaml, String source) {
        List<Node> documents;
        try {
            documents = YamlFiles.compose(source, yaml);
        } catch (YamlFiles.InvalidYamlException e) {
            String where = e.line() > 0 ? " line " + e.line() + ", column " + e.column() : "";
            throw new ChecklistInputException(source + where + ": invalid YAML (" + e.getMessage()
                    + "); fix it there (the format is in docs/checklists.md)");
        }
        if (documents.isEmpty()) {
            return ChecklistConfig.defaults();
        }
        if (documents.size() > 1) {
            throw new ChecklistInputException(source + " line " + YamlNodeReader.line(documents.get(1))
                    + ": only one YAML document is allowed; remove the '---' separator");
        }
        return new ConfigYamlReader(source).config(documents.get(0));
    }

    private ChecklistConfig config(Node root) {
        ChecklistConfig config = ChecklistConfig.defaults();
        Map<String, NodeTuple> top = nodes.mapping(
                root,
                "the checklist configuration",
                Set.of("items", "custom", "policy", "secrets", "reports", "thresholds", "costLabels", "suppressions"));
        Map<String, ItemSettings> items = new LinkedHashMap<>();
        List<CustomItem> customItems = new ArrayList<>();
        Policy policy = config.policy();
        boolean secretsEnabled = config.secretScanEnabled();
        SecretScanOptions secrets = config.secretScan();
        ReportLocations reports = config.reports();
        double minimumCoverage = config.minimumCoverage();
        List<String> costLabels = config.costLabels();

        if (top.containsKey("items")) {
            items = items(top.get("items").getValueNode());
        }
        if (top.containsKey("custom")) {
            customItems = customItems(top.get("custom").getValueNode());
        }
        if (top.containsKey("policy")) {
            policy = policy(top.get("policy").getValueNode(), policy);
        }
        if (top.containsKey("secrets")) {
            Map<String, NodeTuple> s = nodes.mapping(
                    top.get("secrets").getValueNode(),
                    "secrets",
                    Set.of(
                            "enabled",
                            "builtInRules",
                            "rules",
                            "allowlist",
                            "skipDirectories",
                            "includeBuildOutput",
                            "maxFileBytes"));
            if (s.containsKey("enabled")) {
                secretsEnabled = nodes.bool(s.get("enabled").getValueNode(), "secrets.enabled");
            }
            secrets = secretOptions(s, secrets);
        }
        if (top.containsKey("reports")) {
            Map<String, NodeTuple> r =
                    nodes.mapping(top.get("reports").getValueNode(), "reports", Set.of("sarif", "junit", "coverage"));
            reports = new ReportLocations(
                    r.containsKey("sarif")
                            ? nodes.globs(r.get("sarif").getValueNode(), "reports.sarif")
                            : reports.sarif(),
                    r.containsKey("junit")
                            ? nodes.globs(r.get("junit").getValueNode(), "reports.junit")
                            : reports.junit(),
                    r.containsKey("coverage")
                            ? nodes.globs(r.get("coverage").getValueNode(), "reports.coverage")
                            : reports.coverage());
        }
        if (top.containsKey("thresholds")) {
            Map<String, NodeTuple> t =
                    nodes.mapping(top.get("thresholds").getValueNode(), "thresholds", Set.of("minimumCoverage"));
            if (t.containsKey("minimumCoverage")) {
                minimumCoverage =
                        nodes.number(t.get("minimumCoverage").getValueNode(), "thresholds.minimumCoverage", 0, 100);
            }
        }
        if (top.containsKey("costLabels")) {
            costLabels = nodes.strings(top.get("costLabels").getValueNode(), "costLabels");
        }
        List<Suppression> suppressions = List.of();
        if (top.containsKey("suppressions")) {
            Set<String> known = new HashSet<>(BuiltInItems.ids());
            customItems.forEach(custom -> known.add(custom.id()));
            suppressions = suppressions(top.get("suppressions").getValueNode(), known);
        }
        return new ChecklistConfig(
                items,
                customItems,
                policy,
                secretsEnabled,
                secrets,
                reports,
                minimumCoverage,
                costLabels,
                suppressions);
    }

    private List<Suppression> suppressions(Node node, Set<String> known) {
        if (!(node instanceof SequenceNode sequence)) {
            throw nodes.error(node, "suppressions must be a list, each entry starting with '- item: ...'");
        }
        List<Suppression> suppressions = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Node entryNode : sequence.getValue()) {
            Map<String, NodeTuple> entry =
                    nodes.mapping(entryNode, "a suppression", Set.of("item", "reason", "expires"));
            if (!entry.containsKey("item")) {
                throw nodes.error(
                        entryNode,
                        "a suppression needs the 'item' it suppresses, e.g. 'item:" + " security.network-security'");
            }
            Node itemNode = entry.get("item").getValueNode();
            String item = nodes.scalar(itemNode, "item");
            if (!known.contains(item)) {
                throw nodes.error(
                        itemNode,
                        "suppression of unknown item id '" + item + "'" + DidYouMean.hint(item, known)
                                + "; use a built-in id (docs/checklists.md) or a custom item's id");
            }
            if (!seen.add(item)) {
                throw nodes.error(itemNode, "item '" + item + "' is suppressed twice; keep one entry");
            }
            String reason = entry.containsKey("reason")
                    ? nodes.scalar(entry.get("reason").getValueNode(), "reason")
                    : "";
            if (reason.isBlank()) {
                throw nodes.error(
                        entry.containsKey("reason") ? entry.get("reason").getValueNode() : entryNode,
                        "the suppression of " + item + " needs a 'reason' saying why it does not apply, e.g."
                                + " 'reason: policies are managed by the platform team (PLAT-123)'");
            }
            LocalDate expires = null;
            if (entry.containsKey("expires")) {
                Node dateNode = entry.get("expires").getValueNode();
                String text = nodes.scalar(dateNode, "expires");
                try {
                    expires = LocalDate.parse(text);
                } catch (DateTimeParseException e) {
                    throw nodes.error(
                            dateNode,
                            "expires '" + text + "' is not a date; write it as YYYY-MM-DD, e.g. 'expires: 2027-03-31'");
                }
            }
            suppressions.add(new Suppression(item, reason.trim(), expires));
        }
        return suppressions;
    }

    private Map<String, ItemSettings> items(Node node) {
        Map<String, ItemSettings> items = new LinkedHashMap<>();
        Set<String> known = BuiltInItems.ids();
        for (Map.Entry<String, NodeTuple> entry :
                nodes.mapping(node, "items", null).entrySet()) {
            String id = entry.getKey();
            Node keyNode = entry.getValue().getKeyNode();
            if (!known.contains(id)) {
                throw nodes.error(
                        keyNode,
                        "unknown item id '" + id + "'" + DidYouMean.hint(id, known)
                                + "; the built-in ids are listed in docs/checklists.md");
            }
            Node value = entry.getValue().getValueNode();
            if (value instanceof ScalarNode) {
                items.put(id, new ItemSettings(nodes.bool(value, "items." + id), null));
                continue;
            }
            Map<String, NodeTuple> settings = nodes.mapping(value, "items." + id, Set.of("enabled", "severity"));
            boolean enabled = !settings.containsKey("enabled")
                    || nodes.bool(settings.get("enabled").getValueNode(), id + ".enabled");
            Severity severity = settings.containsKey("severity")
                    ? nodes.parsed(settings.get("severity").getValueNode(), id + ".severity", Severity::parse)
                    : null;
            items.put(id, new ItemSettings(enabled, severity));
        }
        return items;
    }

    private List<CustomItem> customItems(Node node) {
        if (!(node instanceof SequenceNode sequence)) {
            throw nodes.error(node, "custom must be a list of items, each starting with '- id: ...'");
        }
        List<CustomItem> items = new ArrayList<>();
        Set<String> ids = new HashSet<>(BuiltInItems.ids());
        for (Node itemNode : sequence.getValue()) {
            Map<String, NodeTuple> item = nodes.mapping(
                    itemNode,
                    "a custom item",
                    Set.of(
                            "id",
                            "title",
                            "category",
                            "severity",
                            "remediation",
                            "fileExists",
                            "regexInFiles",
                            "valueAtPath"));
            if (!item.containsKey("id")) {
                throw nodes.error(itemNode, "a custom item needs an 'id', e.g. 'id: custom.codeowners'");
            }
            Node idNode = item.get("id").getValueNode();
            String id = nodes.scalar(idNode, "id");
            if (!ids.add(id)) {
                throw nodes.error(idNode, "item id '" + id + "' is already used; give the custom item its own id");
            }
            List<String> ruleKeys = item.keySet().stream()
                    .filter(k ->
                            Set.of("fileExists", "regexInFiles", "valueAtPath").contains(k))
                    .toList();
            if (ruleKeys.size() != 1) {
                throw nodes.error(
                        itemNode,
                        "custom item '" + id + "' needs exactly one rule: fileExists, regexInFiles"
                                + " or valueAtPath (found " + ruleKeys.size() + ")");
            }
            CustomItem.Rule rule =
                    rule(ruleKeys.get(0), item.get(ruleKeys.get(0)).getValueNode(), id);
            Category category = item.containsKey("category")
                    ? nodes.parsed(item.get("category").getValueNode(), id + ".category", Category::parse)
                    : Category.CICD;
            Severity severity = item.containsKey("severity")
                    ? nodes.parsed(item.get("severity").getValueNode(), id + ".severity", Severity::parse)
                    : Severity.MEDIUM;
            String title =
                    item.containsKey("title") ? nodes.scalar(item.get("title").getValueNode(), "title") : null;
            String remediation = item.containsKey("remediation")
                    ? nodes.scalar(item.get("remediation").getValueNode(), "remediation")
                    : null;
            items.add(new CustomItem(id, title, category, severity, remediation, rule));
        }
        return items;
    }

    private CustomItem.Rule rule(String kind, Node node, String id) {
        switch (kind) {
            case "fileExists" -> {
                return new CustomItem.FileExists(nodes.parsed(node, id + ".fileExists", Glob::of));
            }
            case "regexInFiles" -> {
                Map<String, NodeTuple> r =
                        nodes.mapping(node, id + ".regexInFiles", Set.of("files", "regex", "expect"));
                if (!r.containsKey("files") || !r.containsKey("regex")) {
                    throw nodes.error(node, id + ".regexInFiles needs 'files' (a glob) and 'regex'");
                }
                boolean expectMatch = true;
                if (r.containsKey("expect")) {
                    String expect = nodes.scalar(r.get("expect").getValueNode(), "expect");
                    if (!expect.equals("present") && !expect.equals("absent")) {
                        throw nodes.error(
                                r.get("expect").getValueNode(),
                                id + ".regexInFiles.expect must be 'present' or 'absent', was '" + expect + "'");
                    }
                    expectMatch = expect.equals("present");
                }
                return new CustomItem.RegexInFiles(
                        nodes.parsed(r.get("files").getValueNode(), id + ".regexInFiles.files", Glob::of),
                        nodes.regex(r.get("regex").getValueNode(), id + ".regexInFiles.regex"),
                        expectMatch);
            }
            default -> {
                Map<String, NodeTuple> r = nodes.mapping(node, id + ".valueAtPath", Set.of("file", "path", "equals"));
                if (!r.containsKey("file") || !r.containsKey("path")) {
                    throw nodes.error(
                            node, id + ".valueAtPath needs 'file' (a glob) and 'path' (dotted, e.g. spec.replicas)");
                }
                return new CustomItem.ValueAtPath(
                        nodes.parsed(r.get("file").getValueNode(), id + ".valueAtPath.file", Glob::of),
                        nodes.scalar(r.get("path").getValueNode(), "path"),
                        r.containsKey("equals") ? nodes.scalar(r.get("equals").getValueNode(), "equals") : null);
            }
        }
    }

    private Policy policy(Node node, Policy defaults) {
        Map<String, NodeTuple> p =
                nodes.mapping(node, "policy", Set.of("failOnCriticalFailure", "minimumScore", "unstableOnWarnings"));
        return new Policy(
                p.containsKey("failOnCriticalFailure")
                        ? nodes.bool(p.get("failOnCriticalFailure").getValueNode(), "policy.failOnCriticalFailure")
                        : defaults.failOnCriticalFailure(),
                p.containsKey("minimumScore")
                        ? nodes.number(p.get("minimumScore").getValueNode(), "policy.minimumScore", 0, 10)
                        : defaults.minimumScore(),
                p.containsKey("unstableOnWarnings")
                        ? nodes.bool(p.get("unstableOnWarnings").getValueNode(), "policy.unstableOnWarnings")
                        : defaults.unstableOnWarnings());
    }

    private SecretScanOptions secretOptions(Map<String, NodeTuple> s, SecretScanOptions defaults) {
        List<SecretRule> rules = new ArrayList<>();
        boolean builtIn = !s.containsKey("builtInRules")
                || nodes.bool(s.get("builtInRules").getValueNode(), "builtInRules");
        if (builtIn) {
            rules.addAll(SecretRules.builtIn());
        }
        if (s.containsKey("rules")) {
            Node rulesNode = s.get("rules").getValueNode();
            if (!(rulesNode instanceof SequenceNode sequence)) {
                throw nodes.error(rulesNode, "secrets.rules must be a list of {id, regex, description}");
            }
            for (Node ruleNode : sequence.getValue()) {
                Map<String, NodeTuple> r =
                        nodes.mapping(ruleNode, "a secret rule", Set.of("id", "regex", "description"));
                if (!r.containsKey("id") || !r.containsKey("regex")) {
                    throw nodes.error(ruleNode, "a secret rule needs 'id' and 'regex'");
                }
                rules.add(new SecretRule(
                        nodes.scalar(r.get("id").getValueNode(), "id"),
                        r.containsKey("description")
                                ? nodes.scalar(r.get("description").getValueNode(), "description")
                                : null,
                        nodes.regex(r.get("regex").getValueNode(), "secret rule regex")));
            }
        }
        if (rules.isEmpty()) {
            throw nodes.error(
                    s.get("builtInRules").getValueNode(),
                    "builtInRules is false and no secrets.rules are given;"
                            + " add rules or set secrets.enabled: false");
        }
        SecretAllowlist allowlist = SecretAllowlist.NONE;
        if (s.containsKey("allowlist")) {
            Map<String, NodeTuple> a =
                    nodes.mapping(s.get("allowlist").getValueNode(), "secrets.allowlist", Set.of("paths", "regexes"));
            List<Pattern> regexes = new ArrayList<>();
            if (a.containsKey("regexes")) {
                Node regexesNode = a.get("regexes").getValueNode();
                if (!(regexesNode instanceof SequenceNode sequence)) {
                    throw nodes.error(regexesNode, "secrets.allowlist.regexes must be a list");
                }
                for (Node regexNode : sequence.getValue()) {
                    regexes.add(nodes.regex(regexNode, "secrets.allowlist.regexes entry"));
                }
            }
            allowlist = new SecretAllowlist(
                    a.containsKey("paths")
                            ? nodes.globs(a.get("paths").getValueNode(), "secrets.allowlist.paths")
                            : List.of(),
                    regexes);
        }
        Set<String> skip = s.containsKey("skipDirectories")
                ? Set.copyOf(nodes.strings(s.get("skipDirectories").getValueNode(), "secrets.skipDirectories"))
                : defaults.skipDirectories();
        long maxBytes = s.containsKey("maxFileBytes")
                ? (long) nodes.number(s.get("maxFileBytes").getValueNode(), "secrets.maxFileBytes", 1, 1 << 30)
                : defaults.maxFileBytes();
        boolean buildOutput = s.containsKey("includeBuildOutput")
                ? nodes.bool(s.get("includeBuildOutput").getValueNode(), "secrets.includeBuildOutput")
                : defaults.includeBuildOutput();
        return new SecretScanOptions(
                rules, allowlist, skip, maxBytes, defaults.honourGitignore(), defaults.threads(), buildOutput);
    }
}
