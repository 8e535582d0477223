package io.jenkins.plugins.devops.core.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.jenkins.plugins.devops.core.deploy.manifest.ManifestSet;
import java.time.Duration;
import java.util.List;

/**
 * What to deploy, where and how. Immutable; {@link Builder#build()} checks everything that can be checked without
 * the cluster, so a bad request fails before any write.
 *
 * <pre>{@code
 * DeploymentRequest request = DeploymentRequest.builder()
 *         .service("shop").environment("prod").namespace("shop")
 *         .manifests(yamlText)
 *         .image("registry/shop:1.4.2")
 *         .strategy(StrategySettings.canary(List.of(10, 50, 100)))
 *         .triggeredBy("alice")
 *         .build();
 * }</pre>
 */
public final class DeploymentRequest {
    /** The default progress deadline, as Kubernetes and Argo Rollouts use. */
    public static final Duration DEFAULT_PROGRESS_DEADLINE = Duration.ofSeconds(600);

    /** Restarts of a new pod's container at which the rollout fails, unless the request says otherwise. */
    public static final int DEFAULT_MAX_RESTARTS = 3;

    private final String service;
    private final String environment;
    private final String namespace;
    private final String manifests;
    private final ManifestSet objects;
    private final String image;
    private final String version;
    private final boolean versionGiven;
    private final StrategySettings strategy;
    private final Duration progressDeadline;
    private final boolean progressDeadlineGiven;
    private final int maxRestarts;
    private final List<Commit> commits;
    private final String triggeredBy;
    private final boolean dryRun;

    private DeploymentRequest(Builder b) {
        service = Names.requireDnsLabel("service", b.service);
        environment = Names.requireDnsLabel("environment", b.environment);
        namespace = Names.requireDnsLabel("namespace", b.namespace);
        strategy = b.strategy == null ? StrategySettings.rolling() : b.strategy;
        progressDeadlineGiven = b.progressDeadline != null;
        if (progressDeadlineGiven && (b.progressDeadline.isNegative() || b.progressDeadline.isZero())) {
            throw new InvalidRequestException("progress deadline must be positive, e.g. 600 s; got "
                    + b.progressDeadline.toSeconds() + " s (leave it out to use the manifest's)");
        }
        maxRestarts = b.maxRestarts == null ? DEFAULT_MAX_RESTARTS : b.maxRestarts;
        if (maxRestarts < 1) {
            throw new InvalidRequestException(
                    "max restarts must be 1 or more, got " + maxRestarts + "; e.g. 3 fails a pod on its third restart");
        }
        if (b.image != null && (b.image.isBlank() || b.image.chars().anyMatch(Character::isWhitespace))) {
            throw new InvalidRequestException("image '" + b.image + "' is not an image reference; use e.g. "
                    + "registry/shop:1.4.2 or registry/shop@sha256:<digest>, or leave it out to use the manifest's");
        }
        image = b.image == null ? null : b.image.trim();
        manifests = b.manifests;
        objects = ManifestSet.parse(b.manifests, namespace, strategy.name());
        checkWorkload(objects.workload());
        progressDeadline = progressDeadlineGiven ? b.progressDeadline : manifestDeadline(objects.workload());
        versionGiven = b.version != null && !b.version.isBlank();
        version = versionGiven ? b.version.trim() : versionOf(effectiveImage());
        commits = b.commits == null ? List.of() : List.copyOf(b.commits);
        triggeredBy = b.triggeredBy == null ? "" : b.triggeredBy;
        dryRun = b.dryRun;
    }

    /** The workload's own {@code progressDeadlineSeconds}, else the Kubernetes default. */
    private static Duration manifestDeadline(Deployment d) {
        Integer seconds = d.getSpec() == null ? null : d.getSpec().getProgressDeadlineSeconds();
        if (seconds == null) {
            return DEFAULT_PROGRESS_DEADLINE;
        }
        if (seconds < 1) {
            throw new InvalidRequestException("Deployment/" + d.getMetadata().getName()
                    + " has progressDeadlineSeconds " + seconds + "; it must be positive, e.g. 600, or left out");
        }
        return Duration.ofSeconds(seconds);
    }

    private void checkWorkload(Deployment d) {
        String where = "Deployment/" + d.getMetadata().getName();
        if (d.getSpec() == null
                || d.getSpec().getTemplate() == null
                || d.getSpec().getTemplate().getSpec() == null
                || d.getSpec().getTemplate().getSpec().getContainers() == null
                || d.getSpec().getTemplate().getSpec().getContainers().isEmpty()) {
            throw new InvalidRequestException(where + " has no containers; add spec.template.spec.containers");
        }
        if (d.getSpec().getSelector() == null
                || d.getSpec().getSelector().getMatchLabels() == null
                || d.getSpec().getSelector().getMatchLabels().isEmpty()) {
            throw new InvalidRequestException(where + " has no spec.selector.matchLabels; the engine needs them to "
                    + "tell its pods apart, add e.g. matchLabels: {app: " + service + "}");
        }
        if (image == null) {
            Container first =
                    d.getSpec().getTemplate().getSpec().getContainers().get(0);
            if (first.getImage() == null || first.getImage().isBlank()) {
                throw new InvalidRequestException(where + ": container '" + first.getName() + "' has no image and "
                        + "the request gives none; set image(\"registry/" + service + ":<tag>\") or the "
                        + "container's image");
            }
        }
        Integer replicas = d.getSpec().getReplicas();
        if (strategy.isCanary() && replicas != null && replicas == 0) {
            throw new InvalidRequestException(where + " has 0 replicas; a canary needs at least 1 replica to take "
                    + "traffic, set spec.replicas to 1 or more (or use the rolling strategy)");
        }
        if (strategy.isBlueGreen() && objects.services().isEmpty()) {
            throw new InvalidRequestException("strategy blue-green switches a Service between slots, but the "
                    + "manifests contain no Service; add the Service that fronts " + where);
        }
    }

    /** The image the workload will run: the override, or the first container's image from the manifest. */
    public String effectiveImage() {
        if (image != null) {
            return image;
        }
        return objects.workload()
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getImage();
    }

    /** {@code registry/shop:1.4.2} → {@code 1.4.2}; {@code registry/shop@sha256:ab…} → {@code sha256:ab…}. */
    static String versionOf(String image) {
        if (image == null || image.isBlank()) {
            return "";
        }
        int at = image.indexOf('@');
        if (at >= 0) {
            return image.substring(at + 1);
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        return colon > slash ? image.substring(colon + 1) : "latest";
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this request's values. */
    public Builder toBuilder() {
        return new Builder()
                .service(service)
                .environment(environment)
                .namespace(namespace)
                .manifests(manifests)
                .image(image)
                .version(versionGiven ? version : null)
                .strategy(strategy)
                .progressDeadline(progressDeadlineGiven ? progressDeadline : null)
                .maxRestarts(maxRestarts)
                .commits(commits)
                .triggeredBy(triggeredBy)
                .dryRun(dryRun);
    }

    public String service() {
        return service;
    }

    public String environment() {
        return environment;
    }

    public String namespace() {
        return namespace;
    }

    /** The manifest text as given. */
    public String manifests() {
        return manifests;
    }

    /** The parsed, checked manifest objects. */
    public ManifestSet objects() {
        return objects;
    }

    /** The image override, or null to use the manifest's. */
    public String image() {
        return image;
    }

    public String version() {
        return version;
    }

    public StrategySettings strategy() {
        return strategy;
    }

    /**
     * How long a rollout may go without progress: the request's, else the manifest workload's
     * {@code progressDeadlineSeconds}, else 600 s. It also bounds the engine's own wait per Deployment.
     */
    public Duration progressDeadline() {
        return progressDeadline;
    }

    /** Whether the request set the progress deadline; then it replaces the manifest's. */
    public boolean progressDeadlineGiven() {
        return progressDeadlineGiven;
    }

    /** Restarts of any container of a new pod at which the phase fails at once (default 3). */
    public int maxRestarts() {
        return maxRestarts;
    }

    public List<Commit> commits() {
        return commits;
    }

    public String triggeredBy() {
        return triggeredBy;
    }

    public boolean dryRun() {
        return dryRun;
    }

    @Override
    public String toString() {
        return "DeploymentRequest[" + service + "/" + environment + " in " + namespace + ", " + strategy.name()
                + ", version " + version + "]";
    }

    /** Collects a request; {@link #build()} validates it. */
    public static final class Builder {
        private String service;
        private String environment;
        private String namespace;
        private String manifests;
        private String image;
        private String version;
        private StrategySettings strategy;
        private Duration progressDeadline;
        private Integer maxRestarts;
        private List<Commit> commits;
        private String triggeredBy;
        private boolean dryRun;

        private Builder() {}

        public Builder service(String value) {
            service = value;
            return this;
        }

        public Builder environment(String value) {
            environment = value;
            return this;
        }

        public Builder namespace(String value) {
            namespace = value;
            return this;
        }

        /** One or more YAML documents separated by {@code ---}. */
        public Builder manifests(String yamlText) {
            manifests = yamlText;
            return this;
        }

        /** Replaces the first container's image (tag or digest); null keeps the manifest's. */
        public Builder image(String value) {
            image = value;
            return this;
        }

        /** The version to record; derived from the image when null. */
        public Builder version(String value) {
            version = value;
            return this;
        }

        public Builder strategy(StrategySettings value) {
            strategy = value;
            return this;
        }

        /** Replaces the manifest's {@code progressDeadlineSeconds}; null (the default) keeps the manifest's. */
        public Builder progressDeadline(Duration value) {
            progressDeadline = value;
            return this;
        }

        /** Restarts of a new pod's container at which the rollout fails at once; null means 3. */
        public Builder maxRestarts(Integer value) {
            maxRestarts = value;
            return this;
        }

        public Builder commits(List<Commit> value) {
            commits = value;
            return this;
        }

        public Builder triggeredBy(String value) {
            triggeredBy = value;
            return this;
        }

        public Builder dryRun(boolean value) {
            dryRun = value;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @throws InvalidRequestException naming the problem and the fix
         */
        public DeploymentRequest build() {
            return new DeploymentRequest(this);
        }
    }
}
