package io.jenkins.plugins.devops.core.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;

/** CloudEvents structured JSON (one line), as the outbox stores events and the JSONL sink writes them. */
public final class EventJson {
    private static final JsonFormat FORMAT = new JsonFormat();

    private EventJson() {}

    /**
     * The format instance itself, for writers that would otherwise look a format up by content type: the SDK's
     * {@code EventFormatProvider} finds formats with {@code ServiceLoader} on the thread context class loader, which
     * inside Jenkins does not see this plugin's jars.
     */
    static JsonFormat format() {
        return FORMAT;
    }

    public static byte[] serialize(CloudEvent event) {
        return FORMAT.serialize(event);
    }

    public static CloudEvent deserialize(byte[] json) {
        return FORMAT.deserialize(json);
    }
}
