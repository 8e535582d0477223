package io.jenkins.plugins.devops.core.checklist.secrets;

import io.jenkins.plugins.devops.core.checklist.files.FolderFilter;
import java.util.List;
import java.util.Set;

/**
 * How to scan.
 *
 * @param rules the rules to apply (built-in, from a file, or both)
 * @param allowlist paths and matches not to report
 * @param skipDirectories directory names never entered ({@code .git} is always skipped)
 * @param maxFileBytes larger files are skipped and counted
 * @param honourGitignore whether {@code .gitignore} files exclude paths
 * @param threads scanning threads; 0 means one per available processor
 * @param includeBuildOutput whether build-output folders ({@link FolderFilter#BUILD_OUTPUT}: {@code target},
 *     {@code build}, {@code dist}) are scanned; by default they are not, since they repeat the sources
 */
public record SecretScanOptions(
        List<SecretRule> rules,
        SecretAllowlist allowlist,
        Set<String> skipDirectories,
        long maxFileBytes,
        boolean honourGitignore,
        int threads,
        boolean includeBuildOutput) {

    /** Folders of vendored or generated third-party code, skipped by default. */
    public static final Set<String> DEFAULT_SKIPPED_DIRECTORIES =
            Set.of(".git", ".hg", ".svn", "node_modules", "vendor", "bower_components", ".terraform", ".venv");

    public static final long DEFAULT_MAX_FILE_BYTES = 10L * 1024 * 1024;

    /** Options that skip build output. */
    public SecretScanOptions(
            List<SecretRule> rules,
            SecretAllowlist allowlist,
            Set<String> skipDirectories,
            long maxFileBytes,
            boolean honourGitignore,
            int threads) {
        this(rules, allowlist, skipDirectories, maxFileBytes, honourGitignore, threads, false);
    }

    public SecretScanOptions {
        rules = SecretRules.isBuiltIn(rules) ? rules : List.copyOf(rules); // the built-ins compile on first use
        skipDirectories = Set.copyOf(skipDirectories);
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("a secret scan needs at least one rule");
        }
        if (maxFileBytes <= 0 || maxFileBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("maxFileBytes must be between 1 and 2 GB, was " + maxFileBytes);
        }
    }

    /** The built-in rules with the default skips, {@code .gitignore} honoured, all processors. */
    public static SecretScanOptions defaults() {
        return new SecretScanOptions(
                SecretRules.builtIn(),
                SecretAllowlist.NONE,
                DEFAULT_SKIPPED_DIRECTORIES,
                DEFAULT_MAX_FILE_BYTES,
                true,
                0);
    }

    public SecretScanOptions withRules(List<SecretRule> newRules) {
        return new SecretScanOptions(
                newRules, allowlist, skipDirectories, maxFileBytes, honourGitignore, threads, includeBuildOutput);
    }

    public SecretScanOptions withAllowlist(SecretAllowlist newAllowlist) {
        return new SecretScanOptions(
                rules, newAllowlist, skipDirectories, maxFileBytes, honourGitignore, threads, includeBuildOutput);
    }

    public SecretScanOptions withBuildOutput(boolean include) {
        return new SecretScanOptions(
                rules, allowlist, skipDirectories, maxFileBytes, honourGitignore, threads, include);
    }

    /** The folders the scan and the workspace index enter. */
    public FolderFilter folders() {
        return new FolderFilter(skipDirectories, FolderFilter.BUILD_OUTPUT, includeBuildOutput);
    }
}
