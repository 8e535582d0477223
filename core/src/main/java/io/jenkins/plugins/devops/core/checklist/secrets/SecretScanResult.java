package io.jenkins.plugins.devops.core.checklist.secrets;

import java.util.List;

/**
 * What a secret scan found and covered.
 *
 * @param findings masked findings sorted by path and line
 * @param rules number of rules applied
 * @param filesScanned text files read and scanned
 * @param bytesScanned bytes of those files
 * @param binaryFilesSkipped files skipped as binary (by extension or a NUL byte)
 * @param ignoredPaths files and directories skipped by {@code .gitignore}, the allowlist or the skipped folders
 * @param largeFilesSkipped files over the size limit
 */
public record SecretScanResult(
        List<SecretFinding> findings,
        int rules,
        long filesScanned,
        long bytesScanned,
        long binaryFilesSkipped,
        long ignoredPaths,
        long largeFilesSkipped) {
    public SecretScanResult {
        findings = List.copyOf(findings);
    }
}
