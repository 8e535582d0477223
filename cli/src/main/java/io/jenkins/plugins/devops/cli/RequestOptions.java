package io.jenkins.plugins.devops.cli;

import io.jenkins.plugins.devops.core.deploy.Commit;
import io.jenkins.plugins.devops.core.deploy.DeploymentRequest;
import io.jenkins.plugins.devops.core.deploy.StrategySettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options that describe a deployment, shared by {@code devops plan} and {@code devops deploy}. */
final class RequestOptions {
    @Option(
            names = {"-f", "--manifests"},
            required = true,
            paramLabel = "FILE",
            description = "Kubernetes manifests (YAML, one or more documents). Repeat for several files.")
    List<Path> manifests = new ArrayList<>();

    @Option(names = "--service", required = true, paramLabel = "NAME", description = "The service, e.g. checkout.")
    String service;

    @Option(
            names = "--environment",
            required = true,
            paramLabel = "NAME",
            description = "The environment, e.g. staging.")
    String environment;

    @Option(
            names = "--namespace",
            paramLabel = "NAME",
            description = "Kubernetes namespace. Default: the one in the manifests, else 'default'.")
    String namespace;

    @Option(
            names = "--strategy",
            defaultValue = "rolling",
            paramLabel = "NAME",
            description = "rolling (default), recreate, blue-green or canary.")
    String strategy;

    @Option(
            names = "--steps",
            split = ",",
            paramLabel = "WEIGHTS",
            description = "Canary traffic weights in percent, increasing, e.g. 10,50,100 (the default).")
    List<Integer> steps;

    @Option(
            names = "--pause",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Canary: wait this long after each step's gates passed, e.g. 2m.")
    Duration pause;

    @Option(
            names = "--http-route",
            paramLabel = "NAME",
            description = "Canary: carry the weights in this Gateway API HTTPRoute instead of replica ratios.")
    String httpRoute;

    @Option(names = "--max-surge", paramLabel = "N|N%", description = "Rolling: maxSurge (default 25%).")
    String maxSurge;

    @Option(
            names = "--max-unavailable",
            paramLabel = "N|N%",
            description = "Rolling: maxUnavailable (default 0: no pod goes before its replacement is ready).")
    String maxUnavailable;

    @Option(
            names = "--scale-down-delay",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Blue-green: keep the old slot this long after the switch (default 30s; 0 keeps it).")
    Duration scaleDownDelay;

    @Option(
            names = "--image",
            paramLabel = "IMAGE",
            description = "Image to deploy, e.g. ghcr.io/acme/checkout:1.4.2. Default: the manifest's.")
    String image;

    @Option(names = "--app-version", paramLabel = "VERSION", description = "Version to record. Default: the image tag.")
    String version;

    @Option(
            names = "--progress-deadline",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Fail when a rollout makes no progress for this long. Default: the manifest's"
                    + " progressDeadlineSeconds, else 600s.")
    Duration progressDeadline;

    @Option(
            names = "--commit",
            paramLabel = "SHA@TIME",
            converter = CommitConverter.class,
            description = "A commit this deployment ships, for DORA lead time, e.g. 3f2a9c1@2026-11-20T10:00:00Z."
                    + " Repeatable.")
    List<Commit> commits = new ArrayList<>();

    @Option(
            names = "--triggered-by",
            paramLabel = "WHO",
            description = "Who started it. Default: the user running the command.")
    String triggeredBy;

    /** The manifest files' text, joined as one multi-document YAML stream. */
    String manifestText() {
        StringBuilder text = new StringBuilder();
        for (Path file : manifests) {
            if (!text.isEmpty()) {
                text.append("\n---\n");
            }
            text.append(InputFile.read(file, "manifest file", "-f"));
        }
        return text.toString();
    }

    /** Checks the flags against the strategy, then builds the request (which checks the rest). */
    DeploymentRequest toRequest(boolean dryRun) {
        String yaml = manifestText();
        StrategySettings settings = StrategySettings.fromOptions(strategy, strategyOptions());
        return DeploymentRequest.builder()
                .service(service)
                .environment(environment)
                .namespace(namespace != null ? namespace : ManifestNamespace.of(yaml))
                .manifests(yaml)
                .image(image)
                .version(version)
                .strategy(settings)
                .progressDeadline(progressDeadline)
                .commits(commits)
                .triggeredBy(triggeredBy != null ? triggeredBy : System.getProperty("user.name", ""))
                .dryRun(dryRun)
                .build();
    }

    private Map<String, Object> strategyOptions() {
        // Resolve the name first, so an unknown strategy is reported as such and not as a misplaced flag.
        String chosen = StrategySettings.fromOptions(strategy, Map.of()).name();
        Map<String, Object> options = new LinkedHashMap<>();
        put(chosen, options, "steps", steps, "--steps", "canary");
        put(chosen, options, "pauseSeconds", pause == null ? null : pause.toSeconds(), "--pause", "canary");
        put(chosen, options, "httpRoute", httpRoute, "--http-route", "canary");
        put(chosen, options, "maxSurge", maxSurge, "--max-surge", "rolling");
        put(chosen, options, "maxUnavailable", maxUnavailable, "--max-unavailable", "rolling");
        put(
                chosen,
                options,
                "scaleDownDelaySeconds",
                scaleDownDelay == null ? null : scaleDownDelay.toSeconds(),
                "--scale-down-delay",
                "blue-green");
        return options;
    }

    private static void put(
            String chosen, Map<String, Object> options, String key, Object value, String flag, String forStrategy) {
        if (value == null) {
            return;
        }
        if (!chosen.equals(forStrategy)) {
            throw new UsageException(flag + " applies to the " + forStrategy + " strategy only; drop it or pass"
                    + " --strategy " + forStrategy);
        }
        options.put(key, value);
    }
}
