package io.jenkins.plugins.devops.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.FilePath;
import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.StringJoiner;

/** Reads the {@code manifests:} argument: YAML text as is, or a workspace glob whose files are joined in name order. */
public final class ManifestReader {
    private ManifestReader() {}

    /** True when the argument is YAML rather than a file pattern. */
    public static boolean isInline(String manifests) {
        String text = manifests.strip();
        return text.contains("\n") || text.startsWith("apiVersion:") || text.startsWith("---");
    }

    /**
     * @param workspace the build's workspace, null when the step runs outside {@code node}
     * @return the YAML documents, separated by {@code ---}
     */
    public static String read(String manifests, @CheckForNull FilePath workspace)
            throws IOException, InterruptedException {
        if (manifests.isBlank()) {
            throw new AbortException(
                    "manifests is required: a workspace pattern such as 'k8s/*.yaml' or the YAML itself");
        }
        if (isInline(manifests)) {
            return manifests;
        }
        if (workspace == null) {
            throw new AbortException("manifests: '" + manifests
                    + "' is a file pattern, which needs a workspace: call devopsDeploy inside node { } (after checkout)"
                    + " or pass the YAML text, e.g. manifests: readFile('k8s/deploy.yaml')");
        }
        FilePath[] files = workspace.list(manifests);
        if (files.length == 0) {
            throw new AbortException("manifests: '" + manifests + "' matched no files in the workspace "
                    + workspace.getRemote() + "; check the path and that the repository is checked out");
        }
        Arrays.sort(files, Comparator.comparing(FilePath::getRemote));
        StringJoiner yaml = new StringJoiner("\n---\n");
        for (FilePath file : files) {
            yaml.add(file.readToString());
        }
        return yaml.toString();
    }
}
