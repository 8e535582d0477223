package io.jenkins.plugins.devops.core.text;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * One line for a SnakeYAML error: where (1-based line and column) and what, without SnakeYAML's multi-line excerpt
 * of the document.
 *
 * <pre>{@code
 * YamlProblem.of(e).describe(); // "line 3, column 10: expected ',' or ']', but got <stream end>"
 * }</pre>
 *
 * @param line 1-based, 0 when SnakeYAML did not say
 * @param column 1-based, 0 when SnakeYAML did not say
 * @param problem what is wrong, one line
 */
public record YamlProblem(int line, int column, String problem) {
    private static final String YAML_TAG_PREFIX = "tag:yaml.org,2002:";

    public static YamlProblem of(YAMLException e) {
        if (e instanceof MarkedYAMLException marked) {
            Mark mark = marked.getProblemMark() != null ? marked.getProblemMark() : marked.getContextMark();
            String problem = marked.getProblem() != null ? marked.getProblem() : marked.getContext();
            return new YamlProblem(
                    mark == null ? 0 : mark.getLine() + 1, mark == null ? 0 : mark.getColumn() + 1, plain(problem));
        }
        return new YamlProblem(0, 0, plain(e.getMessage()));
    }

    /** {@code "line 3, column 10: <problem>"}, or only the problem when SnakeYAML gave no position. */
    public String describe() {
        return line > 0 ? "line " + line + ", column " + column + ": " + problem : problem;
    }

    private static String plain(String message) {
        String text = message == null ? "unreadable YAML" : message.strip();
        text = text.lines().findFirst().orElse(text);
        // Safe loading refuses tags that would construct Java objects; say so in the user's terms.
        if (text.startsWith("Global tag is not allowed: ")) {
            String tag = text.substring("Global tag is not allowed: ".length());
            tag = tag.startsWith(YAML_TAG_PREFIX) ? "!!" + tag.substring(YAML_TAG_PREFIX.length()) : tag;
            return "the tag " + tag + " is not allowed (only plain maps, lists and values are)";
        }
        return text;
    }
}
