package io.jenkins.plugins.devops.model;

import io.jenkins.plugins.devops.credentials.ClusterConnection;
import java.io.Serializable;

/**
 * What a rollback was asked for, shared by the {@code devopsRollback} step and the freestyle builder.
 *
 * @see RollbackOperation
 */
public final class RollbackSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String service;
    private final String environment;
    private final String namespace;
    private final String revision;
    private final ClusterConnection connection;
    private final boolean markUnstable;

    /**
     * @param revision a version or Deployment revision number; empty for the revision before the current one
     */
    public RollbackSettings(
            String service,
            String environment,
            String namespace,
            String revision,
            ClusterConnection connection,
            boolean markUnstable) {
        this.service = service;
        this.environment = environment;
        this.namespace = namespace == null ? "" : namespace.trim();
        this.revision = revision == null ? "" : revision.trim();
        this.connection = connection;
        this.markUnstable = markUnstable;
    }

    public String service() {
        return service;
    }

    public String environment() {
        return environment;
    }

    public String namespace() {
        return namespace;
    }

    public String revision() {
        return revision;
    }

    public ClusterConnection connection() {
        return connection;
    }

    public boolean markUnstable() {
        return markUnstable;
    }
}
