package io.jenkins.plugins.devops.cli;

import java.util.Locale;

/**
 * Where the command line finds the secret a gate's {@code credentialsId} names: in the environment, so secrets
 * never appear on the command line or in a file in the repository. {@code prometheus-token} is looked up as
 * {@code prometheus-token}, then as {@code PROMETHEUS_TOKEN}.
 */
final class EnvironmentSecrets {
    private EnvironmentSecrets() {}

    static String resolve(String credentialsId) {
        String exact = System.getenv(credentialsId);
        if (exact != null) {
            return exact;
        }
        return System.getenv(credentialsId.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_"));
    }
}
