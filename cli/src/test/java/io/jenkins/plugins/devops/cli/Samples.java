package io.jenkins.plugins.devops.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's sample files and small fixtures the CLI tests share. */
final class Samples {
    /** The repository root, seen from the cli module where Maven runs the tests. */
    static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    static final Path CHECKOUT = REPOSITORY.resolve("docs/examples/k8s/checkout.yaml");

    static final String TOKEN = "test-token-never-printed-7f3a";

    private Samples() {}

    /** {@code devops plan} of a 10/50/100 canary of the sample service, reading {@code manifest}. */
    static String[] canaryPlan(String manifest) {
        return new String[] {
            "plan",
            "-f",
            manifest,
            "--service",
            "checkout",
            "--environment",
            "staging",
            "--strategy",
            "canary",
            "--steps",
            "10,50,100",
            "--image",
            "ghcr.io/example/checkout:1.4.2"
        };
    }

    /** A kubeconfig for the API server at {@code url}, with a bearer token. */
    static Path kubeconfig(Path directory, String url) throws IOException {
        return Files.writeString(
                directory.resolve("kubeconfig"),
                """
                apiVersion: v1
                kind: Config
                clusters:
                  - name: mock
                    cluster:
                      server: %s
                contexts:
                  - name: mock
                    context:
                      cluster: mock
                      user: tester
                      namespace: shop
                current-context: mock
                users:
                  - name: tester
                    user:
                      token: %s
                """
                        .formatted(url, TOKEN));
    }
}
