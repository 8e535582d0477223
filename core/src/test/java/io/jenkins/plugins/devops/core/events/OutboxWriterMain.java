package io.jenkins.plugins.devops.core.events;

import io.cloudevents.CloudEvent;
import io.jenkins.plugins.devops.core.deploy.Outcome;
import io.jenkins.plugins.devops.core.ledger.Deployments;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Run in a child JVM by {@link OutboxCrashTest}: publishes deployments to a sink that is down, prints the id of
 * every event once {@code publish} returned (so it is on disk), then waits to be killed.
 */
public final class OutboxWriterMain {
    private OutboxWriterMain() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String url = args[1];
        int deployments = Integer.parseInt(args[2]);
        EventPublisher publisher = EventPublisher.builder(dir, URI.create("/crash-test"))
                .http(SinkConfig.http("audit", url).withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2)))
                .retry(new RetryPolicy(1000, Duration.ofMillis(50), Duration.ofMillis(500)))
                .build();
        for (int i = 0; i < deployments; i++) {
            for (CloudEvent event :
                    publisher.publish(Deployments.record("crash-" + i, "cart", Outcome.FAILED_ROLLED_BACK, i))) {
                System.out.println("published " + event.getId());
            }
            System.out.flush();
        }
        System.out.println("done");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
