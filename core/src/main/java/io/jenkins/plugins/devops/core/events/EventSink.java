package io.jenkins.plugins.devops.core.events;

import io.cloudevents.CloudEvent;
import java.io.IOException;

/** Something that receives events from an {@link Outbox}. A failure is retried by the outbox. */
public interface EventSink {
    /** A short name, used for the outbox directory and in messages. */
    String name();

    /** Delivers one event, or throws to have it retried. */
    void deliver(CloudEvent event) throws IOException;
}
