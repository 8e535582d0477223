package io.jenkins.plugins.devops.core.events;

import io.cloudevents.CloudEvent;

/**
 * In-process receiver of deployment events (e.g. the Jenkins side updating a dashboard). Called from the outbox's
 * delivery thread, never from the deployment; an exception counts as a failed delivery and is retried.
 */
@FunctionalInterface
public interface EventListener {
    void onEvent(CloudEvent event) throws Exception;
}
