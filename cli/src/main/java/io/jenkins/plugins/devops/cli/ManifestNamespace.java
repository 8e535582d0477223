package io.jenkins.plugins.devops.cli;

import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The namespace a manifest file names, so {@code --namespace} can be left out as with {@code kubectl apply -f}.
 * Parsed safely (no custom tags); a file that does not parse yields the default and the engine reports the error
 * with its document and line.
 */
final class ManifestNamespace {
    static final String DEFAULT = "default";

    private ManifestNamespace() {}

    static String of(String yamlText) {
        try {
            for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yamlText)) {
                if (document instanceof Map<?, ?> map
                        && map.get("metadata") instanceof Map<?, ?> metadata
                        && metadata.get("namespace") instanceof String namespace
                        && !namespace.isBlank()) {
                    return namespace;
                }
            }
        } catch (YAMLException e) {
            return DEFAULT;
        }
        return DEFAULT;
    }
}
