package io.jenkins.plugins.devops.core.dora;

import io.jenkins.plugins.devops.core.deploy.Outcome;
import io.jenkins.plugins.devops.core.ledger.LedgerIndex;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Computes the DORA figures of every service, environment and overall for the window that ends at a given time.
 * The exact definitions are in {@code docs/dora.md}.
 *
 * <pre>{@code
 * DoraSummary summary = new DoraCalculator(DoraSettings.defaults()).calculate(ledger.index(), Instant.now());
 * summary.overall().figures().leadTimeForChanges(); // Optional[PT42M]
 * }</pre>
 *
 * <p>Only entries finished at or before the end of the window are looked at, so a report for a past window is the
 * same whenever it is computed. For figures kept up to date on every append, see {@link RollingDora}.
 */
public final class DoraCalculator {
    private final DoraSettings settings;
    private final AvailabilitySource availability;

    public DoraCalculator(DoraSettings settings) {
        this(settings, AvailabilitySource.FROM_LEDGER);
    }

    /** With availability from elsewhere (Prometheus) instead of the time spent in a failed state. */
    public DoraCalculator(DoraSettings settings, AvailabilitySource availability) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.availability = Objects.requireNonNull(availability, "availability");
    }

    public DoraSettings settings() {
        return settings;
    }

    /** Computes every report for the window {@code (to - window, to]}. */
    public DoraSummary calculate(LedgerIndex index, Instant to) {
        long end = to.getEpochSecond();
        long start = end - settings.window().toSeconds();
        int[][] bySeries = index.entriesBySeries();
        // Series are independent: tally them on all cores (a million entries in 50 series take a fraction of the
        // half second the whole command may use).
        List<ScopedTally> tallies = java.util.stream.IntStream.range(0, bySeries.length)
                .parallel()
                .filter(s -> bySeries[s].length > 0 && index.finishedEpochSecond(bySeries[s][0]) <= end)
                .mapToObj(s -> {
                    SeriesTally tally = tally(index, bySeries[s], start, end);
                    tally.sort();
                    return new ScopedTally(index.series(s), tally);
                })
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        tallies.sort(Comparator.comparing(
                t -> t.series().service() + "/" + t.series().environment()));
        Instant from = Instant.ofEpochSecond(start);
        ReportBuilder reports = new ReportBuilder(settings, from, to);
        List<DoraReport> services = new ArrayList<>();
        Map<String, List<ScopedTally>> byEnvironment = new TreeMap<>();
        for (ScopedTally t : tallies) {
            String service = t.series().service();
            String environment = t.series().environment();
            double measured =
                    availability.availability(service, environment, from, to).orElse(Double.NaN);
            services.add(
                    reports.report(service + "/" + environment, service, environment, List.of(t.tally()), measured));
            byEnvironment.computeIfAbsent(environment, e -> new ArrayList<>()).add(t);
        }
        List<DoraReport> environments = new ArrayList<>();
        for (Map.Entry<String, List<ScopedTally>> e : byEnvironment.entrySet()) {
            environments.add(reports.report(
                    e.getKey(), "", e.getKey(), tallies(e.getValue()), aggregateAvailability(services, e.getKey())));
        }
        DoraReport overall = reports.report("overall", "", "", tallies(tallies), aggregateAvailability(services, null));
        return new DoraSummary(from, to, services, environments, overall);
    }

    /** With availability from the ledger the aggregate is computed from failed time; otherwise the mean. */
    private double aggregateAvailability(List<DoraReport> services, String environment) {
        if (availability == AvailabilitySource.FROM_LEDGER) {
            return Double.NaN;
        }
        double sum = 0;
        int n = 0;
        for (DoraReport r : services) {
            if (environment == null || r.environment().equals(environment)) {
                sum += r.figures().availability();
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private static List<SeriesTally> tallies(List<ScopedTally> scoped) {
        List<SeriesTally> list = new ArrayList<>(scoped.size());
        scoped.forEach(t -> list.add(t.tally()));
        return list;
    }

    private record ScopedTally(LedgerIndex.Series series, SeriesTally tally) {}

    /**
     * One pass over one series, in time order, up to the end of the window. Works on the raw columns: this loop
     * runs a million times in a command-line process, mostly before the JIT has compiled it.
     */
    private SeriesTally tally(LedgerIndex index, int[] entries, long start, long end) {
        LedgerIndex.Columns columns = index.columns();
        long[] fin = columns.finished();
        byte[] flags = columns.flags();
        int[] leadStart = columns.leadStart();
        int[] leads = columns.leads();
        SeriesTally tally = new SeriesTally();
        int first = firstAfter(index, entries, start);
        int last = firstAfter(index, entries, end); // exclusive
        long rollbackLimit = settings.rollbackCountsWithin().toSeconds();
        long supersedeLimit = settings.supersededCountsWithin().toSeconds();
        long reworkLimit = settings.reworkAfterFailureWithin().toSeconds();
        // The state at the start of the window needs the failures just before it: walk back to the last success.
        int from = first;
        while (from > 0 && !restoresService(fin, flags, entries, from - 1, last, rollbackLimit, supersedeLimit)) {
            from--;
        }
        long failingSince = -1;
        long firstDay = Math.floorDiv(start, 86_400);
        for (int p = from; p < last; p++) {
            int e = entries[p];
            long finished = fin[e];
            int flag = flags[e];
            boolean succeeded = (flag & LedgerIndex.Columns.OUTCOME_MASK) == SUCCEEDED;
            boolean deploy = (flag & LedgerIndex.Columns.ROLLBACK_BIT) == 0;
            boolean failure = deploy
                    && (!succeeded || isChangeFailure(fin, flags, entries, p, last, rollbackLimit, supersedeLimit));
            if (succeeded && failingSince >= 0) {
                // The service is good again: a successful deployment or rollback ends the failed state.
                closeIncident(tally, failingSince, finished, start);
                failingSince = -1;
            }
            if (deploy && p >= first) {
                tally.deployments++;
                if (failure) {
                    tally.changeFailures++;
                }
                if ((flag & LedgerIndex.Columns.REWORK_BIT) != 0) {
                    tally.reworkDeclared++;
                } else if (p > 0 && followsFailure(fin, flags, entries[p - 1], finished, reworkLimit)) {
                    tally.reworkAfterFailure++;
                }
                if (succeeded) {
                    tally.successes++;
                    tally.days.set((int) (Math.floorDiv(finished, 86_400) - firstDay));
                    for (int c = leadStart[e], to = leadStart[e + 1]; c < to; c++) {
                        if (leads[c] > 0) {
                            tally.lead(leads[c]);
                        }
                    }
                }
            }
            if (failure) {
                int outcome = flag & LedgerIndex.Columns.OUTCOME_MASK;
                if (outcome == FAILED_ROLLED_BACK || outcome == ABORTED) {
                    // The engine restored the previous version itself: failed from start to finish.
                    if (failingSince < 0) {
                        closeIncident(tally, finished - columns.duration()[e], finished, start);
                    }
                } else if (failingSince < 0) {
                    failingSince = finished;
                }
            }
        }
        if (failingSince >= 0) {
            tally.openFailures++;
            tally.failedSeconds += end - Math.max(failingSince, start);
        }
        return tally;
    }

    private static void closeIncident(SeriesTally tally, long began, long restored, long windowStart) {
        if (restored <= windowStart) {
            return;
        }
        tally.failedSeconds += restored - Math.max(began, windowStart);
        if (began > windowStart) {
            tally.restore(restored - began);
        }
    }

    private static final int SUCCEEDED = Outcome.SUCCEEDED.ordinal();
    private static final int FAILED_ROLLED_BACK = Outcome.FAILED_ROLLED_BACK.ordinal();
    private static final int ABORTED = Outcome.ABORTED.ordinal();

    private static boolean restoresService(
            long[] fin, byte[] flags, int[] entries, int p, int last, long rollbackLimit, long supersedeLimit) {
        int flag = flags[entries[p]];
        if ((flag & LedgerIndex.Columns.OUTCOME_MASK) != SUCCEEDED) {
            return false;
        }
        return (flag & LedgerIndex.Columns.ROLLBACK_BIT) != 0
                || !isChangeFailure(fin, flags, entries, p, last, rollbackLimit, supersedeLimit);
    }

    /**
     * For a successful deployment at position {@code p}: does the next entry roll it back, or fix it, soon enough to
     * make it a change failure?
     */
    private static boolean isChangeFailure(
            long[] fin, byte[] flags, int[] entries, int p, int last, long rollbackLimit, long supersedeLimit) {
        if (p + 1 >= last) {
            return false;
        }
        int next = entries[p + 1];
        long gap = fin[next] - fin[entries[p]];
        if ((flags[next] & LedgerIndex.Columns.ROLLBACK_BIT) != 0) {
            return gap <= rollbackLimit;
        }
        return supersedeLimit > 0 && gap <= supersedeLimit;
    }

    /**
     * Deployment rework by the second rule: the entry just before it (same service and environment) is a deployment
     * that did not succeed or a rollback, finished at most {@code limit} seconds earlier.
     */
    static boolean followsFailure(long[] fin, byte[] flags, int previous, long finished, long limit) {
        int flag = flags[previous];
        boolean bad = (flag & LedgerIndex.Columns.ROLLBACK_BIT) != 0
                || (flag & LedgerIndex.Columns.OUTCOME_MASK) != SUCCEEDED;
        return bad && limit > 0 && finished - fin[previous] <= limit;
    }

    private static int firstAfter(LedgerIndex index, int[] entries, long time) {
        int lo = 0;
        int hi = entries.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (index.finishedEpochSecond(entries[mid]) <= time) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
