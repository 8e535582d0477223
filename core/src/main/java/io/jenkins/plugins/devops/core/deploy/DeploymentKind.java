package io.jenkins.plugins.devops.core.deploy;

/** Whether a record is a forward deployment or a manual rollback. */
public enum DeploymentKind {
    DEPLOY,
    ROLLBACK
}
