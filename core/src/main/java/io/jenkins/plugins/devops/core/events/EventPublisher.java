package io.jenkins.plugins.devops.core.events;

import io.cloudevents.CloudEvent;
import io.jenkins.plugins.devops.core.deploy.DeploymentRecord;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Publishes the events of every finished deployment to the configured sinks, each through its own durable
 * {@link Outbox}: {@link #publish} returns as soon as the events are on disk, delivery happens in the background.
 *
 * <pre>{@code
 * EventPublisher publisher = EventPublisher.builder(jenkinsHome.resolve("devops-outbox"), URI.create(jobUrl))
 *         .http(SinkConfig.http("audit", "https://events.example.com/cd").withHmacSecret(secret))
 *         .jsonl("file", jenkinsHome.resolve("devops-events.jsonl"))
 *         .consumerEvents()
 *         .build();
 * publisher.publish(record, false);
 * }</pre>
 *
 * <p>{@link Builder#consumerEvents()} adds what consumers that compute DORA or trace artifacts need: incidents
 * detected and resolved by the DORA failed-state rules (kept by an {@link IncidentTracker} in
 * {@code incidents.json} under the outbox root) and {@code artifact.packaged} / {@code artifact.published}. Without
 * it, a deployment produces the events of {@link DeploymentEvents#of(DeploymentRecord)}.
 */
public final class EventPublisher implements Closeable {
    private final DeploymentEvents events;
    private final List<Outbox> outboxes;
    private final IncidentTracker incidents; // null without consumer events

    private EventPublisher(DeploymentEvents events, List<Outbox> outboxes, IncidentTracker incidents) {
        this.events = events;
        this.outboxes = List.copyOf(outboxes);
        this.incidents = incidents;
    }

    public static Builder builder(Path outboxRoot, URI source) {
        return new Builder(outboxRoot, source);
    }

    /**
     * Stores the deployment's events in every sink's outbox and returns them. Throws only if the events cannot
     * be written to the local disk or the record is invalid; a sink that is down never makes this fail or wait.
     */
    public List<CloudEvent> publish(DeploymentRecord record) throws IOException {
        return publish(record, false);
    }

    /** As {@link #publish(DeploymentRecord)}; {@code rework} when the request declared the deployment rework. */
    public synchronized List<CloudEvent> publish(DeploymentRecord record, boolean rework) throws IOException {
        EventFacts facts = incidents == null
                ? new EventFacts(rework, EventFacts.fromRecordAlone(record).incidents(), false)
                : new EventFacts(rework, incidents.next(record), true);
        List<CloudEvent> produced = events.of(record, facts);
        for (Outbox outbox : outboxes) {
            outbox.enqueue(produced);
        }
        return produced;
    }

    public List<Outbox> outboxes() {
        return outboxes;
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (Outbox outbox : outboxes) {
            try {
                outbox.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Collects the sinks; {@link #build} opens one outbox per sink under the outbox root. */
    public static final class Builder {
        private final Path root;
        private final URI source;
        private final List<EventSink> sinks = new ArrayList<>();
        private RetryPolicy retry = RetryPolicy.defaults();
        private int parallelism = 4;
        private boolean consumerEvents;

        private Builder(Path root, URI source) {
            this.root = Objects.requireNonNull(root, "outboxRoot");
            this.source = Objects.requireNonNull(source, "source");
        }

        public Builder http(SinkConfig config) {
            return sink(new HttpSink(config));
        }

        public Builder jsonl(String name, Path file) {
            return sink(new JsonlFileSink(name, file));
        }

        public Builder listener(String name, EventListener listener) {
            return sink(new ListenerSink(name, listener));
        }

        public Builder sink(EventSink sink) {
            sinks.add(Objects.requireNonNull(sink, "sink"));
            return this;
        }

        public Builder retry(RetryPolicy policy) {
            this.retry = Objects.requireNonNull(policy, "retry");
            return this;
        }

        /** Incident detected / resolved by the DORA rules, and artifact events; see the class comment. */
        public Builder consumerEvents() {
            this.consumerEvents = true;
            return this;
        }

        /** Events in flight per sink (default 4). */
        public Builder parallelism(int value) {
            this.parallelism = value;
            return this;
        }

        public EventPublisher build() throws IOException {
            Set<String> names = new HashSet<>();
            for (EventSink sink : sinks) {
                if (!names.add(sink.name())) {
                    throw new IllegalArgumentException(
                            "two event sinks are named '" + sink.name() + "'; give each sink its own name");
                }
            }
            List<Outbox> opened = new ArrayList<>();
            try {
                for (EventSink sink : sinks) {
                    opened.add(Outbox.open(root.resolve(sink.name()), sink, retry, parallelism));
                }
            } catch (IOException | RuntimeException e) {
                for (Outbox o : opened) {
                    o.close();
                }
                throw e;
            }
            IncidentTracker tracker = consumerEvents ? IncidentTracker.open(root.resolve("incidents.json")) : null;
            return new EventPublisher(new DeploymentEvents(source), opened, tracker);
        }
    }
}
