package io.jenkins.plugins.devops.core.kube;

/** Another deployment of the same service and environment holds the lease. */
public class LeaseHeldException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LeaseHeldException(String message) {
        super(message);
    }
}
