package io.jenkins.plugins.devops.core.checklist.evidence;

import io.jenkins.plugins.devops.core.checklist.Evidence;
import java.time.Duration;
import java.util.List;

/**
 * How a service is rolled out, as far as the checklist can learn it: from the caller's facts (the Jenkins step
 * passes the strategy and weights of the run's deployments) or from a {@code devopsDeploy} call in a Jenkinsfile,
 * with the analysis time from its {@code analysis} maps or a gates file.
 *
 * @param strategy {@code rolling}, {@code recreate}, {@code blue-green} or {@code canary}
 * @param service the deployed service (names its Deployment and Service), empty when not known
 * @param steps canary weights in percent (the engine's default {@code [10, 50, 100]} when not written)
 * @param httpRoute the HTTPRoute carrying canary weights, empty for replica-ratio canaries
 * @param analysis the longest metric analysis ({@code initialDelay + interval × count}), zero when none
 * @param source where the plan was read
 */
public record DeliveryPlan(
        String strategy, String service, List<Integer> steps, String httpRoute, Duration analysis, Evidence source) {
    public static final List<Integer> DEFAULT_STEPS = List.of(10, 50, 100);

    public DeliveryPlan {
        steps = steps == null || steps.isEmpty() ? DEFAULT_STEPS : List.copyOf(steps);
        service = service == null ? "" : service;
        httpRoute = httpRoute == null ? "" : httpRoute;
        analysis = analysis == null ? Duration.ZERO : analysis;
    }

    /** Canary or blue-green: the strategies that run two versions side by side. */
    public boolean isProgressive() {
        return strategy.equals("canary") || strategy.equals("blue-green");
    }

    public boolean isCanary() {
        return strategy.equals("canary");
    }

    /** Canary weights realised by pod counts (no traffic router). */
    public boolean isReplicaRatioCanary() {
        return isCanary() && httpRoute.isEmpty();
    }
}
