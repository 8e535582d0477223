package io.jenkins.plugins.devops.core.dora;

import io.jenkins.plugins.devops.core.deploy.Commit;
import io.jenkins.plugins.devops.core.deploy.DeploymentKind;
import io.jenkins.plugins.devops.core.deploy.Outcome;
import io.jenkins.plugins.devops.core.ledger.LedgerEntry;
import io.jenkins.plugins.devops.core.ledger.LedgerIndex;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * DORA figures of the last window, kept up to date as deployments are appended: each {@link #add} costs O(log n)
 * (tree inserts, and the evictions that entry eventually causes), with no recomputation. Reports equal those of
 * {@link DoraCalculator} for the window ending at the latest entry ({@code RollingDoraTest} checks this).
 *
 * <pre>{@code
 * RollingDora live = new RollingDora(DoraSettings.defaults());
 * ledger.onAppend(live::add);
 * live.overall().figures().deploymentReworkRate();
 * }</pre>
 *
 * <p>Entries of one service and environment must arrive in finish order (the ledger appends them as they finish).
 * Memory grows with the deployments inside the window (a few hundred bytes each), not with the whole history.
 */
public final class RollingDora {
    private final DoraSettings settings;
    private final long window;
    private final Map<LedgerIndex.Series, SeriesState> series = new HashMap<>();
    private final Map<String, Scope> environments = new HashMap<>();
    private final Scope overall = new Scope();
    private long now = Long.MIN_VALUE;
    private long sequence;

    public RollingDora(DoraSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.window = settings.window().toSeconds();
    }

    /**
     * Feeds every entry of the index, series by series in finish order: how the Jenkins side starts the live
     * figures from the ledger at start-up (a million entries in about 2 s on a loaded 2-core machine, in a 100 MB heap) before subscribing to appends.
     */
    public synchronized void addAll(LedgerIndex index) {
        LedgerIndex.Columns columns = index.columns();
        int[][] bySeries = index.entriesBySeries();
        for (int s = 0; s < bySeries.length; s++) {
            LedgerIndex.Series name = index.series(s);
            for (int e : bySeries[s]) {
                int[] leads = java.util.Arrays.copyOfRange(
                        columns.leads(), columns.leadStart()[e], columns.leadStart()[e + 1]);
                long finished = columns.finished()[e];
                add(
                        name.service(),
                        name.environment(),
                        index.kind(e),
                        index.outcome(e),
                        finished - columns.duration()[e],
                        finished,
                        leads,
                        index.reworkDeclared(e));
            }
        }
    }

    /** Adds one finished deployment or rollback. */
    public synchronized void add(LedgerEntry entry) {
        int[] leads = new int[entry.commits().size()];
        int n = 0;
        long finished = entry.finishedAt().getEpochSecond();
        for (Commit c : entry.commits()) {
            leads[n++] = (int) Math.min(Integer.MAX_VALUE, finished - c.time().getEpochSecond());
        }
        add(
                entry.service(),
                entry.environment(),
                entry.kind(),
                entry.outcome(),
                entry.startedAt().getEpochSecond(),
                finished,
                leads,
                entry.rework());
    }

    /** Adds one entry from its parts (the fast path used by benchmarks and imports), not declared as rework. */
    public synchronized void add(
            String service,
            String environment,
            DeploymentKind kind,
            Outcome outcome,
            long started,
            long finished,
            int[] leads) {
        add(service, environment, kind, outcome, started, finished, leads, false);
    }

    /** Adds one entry from its parts; {@code rework} when the request declared it rework. */
    public synchronized void add(
            String service,
            String environment,
            DeploymentKind kind,
            Outcome outcome,
            long started,
            long finished,
            int[] leads,
            boolean rework) {
        SeriesState state = series.computeIfAbsent(new LedgerIndex.Series(service, environment), key -> {
            Scope env = environments.computeIfAbsent(environment, e -> new Scope());
            SeriesState s = new SeriesState(new Scope[] {new Scope(), env, overall});
            for (Scope scope : s.scopes) {
                scope.members.add(s);
            }
            return s;
        });
        if (finished < state.lastFinished) {
            throw new IllegalArgumentException("entries of " + service + "/" + environment
                    + " must be added in finish order; " + Instant.ofEpochSecond(finished) + " is before "
                    + Instant.ofEpochSecond(state.lastFinished));
        }
        // the second rework rule looks at the entry just before this one in the same series
        long reworkLimit = settings.reworkAfterFailureWithin().toSeconds();
        boolean afterFailure =
                state.lastWasFailureOrRollback && reworkLimit > 0 && finished - state.lastFinished <= reworkLimit;
        state.lastFinished = finished;
        now = Math.max(now, finished);
        boolean deploy = kind == DeploymentKind.DEPLOY;
        state.lastWasFailureOrRollback = !deploy || outcome != Outcome.SUCCEEDED;
        markPrevious(state, kind, finished);
        if (outcome == Outcome.SUCCEEDED && state.failingSince >= 0) {
            incident(state, state.failingSince, finished);
            state.failingSince = -1;
        }
        DeployFact fact = null;
        if (deploy) {
            fact = new DeployFact(
                    finished,
                    sequence++,
                    outcome == Outcome.SUCCEEDED,
                    outcome != Outcome.SUCCEEDED,
                    positive(leads),
                    rework ? DeployFact.REWORK_DECLARED : afterFailure ? DeployFact.REWORK_AFTER_FAILURE : 0);
            for (Scope scope : state.scopes) {
                scope.addDeploy(fact);
            }
            if (outcome == Outcome.FAILED_ROLLED_BACK || outcome == Outcome.ABORTED) {
                if (state.failingSince < 0) {
                    incident(state, started, finished);
                }
            } else if (outcome != Outcome.SUCCEEDED && state.failingSince < 0) {
                state.failingSince = finished;
            }
        }
        state.lastSuccessfulDeploy = fact != null && fact.success ? fact : null;
        // Evicting as time moves keeps memory to one window; each fact is evicted once, so this is amortised O(log n).
        for (Scope scope : state.scopes) {
            scope.evict(now - window);
        }
    }

    /** A manual rollback, or a fix soon after, turns the previous successful deployment into a change failure. */
    private void markPrevious(SeriesState state, DeploymentKind kind, long finished) {
        DeployFact previous = state.lastSuccessfulDeploy;
        if (previous == null) {
            return;
        }
        long gap = finished - previous.finished;
        long superseded = settings.supersededCountsWithin().toSeconds();
        boolean failed = kind == DeploymentKind.ROLLBACK
                ? gap <= settings.rollbackCountsWithin().toSeconds()
                : superseded > 0 && gap <= superseded;
        if (failed) {
            previous.failure = true;
            for (Scope scope : state.scopes) {
                scope.markFailed(previous);
            }
            if (state.failingSince < 0) {
                state.failingSince = previous.finished;
            }
        }
    }

    private void incident(SeriesState state, long began, long restored) {
        Incident incident = new Incident(began, restored, sequence++);
        for (Scope scope : state.scopes) {
            scope.addIncident(incident);
        }
    }

    private static int[] positive(int[] leads) {
        int n = 0;
        for (int lead : leads) {
            if (lead > 0) {
                n++;
            }
        }
        int[] result = new int[n];
        n = 0;
        for (int lead : leads) {
            if (lead > 0) {
                result[n++] = lead;
            }
        }
        return result;
    }

    /** The report of one service in one environment, or empty figures if it has no entries. */
    public synchronized DoraReport report(String service, String environment) {
        SeriesState state = series.get(new LedgerIndex.Series(service, environment));
        Scope scope = state == null ? new Scope() : state.scopes[0];
        return report(scope, service + "/" + environment, service, environment);
    }

    /** The report of one environment. */
    public synchronized DoraReport environment(String environment) {
        return report(environments.getOrDefault(environment, new Scope()), environment, "", environment);
    }

    /** The report of everything. */
    public synchronized DoraReport overall() {
        return report(overall, "overall", "", "");
    }

    /** The report of every service and environment, every environment, and overall (for exporters). */
    public synchronized List<DoraReport> reports() {
        List<DoraReport> reports = new ArrayList<>();
        series.keySet().stream()
                .sorted(java.util.Comparator.comparing(LedgerIndex.Series::service)
                        .thenComparing(LedgerIndex.Series::environment))
                .forEach(s -> reports.add(report(s.service(), s.environment())));
        environments.keySet().stream().sorted().forEach(e -> reports.add(environment(e)));
        reports.add(overall());
        return reports;
    }

    /** Every service/environment pair seen so far. */
    public synchronized List<LedgerIndex.Series> series() {
        return new ArrayList<>(series.keySet());
    }

    /** The end of the current window: the latest finish time added. */
    public synchronized Instant now() {
        return Instant.ofEpochSecond(now == Long.MIN_VALUE ? 0 : now);
    }

    private DoraReport report(Scope scope, String name, String service, String environment) {
        long to = now == Long.MIN_VALUE ? 0 : now;
        long from = to - window;
        scope.evict(from);
        long failed = scope.failedSeconds(from);
        int open = 0;
        for (SeriesState member : scope.members) {
            if (member.failingSince >= 0) {
                open++;
                failed += to - Math.max(member.failingSince, from);
            }
        }
        ReportBuilder.Totals totals = new ReportBuilder.Totals(
                scope.deployments,
                scope.successes,
                scope.failures,
                // days after the last one the window overlaps: only a deployment exactly at a midnight end
                scope.days.size()
                        - scope.days
                                .tailMap(ReportBuilder.lastOverlappedDay(to), false)
                                .size(),
                scope.leads.median(),
                scope.restores.size(),
                scope.restores.median(),
                open,
                failed,
                scope.members.size(),
                scope.reworkDeclared,
                scope.reworkAfterFailure);
        return new ReportBuilder(settings, Instant.ofEpochSecond(from), Instant.ofEpochSecond(to))
                .report(name, service, environment, totals, Double.NaN);
    }

    private static final class SeriesState {
        final Scope[] scopes;
        long lastFinished = Long.MIN_VALUE;
        boolean lastWasFailureOrRollback;
        long failingSince = -1;
        DeployFact lastSuccessfulDeploy;

        SeriesState(Scope[] scopes) {
            this.scopes = scopes;
        }
    }

    private static final class DeployFact {
        static final int REWORK_DECLARED = 1;
        static final int REWORK_AFTER_FAILURE = 2;
        final long finished;
        final long seq;
        final boolean success;
        boolean failure;
        final int[] leads;
        /** 0, {@link #REWORK_DECLARED} or {@link #REWORK_AFTER_FAILURE}: which rule made it rework. */
        final int rework;

        DeployFact(long finished, long seq, boolean success, boolean failure, int[] leads, int rework) {
            this.finished = finished;
            this.seq = seq;
            this.success = success;
            this.failure = failure;
            this.leads = leads;
            this.rework = rework;
        }
    }

    private record Incident(long began, long restored, long seq) {}

    private record Key(long time, long seq) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = Long.compare(time, o.time);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    /** The sliding window of one scope: a series, an environment, or everything. */
    private static final class Scope {
        final List<SeriesState> members = new ArrayList<>();
        final TreeMap<Key, DeployFact> deploys = new TreeMap<>();
        final TreeMap<Long, Integer> days = new TreeMap<>();
        final SlidingMedian leads = new SlidingMedian();
        final TreeMap<Key, Incident> incidents = new TreeMap<>(); // by start: the time-to-restore sample
        final SlidingMedian restores = new SlidingMedian();
        final List<Incident> straddling = new ArrayList<>(); // began before the window, restored inside it
        int deployments;
        int successes;
        int failures;
        int reworkDeclared;
        int reworkAfterFailure;
        long incidentSeconds;
        long evictedUpTo = Long.MIN_VALUE;

        void addDeploy(DeployFact fact) {
            if (fact.finished <= evictedUpTo) {
                return;
            }
            deploys.put(new Key(fact.finished, fact.seq), fact);
            deployments++;
            countRework(fact, 1);
            if (fact.failure) {
                failures++;
            }
            if (fact.success) {
                successes++;
                days.merge(Math.floorDiv(fact.finished, 86_400), 1, Integer::sum);
                for (int lead : fact.leads) {
                    leads.add(lead);
                }
            }
        }

        private void countRework(DeployFact fact, int delta) {
            if (fact.rework == DeployFact.REWORK_DECLARED) {
                reworkDeclared += delta;
            } else if (fact.rework == DeployFact.REWORK_AFTER_FAILURE) {
                reworkAfterFailure += delta;
            }
        }

        void markFailed(DeployFact fact) {
            if (deploys.containsKey(new Key(fact.finished, fact.seq))) {
                failures++;
            }
        }

        void addIncident(Incident incident) {
            if (incident.began() <= evictedUpTo) {
                straddling.add(incident);
                return;
            }
            incidents.put(new Key(incident.began(), incident.seq()), incident);
            restores.add((int) Math.min(Integer.MAX_VALUE, incident.restored() - incident.began()));
            incidentSeconds += incident.restored() - incident.began();
        }

        void evict(long from) {
            evictedUpTo = Math.max(evictedUpTo, from);
            while (!deploys.isEmpty() && deploys.firstKey().time() <= from) {
                DeployFact fact = deploys.pollFirstEntry().getValue();
                deployments--;
                countRework(fact, -1);
                if (fact.failure) {
                    failures--;
                }
                if (fact.success) {
                    successes--;
                    days.computeIfPresent(Math.floorDiv(fact.finished, 86_400), (d, c) -> c == 1 ? null : c - 1);
                    for (int lead : fact.leads) {
                        leads.remove(lead);
                    }
                }
            }
            while (!incidents.isEmpty() && incidents.firstKey().time() <= from) {
                Incident incident = incidents.pollFirstEntry().getValue();
                restores.remove((int) Math.min(Integer.MAX_VALUE, incident.restored() - incident.began()));
                incidentSeconds -= incident.restored() - incident.began();
                straddling.add(incident);
            }
            straddling.removeIf(incident -> incident.restored() <= from);
        }

        long failedSeconds(long from) {
            long total = incidentSeconds;
            for (Incident incident : straddling) {
                total += incident.restored() - from;
            }
            return total;
        }
    }
}
