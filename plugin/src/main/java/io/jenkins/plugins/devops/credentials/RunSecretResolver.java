package io.jenkins.plugins.devops.credentials;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.model.Run;
import io.jenkins.plugins.devops.core.analysis.SecretResolver;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * Resolves the credentials ids of health gates (Prometheus bearer or basic auth, webhook HMAC secrets) as the
 * build: secret text gives its value, username/password gives {@code username:password} (what basic auth
 * encodes). The values go only into HTTP headers and signatures inside core, never into logs or results.
 */
public final class RunSecretResolver implements SecretResolver {
    private final Run<?, ?> run;

    public RunSecretResolver(Run<?, ?> run) {
        this.run = run;
    }

    @Override
    public String resolve(String credentialsId) {
        StandardCredentials credentials =
                CredentialsProvider.findCredentialById(credentialsId, StandardCredentials.class, run);
        if (credentials instanceof StringCredentials text) {
            return text.getSecret().getPlainText();
        }
        if (credentials instanceof StandardUsernamePasswordCredentials user) {
            return user.getUsername() + ":" + user.getPassword().getPlainText();
        }
        return null; // core reports "credentials '<id>' were not found or are empty" with the gate's name
    }
}
