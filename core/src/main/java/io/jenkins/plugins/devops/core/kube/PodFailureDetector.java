package io.jenkins.plugins.devops.core.kube;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Tells from the pods of a Deployment's new ReplicaSet that its rollout cannot succeed, so the engine fails the phase
 * at once instead of waiting out the progress deadline (600 s by default): a container restarted {@code maxRestarts}
 * times or more, or it waits for a reason that does not clear by itself.
 *
 * <pre>{@code
 * new PodFailureDetector(3).failureOf(pods)
 * // Optional[pod shop-canary-7c9d-x2 container shop is crash-looping: CrashLoopBackOff, 2 restarts (limit 3): ...]
 * }</pre>
 */
public final class PodFailureDetector {
    /**
     * Waiting reasons of a container that mean the pod will not become ready without a new image or configuration.
     * {@code ErrImagePull} is the first failed pull (a registry hiccup retries as {@code ImagePullBackOff}, so the
     * distinction buys nothing but minutes of waiting).
     */
    public static final Set<String> FATAL_WAITING_REASONS = Set.of(
            "CrashLoopBackOff",
            "ImagePullBackOff",
            "ErrImagePull",
            "InvalidImageName",
            "CreateContainerConfigError",
            "CreateContainerError");

    /** Looks at nothing: used while rolling back, where only the deadline may stop the wait. */
    public static final PodFailureDetector NONE = new PodFailureDetector(Integer.MAX_VALUE, false);

    private final int maxRestarts;
    private final boolean enabled;

    /**
     * @param maxRestarts restarts of any container of a new pod at which the rollout fails (1 or more)
     */
    public PodFailureDetector(int maxRestarts) {
        this(maxRestarts, true);
        if (maxRestarts < 1) {
            throw new IllegalArgumentException("maxRestarts must be at least 1, got " + maxRestarts);
        }
    }

    private PodFailureDetector(int maxRestarts, boolean enabled) {
        this.maxRestarts = maxRestarts;
        this.enabled = enabled;
    }

    public int maxRestarts() {
        return maxRestarts;
    }

    /** The first failure among the pods, as one line naming the pod, the container and the reason. */
    public Optional<String> failureOf(Collection<Pod> pods) {
        if (!enabled) {
            return Optional.empty();
        }
        for (Pod pod : pods) {
            if (pod.getStatus() == null) {
                continue;
            }
            List<ContainerStatus> statuses = new ArrayList<>();
            if (pod.getStatus().getInitContainerStatuses() != null) {
                statuses.addAll(pod.getStatus().getInitContainerStatuses());
            }
            if (pod.getStatus().getContainerStatuses() != null) {
                statuses.addAll(pod.getStatus().getContainerStatuses());
            }
            for (ContainerStatus c : statuses) {
                Optional<String> failure = failureOf(pod.getMetadata().getName(), c);
                if (failure.isPresent()) {
                    return failure;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<String> failureOf(String pod, ContainerStatus c) {
        int restarts = c.getRestartCount() == null ? 0 : c.getRestartCount();
        String reason = c.getState() != null && c.getState().getWaiting() != null
                ? c.getState().getWaiting().getReason()
                : null;
        String message = reason == null ? null : c.getState().getWaiting().getMessage();
        String detail = message == null || message.isBlank() ? "" : ": " + firstLine(message);
        String who = "pod " + pod + " container " + c.getName();
        if ("CrashLoopBackOff".equals(reason)) {
            return Optional.of(who + " is crash-looping: CrashLoopBackOff, " + restarts + " restarts (limit "
                    + maxRestarts + ")" + detail);
        }
        if (reason != null && FATAL_WAITING_REASONS.contains(reason)) {
            return Optional.of(who + " cannot start: " + reason + detail);
        }
        if (restarts >= maxRestarts) {
            return Optional.of(who + " is crash-looping: " + restarts + " restarts (limit " + maxRestarts + ")");
        }
        return Optional.empty();
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
