package io.jenkins.plugins.devops.core.checklist.items;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.devops.core.checklist.CustomItem;
import io.jenkins.plugins.devops.core.checklist.Evidence;
import io.jenkins.plugins.devops.core.checklist.evidence.EvidenceContext;
import io.jenkins.plugins.devops.core.checklist.evidence.YamlDocument;
import io.jenkins.plugins.devops.core.checklist.evidence.YamlFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Evaluates a {@link CustomItem}'s rule against the workspace. */
public final class CustomItemCheck {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CustomItemCheck() {}

    /** The item as a checklist item, so the engine treats built-in and custom items alike. */
    public static ChecklistItem toItem(CustomItem item) {
        return new ChecklistItem(
                item.id(),
                item.title(),
                item.category(),
                item.severity(),
                item.remediation(),
                context -> evaluate(item.rule(), context));
    }

    static ItemOutcome evaluate(CustomItem.Rule rule, EvidenceContext context) {
        if (rule instanceof CustomItem.FileExists exists) {
            List<String> files = context.workspace().files(exists.files());
            return files.isEmpty()
                    ? ItemOutcome.fail("no file matches " + exists.files(), List.of())
                    : ItemOutcome.pass(
                            files.size() + " files match " + exists.files(),
                            EvidenceLines.files(files, "matches " + exists.files()));
        }
        if (rule instanceof CustomItem.RegexInFiles regex) {
            List<String> files = context.workspace().files(regex.files());
            List<Evidence> matches = EvidenceLines.of(context.workspace().grep(files, regex.regex()));
            if (regex.expectMatch()) {
                return matches.isEmpty()
                        ? ItemOutcome.fail(
                                "/" + regex.regex() + "/ matches in none of " + files.size() + " files "
                                        + regex.files(),
                                List.of())
                        : ItemOutcome.pass("/" + regex.regex() + "/ matches", matches);
            }
            return matches.isEmpty()
                    ? ItemOutcome.pass(
                            "/" + regex.regex() + "/ matches nowhere in " + files.size() + " files", List.of())
                    : ItemOutcome.fail("/" + regex.regex() + "/ matches " + matches.size() + " times", matches);
        }
        CustomItem.ValueAtPath valueAtPath = (CustomItem.ValueAtPath) rule;
        List<Evidence> found = new ArrayList<>();
        List<Evidence> different = new ArrayList<>();
        for (String file : context.workspace().files(valueAtPath.files())) {
            for (Object value : valuesAt(context, file, valueAtPath.path())) {
                String text = String.valueOf(value);
                if (valueAtPath.equals() == null || valueAtPath.equals().equals(text)) {
                    found.add(Evidence.at(file, 0, valueAtPath.path() + " = " + abbreviate(text)));
                } else {
                    different.add(Evidence.at(
                            file,
                            0,
                            valueAtPath.path() + " = " + abbreviate(text) + ", expected " + valueAtPath.equals()));
                }
            }
        }
        if (!found.isEmpty()) {
            return ItemOutcome.pass(valueAtPath.path() + " has the expected value", found);
        }
        return ItemOutcome.fail(
                different.isEmpty()
                        ? "no file matching " + valueAtPath.files() + " has a value at " + valueAtPath.path()
                        : valueAtPath.path() + " has a different value",
                different);
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }

    private static List<Object> valuesAt(EvidenceContext context, String file, String path) {
        String text = context.workspace().text(file).orElse("");
        List<Object> values = new ArrayList<>();
        if (file.endsWith(".json")) {
            try {
                JsonNode node = JSON.readTree(text);
                for (String key : path.split("\\.")) {
                    node = node == null ? null : node.isArray() ? node.get(parseIndex(key)) : node.get(key);
                }
                if (node != null && !node.isNull()) {
                    values.add(node.isValueNode() ? node.asText() : node.toString());
                }
            } catch (IOException e) {
                // not JSON: no value
            }
            return values;
        }
        try {
            for (YamlDocument document : YamlFiles.parse(file, text)) {
                document.at(path).ifPresent(values::add);
            }
        } catch (YamlFiles.InvalidYamlException e) {
            // not YAML: no value
        }
        return values;
    }

    private static int parseIndex(String key) {
        try {
            return Integer.parseInt(key);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
