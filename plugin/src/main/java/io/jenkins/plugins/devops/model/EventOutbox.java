package io.jenkins.plugins.devops.model;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.init.InitMilestone;
import hudson.init.Initializer;
import hudson.init.Terminator;
import hudson.model.ItemGroup;
import hudson.model.TaskListener;
import hudson.security.ACL;
import io.cloudevents.CloudEvent;
import io.jenkins.plugins.devops.config.DevopsConfiguration;
import io.jenkins.plugins.devops.config.EventSinkConfig;
import io.jenkins.plugins.devops.core.deploy.DeploymentRecord;
import io.jenkins.plugins.devops.core.events.EventMode;
import io.jenkins.plugins.devops.core.events.EventPublisher;
import io.jenkins.plugins.devops.core.events.SinkConfig;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.JenkinsLocationConfiguration;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * The controller's event publisher: core's durable outbox per configured sink, under the ledger directory, rebuilt
 * when the sinks change. Publishing only writes to the outbox; delivery, retries and dead letters happen in core's
 * background threads, so a slow or dead sink never slows a deployment.
 */
@Extension
public class EventOutbox {
    private static final Logger LOGGER = Logger.getLogger(EventOutbox.class.getName());

    private EventPublisher publisher;
    private String configuredAs = "";

    /** The singleton instance. */
    public static EventOutbox get() {
        return ExtensionList.lookupSingleton(EventOutbox.class);
    }

    /**
     * Queues the record's events ({@code deployment.completed} and its CDEvents) for every sink.
     *
     * @return "type id" of each event queued; empty when no sink is configured
     */
    public List<String> publish(DeploymentRecord record, TaskListener listener) {
        return publish(record, false, listener);
    }

    /**
     * As {@link #publish(DeploymentRecord, TaskListener)}, with incident and artifact events for consumers.
     *
     * @param rework the request declared the deployment rework (a hot fix)
     */
    public List<String> publish(DeploymentRecord record, boolean rework, TaskListener listener) {
        DevopsConfiguration config = DevopsConfiguration.get();
        if (config.getEventSinks().isEmpty()) {
            return List.of();
        }
        try {
            List<String> sent = new ArrayList<>();
            for (CloudEvent event : publisher(config).publish(record, rework)) {
                sent.add(event.getType() + " " + event.getId());
            }
            listener.getLogger()
                    .println("[devops] queued " + sent.size() + " events for "
                            + config.getEventSinks().size() + " sink(s)");
            return sent;
        } catch (IOException | RuntimeException e) {
            // Events are a side channel: the deployment is recorded in the ledger either way.
            LOGGER.log(Level.WARNING, "Cannot queue deployment events", e);
            listener.getLogger().println("[devops] could not queue deployment events: " + e.getMessage());
            return List.of();
        }
    }

    /**
     * Opens the outbox at start-up, so events still pending from before a restart are delivered without waiting for
     * the next deployment (core's outbox resumes delivery when it is opened).
     */
    @Initializer(after = InitMilestone.JOB_CONFIG_ADAPTED)
    public static void resumeDelivery() {
        get().open();
    }

    void open() {
        DevopsConfiguration config = DevopsConfiguration.get();
        if (config.getEventSinks().isEmpty()) {
            return;
        }
        try {
            publisher(config);
        } catch (IOException | RuntimeException e) {
            LOGGER.log(Level.WARNING, "Cannot resume the delivery of pending deployment events", e);
        }
    }

    private synchronized EventPublisher publisher(DevopsConfiguration config) throws IOException {
        String key = key(config.getEventSinks());
        if (publisher == null || !key.equals(configuredAs)) {
            if (publisher != null) {
                publisher.close();
            }
            // incidents detected / resolved and artifact events: what consumers computing DORA need (docs/events.md)
            EventPublisher.Builder builder = EventPublisher.builder(config.ledgerPath().resolve("outbox"), source())
                    .consumerEvents();
            for (EventSinkConfig sink : config.getEventSinks()) {
                builder.http(sinkConfig(sink));
            }
            publisher = builder.build();
            configuredAs = key;
        }
        return publisher;
    }

    /** Stops the outboxes' delivery threads at shutdown; what is still pending is delivered after the restart. */
    @Terminator
    public static void closeAtShutdown() throws IOException {
        EventOutbox outbox = ExtensionList.lookup(EventOutbox.class).get(EventOutbox.class);
        if (outbox != null) {
            outbox.close();
        }
    }

    synchronized void close() throws IOException {
        if (publisher != null) {
            publisher.close();
            publisher = null;
            configuredAs = "";
        }
    }

    private static SinkConfig sinkConfig(EventSinkConfig sink) {
        SinkConfig config = SinkConfig.http(sink.getName(), sink.getUrl())
                .withMode(sink.getMode() == EventSinkConfig.Mode.STRUCTURED ? EventMode.STRUCTURED : EventMode.BINARY);
        if (!sink.getHmacCredentialsId().isEmpty()) {
            config = config.withHmacSecret(hmacSecret(sink));
        }
        return config;
    }

    /** The sinks are configured by administrators, so their HMAC secrets are looked up as the system. */
    private static String hmacSecret(EventSinkConfig sink) {
        StringCredentials secret = CredentialsMatchers.firstOrNull(
                CredentialsProvider.lookupCredentialsInItemGroup(
                        StringCredentials.class, (ItemGroup<?>) null, ACL.SYSTEM2, List.of()),
                CredentialsMatchers.withId(sink.getHmacCredentialsId()));
        if (secret == null) {
            throw new IllegalArgumentException("event sink '" + sink.getName() + "': HMAC credentials '"
                    + sink.getHmacCredentialsId() + "' not found; add a secret text with that id");
        }
        return secret.getSecret().getPlainText();
    }

    private static URI source() {
        String root = JenkinsLocationConfiguration.get().getUrl();
        return URI.create(root == null || root.isBlank() ? "/jenkins" : root);
    }

    private static String key(List<EventSinkConfig> sinks) {
        StringBuilder key = new StringBuilder();
        for (EventSinkConfig sink : sinks) {
            key.append(Objects.hash(sink.getName(), sink.getUrl(), sink.getMode(), sink.getHmacCredentialsId()))
                    .append(';');
        }
        return key.toString();
    }
}
