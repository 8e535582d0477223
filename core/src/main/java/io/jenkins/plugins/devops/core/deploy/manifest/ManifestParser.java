package io.jenkins.plugins.devops.core.deploy.manifest;

import io.jenkins.plugins.devops.core.deploy.InvalidRequestException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.ConstructorException;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads multi-document YAML into plain maps, safely: SnakeYAML's {@link SafeConstructor} only builds maps, lists
 * and scalars, so a tag such as {@code !!javax.script.ScriptEngineManager} is rejected instead of instantiated.
 */
public final class ManifestParser {
    /** Manifests are text a person wrote; 3 MiB is far above any real one and bounds memory for hostile input. */
    private static final int MAX_CODE_POINTS = 3 * 1024 * 1024;

    private ManifestParser() {}

    /**
     * Parses every non-empty document.
     *
     * @return one map per document, in order
     * @throws InvalidRequestException naming the document (1-based) and the line (counted in the whole text, as an
     *     editor shows it) of a syntax error or unsafe tag
     */
    public static List<ParsedDocument> parse(String yamlText) {
        if (yamlText == null || yamlText.isBlank()) {
            throw new InvalidRequestException(
                    "manifests are empty; pass the YAML of at least one Deployment (documents separated by ---)");
        }
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(50);
        options.setAllowRecursiveKeys(false);
        options.setCodePointLimit(MAX_CODE_POINTS);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        List<ParsedDocument> documents = new ArrayList<>();
        int index = 0;
        try {
            Iterator<Object> it = yaml.loadAll(yamlText).iterator();
            while (true) {
                index++;
                if (!it.hasNext()) {
                    break;
                }
                Object doc = it.next();
                if (doc == null) {
                    continue;
                }
                if (!(doc instanceof Map<?, ?> map)) {
                    throw new InvalidRequestException("manifest document " + index + " is a "
                            + doc.getClass().getSimpleName().toLowerCase() + ", not a Kubernetes object; each "
                            + "document needs apiVersion, kind and metadata");
                }
                documents.add(new ParsedDocument(index, castKeys(map)));
            }
        } catch (ConstructorException e) {
            throw new InvalidRequestException(
                    "manifest document " + index + location(e.getProblemMark()) + ": unsafe or unknown YAML tag ("
                            + firstLine(e.getProblem()) + "); manifests may only contain plain maps, lists and "
                            + "scalars, remove the '!!' tag",
                    e);
        } catch (MarkedYAMLException e) {
            if (e.getProblem() != null && e.getProblem().contains("tag")) {
                // SnakeYAML 2 refuses global tags such as !!javax.script.ScriptEngineManager while composing.
                throw new InvalidRequestException(
                        "manifest document " + index + location(e.getProblemMark()) + ": unsafe or unknown YAML tag ("
                                + firstLine(e.getProblem()) + "); manifests may only contain plain maps, lists and "
                                + "scalars, remove the '!!' tag",
                        e);
            }
            throw new InvalidRequestException(
                    "manifest document " + index + location(e.getProblemMark()) + ": malformed YAML: "
                            + firstLine(e.getProblem()) + "; fix the indentation or quoting there",
                    e);
        } catch (YAMLException e) {
            throw new InvalidRequestException(
                    "manifest document " + index + ": malformed YAML: " + firstLine(e.getMessage()), e);
        }
        if (documents.isEmpty()) {
            throw new InvalidRequestException("manifests contain no objects; pass at least one Deployment");
        }
        return documents;
    }

    private static String location(Mark mark) {
        return mark == null ? "" : " line " + (mark.getLine() + 1) + " column " + (mark.getColumn() + 1);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castKeys(Map<?, ?> map) {
        for (Object key : map.keySet()) {
            if (!(key instanceof String)) {
                throw new InvalidRequestException("manifest key '" + key + "' is not a string; quote it");
            }
        }
        return (Map<String, Object>) map;
    }

    /** One YAML document with its 1-based position in the text. */
    public record ParsedDocument(int index, Map<String, Object> content) {}
}
