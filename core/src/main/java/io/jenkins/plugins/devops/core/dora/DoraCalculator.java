package io.jenkins.plugins.devops.core.dora;

import io.jenkins.plugins.devops.core.deploy.DeploymentKind;
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
 * summary.overall().figures().leadTime(); // Optional[PT42M]
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
        List<ScopedTally> tallies = new ArrayList<>();
        for (int s = 0; s < bySeries.length; s++) {
            int[] entries = bySeries[s];
            if (entries.length == 0 || index.finishedEpochSecond(entries[0]) > end) {
                continue;
            }
            SeriesTally tally = tally(index, entries, start, end);
            tally.sort();
            tallies.add(new ScopedTally(index.series(s), tally));
        }
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

    /** One pass over one series, in time order, up to the end of the window. */
    private SeriesTally tally(LedgerIndex index, int[] entries, long start, long end) {
        SeriesTally tally = new SeriesTally();
        int first = firstAfter(index, entries, start);
        int last = firstAfter(index, entries, end); // exclusive
        // The state at the start of the window needs the failures just before it: walk back to the last success.
        int from = first;
        while (from > 0 && !restoresService(index, entries, from - 1, last)) {
            from--;
        }
        long failingSince = -1;
        long firstDay = Math.floorDiv(start, 86_400);
        long rollbackLimit = settings.rollbackCountsWithin().toSeconds();
        long supersedeLimit = settings.supersededCountsWithin().toSeconds();
        for (int p = from; p < last; p++) {
            int e = entries[p];
            long finished = index.finishedEpochSecond(e);
            boolean inWindow = p >= first;
            Outcome outcome = index.outcome(e);
            boolean deploy = index.kind(e) == DeploymentKind.DEPLOY;
            boolean failure = deploy && isChangeFailure(index, entries, p, last, rollbackLimit, supersedeLimit);
            if (outcome == Outcome.SUCCEEDED && failingSince >= 0) {
                // The service is good again: a successful deployment or rollback ends the failed state.
                closeIncident(tally, failingSince, finished, start);
                failingSince = -1;
            }
            if (deploy && inWindow) {
                tally.deployments++;
                if (failure) {
                    tally.changeFailures++;
                }
                if (outcome == Outcome.SUCCEEDED) {
                    tally.successes++;
                    tally.days.set((int) (Math.floorDiv(finished, 86_400) - firstDay));
                    for (int c = 0; c < index.leadCount(e); c++) {
                        int lead = index.lead(e, c);
                        if (lead > 0) {
                            tally.lead(lead);
                        }
                    }
                }
            }
            if (failure) {
                if (outcome == Outcome.FAILED_ROLLED_BACK || outcome == Outcome.ABORTED) {
                    // The engine restored the previous version itself: failed from start to finish.
                    long began = index.startedEpochSecond(e);
                    if (failingSince < 0) {
                        closeIncident(tally, began, finished, start);
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

    private boolean restoresService(LedgerIndex index, int[] entries, int p, int last) {
        int e = entries[p];
        return index.outcome(e) == Outcome.SUCCEEDED
                && !(index.kind(e) == DeploymentKind.DEPLOY
                        && isChangeFailure(
                                index,
                                entries,
                                p,
                                last,
                                settings.rollbackCountsWithin().toSeconds(),
                                settings.supersededCountsWithin().toSeconds()));
    }

    /** A deployment is a change failure if it failed, or the next entry rolls it back or fixes it soon enough. */
    private static boolean isChangeFailure(
            LedgerIndex index, int[] entries, int p, int last, long rollbackLimit, long supersedeLimit) {
        int e = entries[p];
        if (index.outcome(e) != Outcome.SUCCEEDED) {
            return true;
        }
        if (p + 1 >= last) {
            return false;
        }
        int next = entries[p + 1];
        long gap = index.finishedEpochSecond(next) - index.finishedEpochSecond(e);
        if (index.kind(next) == DeploymentKind.ROLLBACK) {
            return gap <= rollbackLimit;
        }
        return supersedeLimit > 0 && gap <= supersedeLimit;
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
