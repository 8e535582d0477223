package io.jenkins.plugins.devops.core.deploy.strategy;

import io.jenkins.plugins.devops.core.deploy.ClusterView;
import io.jenkins.plugins.devops.core.deploy.DeploymentPlan;
import io.jenkins.plugins.devops.core.deploy.DeploymentRequest;
import io.jenkins.plugins.devops.core.deploy.StrategySettings;

/**
 * Turns a request and the cluster's state into phases. Pure: reads only through the {@link ClusterView}, writes
 * nothing, and gives the same plan for the same inputs (which is what makes {@code resume} work).
 */
public interface DeploymentStrategy {
    DeploymentPlan plan(DeploymentRequest request, String deploymentId, ClusterView cluster);

    /** The strategy for the request's settings. */
    static DeploymentStrategy of(StrategySettings settings) {
        return switch (settings.name()) {
            case StrategySettings.RECREATE -> new InPlaceStrategy(false);
            case StrategySettings.BLUE_GREEN -> new BlueGreenStrategy();
            case StrategySettings.CANARY -> settings.usesHttpRoute()
                    ? new RoutedCanaryStrategy()
                    : new CanaryStrategy();
            default -> new InPlaceStrategy(true);
        };
    }
}
