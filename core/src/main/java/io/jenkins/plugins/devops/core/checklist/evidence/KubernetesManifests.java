package io.jenkins.plugins.devops.core.checklist.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds Kubernetes objects in the workspace's YAML and JSON files (a document with {@code apiVersion} and
 * {@code kind}; {@code kind: List} expanded). Files that are not valid YAML, like Helm templates, are skipped: they
 * are evidence of Helm, not manifests. JSON files that are not Kubernetes objects (dashboards, package.json) are
 * skipped the same way.
 */
public final class KubernetesManifests {
    private static final ObjectMapper JSON = new ObjectMapper();

    private KubernetesManifests() {}

    public static List<KubernetesObject> find(Workspace workspace) {
        List<KubernetesObject> objects = new ArrayList<>();
        for (String file : workspace.filesNamed(".*\\.(ya?ml|json)")) {
            String text = workspace.text(file).orElse("");
            if (!text.contains("kind") || !text.contains("apiVersion")) {
                continue;
            }
            if (file.endsWith(".json")) {
                parseJson(file, text).ifPresent(root -> add(new YamlDocument(file, 1, root), objects));
                continue;
            }
            try {
                for (YamlDocument document : YamlFiles.parse(file, text)) {
                    add(document, objects);
                }
            } catch (YamlFiles.InvalidYamlException e) {
                // templated or broken: not a manifest we can judge
            }
        }
        return List.copyOf(objects);
    }

    private static Optional<Object> parseJson(String file, String text) {
        try {
            return Optional.ofNullable(plain(JSON.readTree(text)));
        } catch (JsonProcessingException e) {
            return Optional.empty(); // not JSON we can read: not a manifest
        }
    }

    /** JSON as the same plain maps, lists and scalar texts as YAML documents ({@code 3}, {@code true} as text). */
    static Object plain(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.fields().forEachRemaining(field -> map.put(field.getKey(), plain(field.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(item -> list.add(plain(item)));
            return list;
        }
        return node.asText();
    }

    private static void add(YamlDocument document, List<KubernetesObject> objects) {
        String apiVersion = document.string("apiVersion");
        String kind = document.string("kind");
        if (apiVersion == null || kind == null) {
            return;
        }
        if (kind.equals("List")) {
            for (Object item : YamlDocument.list(document.at("items").orElse(null))) {
                add(new YamlDocument(document.file(), document.line(), item), objects);
            }
            return;
        }
        String name = document.string("metadata.name");
        String namespace = document.string("metadata.namespace");
        objects.add(new KubernetesObject(
                document, apiVersion, kind, name == null ? "" : name, namespace == null ? "" : namespace));
    }
}
