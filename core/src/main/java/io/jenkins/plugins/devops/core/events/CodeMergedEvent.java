package io.jenkins.plugins.devops.core.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * The inbound {@code code.merged} event of the seed, e.g.
 * {@code {"event":"code.merged","branch":"main","commit":"9fceb02","requires_deployment":true}}: what the Jenkins
 * side needs to decide whether to start a deployment.
 *
 * @param branch the branch the change was merged into
 * @param commit the merge commit SHA (7 to 64 hex digits)
 * @param requiresDeployment whether the change should be deployed
 */
public record CodeMergedEvent(String branch, String commit, boolean requiresDeployment) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SHA = Pattern.compile("[0-9a-fA-F]{7,64}");

    public CodeMergedEvent {
        if (branch == null || branch.isBlank()) {
            throw new IllegalArgumentException("code.merged: 'branch' is missing or empty");
        }
        if (commit == null || !SHA.matcher(commit).matches()) {
            throw new IllegalArgumentException(
                    "code.merged: 'commit' must be a commit SHA of 7 to 64 hex digits, got '" + commit + "'");
        }
    }

    /** Parses and checks the JSON; the message of the exception says which field is wrong. */
    public static CodeMergedEvent parse(String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json == null ? "" : json);
        } catch (IOException e) {
            throw new IllegalArgumentException("code.merged: the body is not valid JSON: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("code.merged: the body must be a JSON object");
        }
        String event = node.path("event").asText("");
        if (!event.equals("code.merged")) {
            throw new IllegalArgumentException(
                    "code.merged: 'event' must be \"code.merged\", got " + node.path("event"));
        }
        JsonNode requires = node.path("requires_deployment");
        if (!requires.isBoolean()) {
            throw new IllegalArgumentException("code.merged: 'requires_deployment' must be true or false, got "
                    + (requires.isMissingNode() ? "nothing" : requires.toString()));
        }
        return new CodeMergedEvent(
                node.path("branch").isTextual() ? node.path("branch").asText() : null,
                node.path("commit").isTextual() ? node.path("commit").asText() : null,
                requires.booleanValue());
    }
}
