package io.jenkins.plugins.devops.model;

import edu.hm.hafner.echarts.LineSeries;
import edu.hm.hafner.echarts.LinesChartModel;
import edu.hm.hafner.echarts.Palette;
import io.jenkins.plugins.devops.core.dora.DoraFigures;
import io.jenkins.plugins.devops.core.dora.DoraReport;
import io.jenkins.plugins.devops.core.dora.DoraSummary;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Weekly trend of a service's DORA figures (deployments, median lead time for changes, change failure rate, median
 * failed deployment recovery time, deployment rework rate) for an echarts line chart: one core calculation per week
 * over the ledger index.
 */
final class DoraTrend {
    static final int WEEKS = 12;

    private DoraTrend() {}

    static LinesChartModel model(DoraQuery query, String service, String environment, Instant now) throws IOException {
        List<String> labels = new ArrayList<>();
        LineSeries deployments = series("Deployments", 0);
        LineSeries leadTime = series("Lead time for changes (h)", 1);
        LineSeries failureRate = series("Change failure rate (%)", 2);
        LineSeries restore = series("Failed deployment recovery time (h)", 3);
        LineSeries rework = series("Deployment rework rate (%)", 4);
        for (int week = WEEKS - 1; week >= 0; week--) {
            Instant end = now.minus(Duration.ofDays(7L * week));
            DoraSummary summary = query.summary(7, end);
            Optional<DoraFigures> figures =
                    DoraQuery.find(summary, service, environment).map(DoraReport::figures);
            labels.add(LocalDate.ofInstant(end, ZoneOffset.UTC).toString());
            deployments.add(figures.map(DoraFigures::deployments).orElse(0));
            leadTime.add(hours(figures.flatMap(DoraFigures::leadTimeForChanges)));
            failureRate.add(
                    figures.map(f -> (int) Math.round(f.changeFailureRate().orElse(0) * 100))
                            .orElse(0));
            restore.add(hours(figures.flatMap(DoraFigures::failedDeploymentRecoveryTime)));
            rework.add(
                    figures.map(f -> (int) Math.round(f.deploymentReworkRate().orElse(0) * 100))
                            .orElse(0));
        }
        LinesChartModel model = new LinesChartModel();
        model.setDomainAxisLabels(labels);
        model.setDomainAxisItemName("Week ending");
        model.addSeries(deployments, leadTime, failureRate, restore, rework);
        return model;
    }

    private static LineSeries series(String name, int color) {
        return new LineSeries(
                name,
                Palette.color(color).getNormal(),
                LineSeries.StackedMode.SEPARATE_LINES,
                LineSeries.FilledMode.LINES);
    }

    private static int hours(Optional<Duration> duration) {
        return duration.map(d -> (int) Math.round(d.toMinutes() / 60.0)).orElse(0);
    }
}
