package io.jenkins.plugins.devops.core.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * Where a running deployment is, small enough to store in a build's state: the engine hands one to
 * {@link ProgressListener#checkpoint} after every phase, and {@code DeploymentEngine.resume} continues from it.
 * The objects as they were before the deployment live in the cluster (a Secret named {@link #snapshotName}), not
 * here.
 *
 * @param deploymentId the deployment's id
 * @param service the service
 * @param environment the environment
 * @param namespace the namespace
 * @param strategy the strategy name
 * @param nextPhase index of the first phase not yet finished
 * @param phaseCount how many phases the plan has
 * @param version the version being deployed
 * @param previousVersion the version serving before
 * @param snapshotName name of the Secret holding the objects as they were before the deployment
 * @param startedAt when the deployment started
 * @param updatedAt when this state was taken
 */
public record DeploymentState(
        String deploymentId,
        String service,
        String environment,
        String namespace,
        String strategy,
        int nextPhase,
        int phaseCount,
        String version,
        String previousVersion,
        String snapshotName,
        Instant startedAt,
        Instant updatedAt)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public DeploymentState {
        Objects.requireNonNull(deploymentId, "deploymentId");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(startedAt, "startedAt");
        updatedAt = updatedAt == null ? startedAt : updatedAt;
        previousVersion = previousVersion == null ? "" : previousVersion;
    }

    /** True when every phase has finished. */
    public boolean isComplete() {
        return nextPhase >= phaseCount;
    }

    DeploymentState advancedTo(int phase, Instant now) {
        return new DeploymentState(
                deploymentId,
                service,
                environment,
                namespace,
                strategy,
                phase,
                phaseCount,
                version,
                previousVersion,
                snapshotName,
                startedAt,
                now);
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write deployment state", e);
        }
    }

    /**
     * @throws IllegalArgumentException when the text is not a state written by {@link #toJson()}
     */
    public static DeploymentState fromJson(String json) {
        try {
            return JSON.readValue(json, DeploymentState.class);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException(
                    "not a deployment state (expected the JSON written by DeploymentState.toJson()): " + e.getMessage(),
                    e);
        }
    }
}
