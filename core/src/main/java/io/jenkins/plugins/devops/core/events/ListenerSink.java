package io.jenkins.plugins.devops.core.events;

import io.cloudevents.CloudEvent;
import java.io.IOException;
import java.util.Objects;

/** Delivers events to an {@link EventListener} in this JVM. */
public final class ListenerSink implements EventSink {
    private final String name;
    private final EventListener listener;

    public ListenerSink(String name, EventListener listener) {
        this.name = Objects.requireNonNull(name, "name");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void deliver(CloudEvent event) throws IOException {
        try {
            listener.onEvent(event);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("listener '" + name + "' failed: " + e.getMessage(), e);
        }
    }
}
