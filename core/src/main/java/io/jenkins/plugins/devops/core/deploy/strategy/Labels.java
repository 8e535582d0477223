package io.jenkins.plugins.devops.core.deploy.strategy;

/** Labels and annotations the engine puts on the objects it writes. */
public final class Labels {
    public static final String PREFIX = "devops.jenkins.io/";
    public static final String SERVICE = PREFIX + "service";
    public static final String ENVIRONMENT = PREFIX + "environment";
    public static final String SLOT = PREFIX + "slot";
    public static final String TRACK = PREFIX + "track";
    public static final String VERSION = PREFIX + "version";
    public static final String STRATEGY = PREFIX + "strategy";
    public static final String DEPLOYMENT_ID = PREFIX + "deployment-id";
    /** The Deployment controller's revision annotation, on Deployments and ReplicaSets. */
    public static final String REVISION = "deployment.kubernetes.io/revision";

    private Labels() {}
}
