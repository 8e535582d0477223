package io.jenkins.plugins.devops.steps;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SecretBytes;
import com.cloudbees.plugins.credentials.domains.Domain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.impl.FileCredentialsImpl;

/** Stores a kubeconfig secret file pointing at a test API server, with a recognisable token. */
final class ClusterCredentials {
    static final String ID = "test-kubeconfig";
    static final String TOKEN = "tok-3f9a1c7e5b2d4a6f8e0c";

    private ClusterCredentials() {}

    static void addKubeconfig(Jenkins jenkins, String serverUrl, String namespace) throws IOException {
        String kubeconfig =
                """
                apiVersion: v1
                kind: Config
                clusters:
                  - name: test
                    cluster:
                      server: %s
                users:
                  - name: deployer
                    user:
                      token: %s
                contexts:
                  - name: test
                    context:
                      cluster: test
                      user: deployer
                      namespace: %s
                current-context: test
                """
                        .formatted(serverUrl, TOKEN, namespace);
        CredentialsProvider.lookupStores(jenkins)
                .iterator()
                .next()
                .addCredentials(
                        Domain.global(),
                        new FileCredentialsImpl(
                                CredentialsScope.GLOBAL,
                                ID,
                                "test cluster",
                                "kubeconfig.yaml",
                                SecretBytes.fromRawBytes(kubeconfig.getBytes(StandardCharsets.UTF_8))));
    }
}
