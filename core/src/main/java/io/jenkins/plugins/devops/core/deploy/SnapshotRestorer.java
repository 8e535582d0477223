package io.jenkins.plugins.devops.core.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.jenkins.plugins.devops.core.kube.ResourceWriter;
import io.jenkins.plugins.devops.core.kube.RolloutWatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Automatic rollback: puts every object a deployment wrote back the way the snapshot saw it, in an order that
 * never leaves traffic pointing at nothing:
 *
 * <ol>
 *   <li>HTTPRoutes restored first: their old backends are the original Services, which select the old pods
 *       throughout;
 *   <li>supporting objects (ConfigMaps, Secrets, HPAs ...) restored;
 *   <li>Deployments that served before (replicas above 0) restored, and their rollout awaited, one after the other:
 *       scaled back up and ready before anything that runs the new version goes away; when the old pod template
 *       comes back, it comes surge-only first (maxUnavailable 0) whatever the Deployment's own strategy;
 *   <li>Services restored (selectors point back at the old version, which is ready);
 *   <li>Deployments that did not serve before restored (scaled to 0), objects that did not exist deleted.
 * </ol>
 */
final class SnapshotRestorer {
    private final ResourceWriter writer;
    private final RolloutWatcher watcher;
    private final RunLog log;
    private final Duration timeout;

    SnapshotRestorer(ResourceWriter writer, RolloutWatcher watcher, RunLog log, Duration timeout) {
        this.writer = writer;
        this.watcher = watcher;
        this.log = log;
        this.timeout = timeout;
    }

    void restore(ClusterSnapshot snapshot) throws InterruptedException {
        List<HasMetadata> supporting = new ArrayList<>();
        List<Deployment> serving = new ArrayList<>();
        List<HasMetadata> routing = new ArrayList<>();
        List<HasMetadata> routes = new ArrayList<>();
        List<HasMetadata> idle = new ArrayList<>();
        List<HasMetadata> created = new ArrayList<>();
        for (Map.Entry<String, HasMetadata> e : snapshot.written().entrySet()) {
            HasMetadata before = snapshot.before(e.getKey());
            if (before == null) {
                created.add(e.getValue());
            } else if (before instanceof Deployment d) {
                Integer replicas = d.getSpec() == null ? null : d.getSpec().getReplicas();
                if (replicas == null || replicas > 0) {
                    serving.add(d);
                } else {
                    idle.add(d);
                }
            } else if (before instanceof HTTPRoute) {
                routes.add(before);
            } else if (before instanceof Service) {
                routing.add(before);
            } else {
                supporting.add(before);
            }
        }
        for (HasMetadata o : routes) {
            restoreOne(o);
        }
        for (HasMetadata o : supporting) {
            restoreOne(o);
        }
        for (Deployment d : serving) {
            Deployment live = watcher.cached(d.getMetadata().getName());
            if (SurgeOnly.needed(live, d)) {
                // The old pod template comes back surge-only first, so the serving side never runs short; then
                // the exact old object (its own strategy), which changes no pod.
                await((Deployment) writer.write(SurgeOnly.of(d), live));
                log.event("rollback: restored the pods of " + ResourceWriter.ref(d) + " (surge-only)");
            }
            await((Deployment) restoreOne(d));
        }
        for (HasMetadata o : routing) {
            restoreOne(o);
        }
        log.listener().weightChanged(0);
        for (HasMetadata o : idle) {
            restoreOne(o);
        }
        for (HasMetadata o : created) {
            writer.delete(o);
            log.event("rollback: deleted " + ResourceWriter.ref(o) + " (it did not exist before)");
        }
    }

    private void await(Deployment stored) throws InterruptedException {
        Long g = stored.getMetadata().getGeneration();
        watcher.awaitRollout(stored.getMetadata().getName(), g == null ? 0 : g, timeout, log.listener()::podsReady);
    }

    private HasMetadata restoreOne(HasMetadata before) {
        HasMetadata stored = writer.write(before);
        log.event("rollback: restored " + ResourceWriter.ref(before));
        return stored;
    }
}
