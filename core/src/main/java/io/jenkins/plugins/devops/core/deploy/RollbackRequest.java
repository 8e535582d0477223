package io.jenkins.plugins.devops.core.deploy;

/**
 * A manual rollback: restore the previous good revision of a service in an environment.
 *
 * <pre>{@code
 * new RollbackRequest("shop", "prod", "shop", null, "alice");      // the revision before the current one
 * new RollbackRequest("shop", "prod", "shop", "1.4.1", "alice");   // a version (or Deployment revision number)
 * }</pre>
 *
 * @param service the service
 * @param environment the environment
 * @param namespace the Kubernetes namespace
 * @param revision a Deployment revision number ({@code 3}) or a version ({@code 1.4.1}); null or empty for the
 *     revision before the current one
 * @param triggeredBy who asked for it
 */
public record RollbackRequest(
        String service, String environment, String namespace, String revision, String triggeredBy) {
    public RollbackRequest {
        service = Names.requireDnsLabel("service", service);
        environment = Names.requireDnsLabel("environment", environment);
        namespace = Names.requireDnsLabel("namespace", namespace);
        revision = revision == null ? "" : revision.trim();
        triggeredBy = triggeredBy == null ? "" : triggeredBy;
    }
}
