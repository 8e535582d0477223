package io.jenkins.plugins.devops.core.checklist.evidence;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds Kubernetes objects in the workspace's YAML files (a document with {@code apiVersion} and {@code kind};
 * {@code kind: List} expanded). Files that are not valid YAML, like Helm templates, are skipped: they are evidence
 * of Helm, not manifests.
 */
public final class KubernetesManifests {
    private KubernetesManifests() {}

    public static List<KubernetesObject> find(Workspace workspace) {
        List<KubernetesObject> objects = new ArrayList<>();
        for (String file : workspace.filesNamed(".*\\.ya?ml")) {
            String text = workspace.text(file).orElse("");
            if (!text.contains("kind:") || !text.contains("apiVersion:")) {
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
