package io.jenkins.plugins.devops.core.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;

/** CloudEvents structured JSON (one line), as the outbox stores events and the JSONL sink writes them. */
public final class EventJson {
    private static final JsonFormat FORMAT = new JsonFormat();

    private EventJson() {}

    public static byte[] serialize(CloudEvent event) {
        return FORMAT.serialize(event);
    }

    public static CloudEvent deserialize(byte[] json) {
        return FORMAT.deserialize(json);
    }
}
