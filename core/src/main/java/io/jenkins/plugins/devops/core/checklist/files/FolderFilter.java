package io.jenkins.plugins.devops.core.checklist.files;

import java.util.Set;

/**
 * Which folders a workspace walk enters. Vendored and VCS folders are never entered; build-output folders
 * ({@code target/}, {@code build/}, {@code dist/}) hold copies and products of the sources (test resources copied to
 * {@code target/test-classes}, bundles in {@code dist/}), so they are skipped unless asked for: otherwise every
 * fixture would be counted, and every planted secret reported, twice.
 *
 * @param skipped folder names never entered ({@code .git} always)
 * @param buildOutput folder names of build products
 * @param includeBuildOutput whether build-output folders are entered
 */
public record FolderFilter(Set<String> skipped, Set<String> buildOutput, boolean includeBuildOutput) {
    /** Build tools' output folders: Maven ({@code target}), Gradle ({@code build}), JavaScript bundlers. */
    public static final Set<String> BUILD_OUTPUT = Set.of("target", "build", "dist");

    public FolderFilter {
        skipped = Set.copyOf(skipped);
        buildOutput = Set.copyOf(buildOutput);
    }

    /** Whether a folder of this name is not entered at all. */
    public boolean skips(String name) {
        return name.equals(".git") || skipped.contains(name) || (!includeBuildOutput && buildOutput.contains(name));
    }

    /** Whether a folder of this name holds build output (entered only when included). */
    public boolean isBuildOutput(String name) {
        return buildOutput.contains(name);
    }
}
