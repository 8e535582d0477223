package io.jenkins.plugins.devops.core.analysis;

/**
 * Turns a credentials id into its secret value: the Jenkins plugin looks it up in the credentials store, the CLI
 * in an environment variable or file. The value is only ever put into HTTP headers or signatures, never into
 * results or logs.
 *
 * <pre>{@code
 * SecretResolver fromEnvironment = id -> System.getenv(id.toUpperCase().replace('-', '_'));
 * }</pre>
 */
@FunctionalInterface
public interface SecretResolver {
    /** A resolver for configurations without credentials: every lookup finds nothing. */
    SecretResolver NONE = id -> null;

    /** The secret for {@code credentialsId}, or {@code null} when there is none. */
    String resolve(String credentialsId);
}
