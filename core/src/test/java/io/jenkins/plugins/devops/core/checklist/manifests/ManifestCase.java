package io.jenkins.plugins.devops.core.checklist.manifests;

import java.util.regex.Pattern;

/**
 * One comparison with a public manifest checker: our own manifest, the checker's check, the result that checker
 * gives for such a manifest (as its check definition and documentation say), and where our finding would show.
 *
 * @param tool {@code kube-score} or {@code polaris}
 * @param check the tool's check id
 * @param name what the case shows
 * @param files file name to YAML or JSON text
 * @param item our item that carries the finding
 * @param finding regex on our evidence details that is our equivalent of the tool's finding
 * @param toolFlags whether the tool reports a problem
 */
record ManifestCase(
        String tool,
        String check,
        String name,
        java.util.Map<String, String> files,
        String item,
        Pattern finding,
        boolean toolFlags) {

    @Override
    public String toString() {
        return tool + " " + check + ": " + name;
    }
}
