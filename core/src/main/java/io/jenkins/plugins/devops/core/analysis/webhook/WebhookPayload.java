package io.jenkins.plugins.devops.core.analysis.webhook;

import io.jenkins.plugins.devops.core.gate.GateContext;
import io.jenkins.plugins.devops.core.gate.GatePoint;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON body POSTed to a webhook. {@code phase} is the gate point in lower case with dashes, e.g.
 * {@code confirm-promotion}; {@code timestamp} lets receivers reject replays of an old signed body.
 */
public record WebhookPayload(
        String webhook,
        String deploymentId,
        String service,
        String environment,
        String namespace,
        String strategy,
        String phase,
        int stepIndex,
        int weight,
        String revision,
        String previousRevision,
        Instant timestamp,
        Map<String, String> metadata) {

    public static WebhookPayload of(WebhookSpec spec, GateContext context, Instant now) {
        return new WebhookPayload(
                spec.name(),
                context.deploymentId(),
                context.service(),
                context.environment(),
                context.namespace(),
                context.strategy(),
                phase(context.point()),
                context.stepIndex(),
                context.weight(),
                context.revision(),
                context.previousRevision(),
                now,
                spec.metadata());
    }

    /** {@code PRE_ROLLOUT} → {@code pre-rollout}. */
    public static String phase(GatePoint point) {
        return point.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
