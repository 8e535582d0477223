package io.jenkins.plugins.devops.core.kube;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One deployment at a time per service and environment, enforced with a {@code coordination.k8s.io/v1} Lease in
 * the target namespace. The holder renews the lease after every phase; a lease whose holder stopped renewing
 * (renewTime + leaseDurationSeconds in the past) is taken over. Optimistic concurrency (resourceVersion) decides
 * races between two takers.
 */
public final class DeploymentLease {
    private final KubernetesClient client;
    private final String namespace;
    private final String name;
    private final Clock clock;
    private Lease held;

    public DeploymentLease(KubernetesClient client, String namespace, String name, Clock clock) {
        this.client = client;
        this.namespace = namespace;
        this.name = name;
        this.clock = clock;
    }

    /**
     * Takes the lease for {@code holder}. A lease already held by the same holder (a resumed deployment) is
     * simply renewed.
     *
     * @param takeovers hears about an expired lease that was taken over
     * @throws LeaseHeldException when another holder's lease has not expired
     */
    public synchronized void acquire(String holder, Duration duration, Consumer<String> takeovers) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Lease current =
                    client.leases().inNamespace(namespace).withName(name).get();
            ZonedDateTime now = ZonedDateTime.now(clock.withZone(ZoneOffset.UTC));
            try {
                if (current == null) {
                    held = client.leases()
                            .inNamespace(namespace)
                            .resource(lease(holder, duration, now, 0))
                            .create();
                    return;
                }
                String currentHolder =
                        current.getSpec() == null ? null : current.getSpec().getHolderIdentity();
                ZonedDateTime expiry = expiry(current);
                boolean mine = currentHolder != null && idOf(holder).equals(idOf(currentHolder));
                if (!mine && currentHolder != null && expiry != null && expiry.isAfter(now)) {
                    throw new LeaseHeldException("another deployment of this service and environment is running: "
                            + "lease " + namespace + "/" + name + " is held by '" + currentHolder + "' until "
                            + expiry.toInstant() + "; wait for it to finish, or abort it");
                }
                if (!mine && currentHolder != null) {
                    takeovers.accept("took over expired lease " + name + " from '" + currentHolder + "' (expired "
                            + (expiry == null ? "unknown" : expiry.toInstant()) + ")");
                }
                int transitions = current.getSpec() == null || current.getSpec().getLeaseTransitions() == null
                        ? 0
                        : current.getSpec().getLeaseTransitions();
                Lease next = lease(holder, duration, now, mine ? transitions : transitions + 1);
                next.getMetadata().setResourceVersion(current.getMetadata().getResourceVersion());
                held = client.leases().inNamespace(namespace).resource(next).update();
                return;
            } catch (KubernetesClientException e) {
                if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
                    throw e;
                }
                // Someone else wrote the lease in between; read it again and decide again.
            }
        }
        throw new LeaseHeldException(
                "could not take lease " + namespace + "/" + name + ": other deployments keep changing it; try again");
    }

    /**
     * Takes the lease from {@code expectedHolder} even though it has not expired: for an operator who knows that
     * process is dead and names it. Refused when someone else holds the lease by now.
     *
     * @param expectedHolder the holder named by the operator (its deployment id is enough)
     * @throws LeaseHeldException when the lease is held by another holder than the one named
     */
    public synchronized void takeOver(
            String expectedHolder, String holder, Duration duration, Consumer<String> takeovers) {
        Lease current = client.leases().inNamespace(namespace).withName(name).get();
        String currentHolder = current == null || current.getSpec() == null
                ? null
                : current.getSpec().getHolderIdentity();
        if (currentHolder == null) {
            acquire(holder, duration, takeovers);
            return;
        }
        if (!idOf(currentHolder).equals(idOf(expectedHolder.trim()))) {
            throw new LeaseHeldException("lease " + namespace + "/" + name + " is held by '" + currentHolder
                    + "', not by '" + expectedHolder + "'; name its current holder to take it over");
        }
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(ZoneOffset.UTC));
        int transitions = current.getSpec().getLeaseTransitions() == null
                ? 0
                : current.getSpec().getLeaseTransitions();
        Lease next = lease(holder, duration, now, transitions + 1);
        next.getMetadata().setResourceVersion(current.getMetadata().getResourceVersion());
        try {
            held = client.leases().inNamespace(namespace).resource(next).update();
        } catch (KubernetesClientException e) {
            if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
                throw new LeaseHeldException("lease " + namespace + "/" + name + " changed while it was taken over"
                        + " (its holder is alive?); look at it again");
            }
            throw e;
        }
        takeovers.accept("took over lease " + name + " from '" + currentHolder + "' by request (it had not expired)");
    }

    /** Who holds the lease now and until when, or null when there is no lease. */
    public Lease current() {
        return client.leases().inNamespace(namespace).withName(name).get();
    }

    /**
     * Renews the lease in the background every third of {@code duration} until closed, so that a gate that takes
     * long (an analysis, a manual approval) never lets the lease of a live deployment expire; a dead process stops
     * renewing and its lease expires as before.
     *
     * @param problems hears about failed renewals (a lost lease stops the renewals)
     */
    public KeepAlive keepAlive(Duration duration, Consumer<String> problems) {
        long periodMillis = Math.max(1000, duration.toMillis() / 3);
        ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "devops-lease-" + name);
            t.setDaemon(true);
            return t;
        });
        renewer.scheduleWithFixedDelay(
                () -> {
                    try {
                        renew(duration);
                    } catch (LeaseHeldException e) {
                        problems.accept(e.getMessage());
                        renewer.shutdown();
                    } catch (RuntimeException e) {
                        problems.accept(
                                "could not renew lease " + namespace + "/" + name + " (retrying): " + e.getMessage());
                    }
                },
                periodMillis,
                periodMillis,
                TimeUnit.MILLISECONDS);
        return renewer::shutdownNow;
    }

    /** Stops background renewals. */
    public interface KeepAlive extends AutoCloseable {
        @Override
        void close();
    }

    /** Extends the lease; called after every phase. */
    public synchronized void renew(Duration duration) {
        if (held == null) {
            return;
        }
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(ZoneOffset.UTC));
        Lease next = lease(
                held.getSpec().getHolderIdentity(),
                duration,
                now,
                held.getSpec().getLeaseTransitions() == null
                        ? 0
                        : held.getSpec().getLeaseTransitions());
        next.getSpec().setAcquireTime(held.getSpec().getAcquireTime());
        next.getMetadata().setResourceVersion(held.getMetadata().getResourceVersion());
        try {
            held = client.leases().inNamespace(namespace).resource(next).update();
        } catch (KubernetesClientException e) {
            if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
                throw new LeaseHeldException("lease " + namespace + "/" + name + " was taken by someone else while "
                        + "this deployment ran (it expired); stopping");
            }
            throw e;
        }
    }

    /**
     * Deletes the lease if this deployment still holds it. A lease taken over meanwhile belongs to the deployment
     * that took it and is left alone (deleting it would let a third deployment in beside that one).
     */
    public synchronized void release() {
        if (held != null && lostTo().isEmpty()) {
            client.leases().inNamespace(namespace).withName(name).delete();
        }
        held = null;
    }

    /**
     * Who holds the lease now if not this deployment, e.g. {@code 'shop-prod-... (bob)'} after an expired lease
     * was taken over; empty while it is still ours. A lease that was deleted counts as lost too.
     */
    public synchronized Optional<String> lostTo() {
        if (held == null) {
            return Optional.empty();
        }
        Lease current = client.leases().inNamespace(namespace).withName(name).get();
        String holder = current == null || current.getSpec() == null
                ? null
                : current.getSpec().getHolderIdentity();
        if (holder == null) {
            return Optional.of("nobody (lease " + namespace + "/" + name + " was deleted)");
        }
        return idOf(holder).equals(idOf(held.getSpec().getHolderIdentity()))
                ? Optional.empty()
                : Optional.of("'" + holder + "'");
    }

    private Lease lease(String holder, Duration duration, ZonedDateTime now, int transitions) {
        return new LeaseBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .addToLabels("app.kubernetes.io/managed-by", "devops-orchestrator")
                .endMetadata()
                .withNewSpec()
                .withHolderIdentity(holder)
                .withLeaseDurationSeconds((int) Math.min(Integer.MAX_VALUE, duration.toSeconds()))
                .withAcquireTime(now)
                .withRenewTime(now)
                .withLeaseTransitions(transitions)
                .endSpec()
                .build();
    }

    /** A holder is {@code <deployment id> (<who>)}; a resumed deployment keeps the id but may run as someone else. */
    private static String idOf(String holder) {
        int paren = holder.indexOf(" (");
        return paren < 0 ? holder : holder.substring(0, paren);
    }

    private static ZonedDateTime expiry(Lease lease) {
        if (lease.getSpec() == null || lease.getSpec().getLeaseDurationSeconds() == null) {
            return null;
        }
        ZonedDateTime renewed = lease.getSpec().getRenewTime() != null
                ? lease.getSpec().getRenewTime()
                : lease.getSpec().getAcquireTime();
        return renewed == null ? null : renewed.plusSeconds(lease.getSpec().getLeaseDurationSeconds());
    }
}
