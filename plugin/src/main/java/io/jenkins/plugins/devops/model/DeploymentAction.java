package io.jenkins.plugins.devops.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Api;
import hudson.model.Run;
import io.jenkins.plugins.devops.core.deploy.DeploymentRecord;
import java.io.IOException;
import java.lang.ref.SoftReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * One deployment or rollback made by a build: a summary row on the build page, its own page with the phase
 * timeline, traffic weights, gate measurements and verdicts, and an entry in the build's {@code api/json}.
 * build.xml keeps only the summary fields; the full {@link DeploymentRecord} is read on demand from
 * {@code devops-orchestrator/deployment-<id>.json} in the build directory.
 */
@ExportedBean(defaultVisibility = 2)
public class DeploymentAction implements RunAction2 {
    private static final Logger LOGGER = Logger.getLogger(DeploymentAction.class.getName());
    static final String FOLDER = "devops-orchestrator";

    private final String deploymentId;
    private final String kind;
    private final String service;
    private final String environment;
    private final String namespace;
    private final String strategy;
    private final String outcome;
    private final String version;
    private final String previousVersion;
    private final long startedAt;
    private final long durationMillis;
    private final String failureReason;
    private final ArrayList<Integer> weights;
    private final ArrayList<String> eventsSent;
    private final String connection;

    private transient Run<?, ?> owner;
    private transient SoftReference<DeploymentRecord> cache;

    /** Writes the full record next to the build and keeps the summary; call before {@code run.addAction}. */
    public static DeploymentAction create(
            Run<?, ?> run, DeploymentRecord record, List<String> eventsSent, String connection) throws IOException {
        RecordFile.write(file(run, record.deploymentId()), record);
        return new DeploymentAction(record, eventsSent, connection);
    }

    DeploymentAction(DeploymentRecord record, List<String> eventsSent, String connection) {
        this.deploymentId = record.deploymentId();
        this.kind = record.kind().name().toLowerCase(Locale.ROOT);
        this.service = record.service();
        this.environment = record.environment();
        this.namespace = record.namespace();
        this.strategy = record.strategy();
        this.outcome = record.outcome().name();
        this.version = record.version();
        this.previousVersion = record.previousVersion();
        this.startedAt = record.startedAt().toEpochMilli();
        this.durationMillis = record.duration().toMillis();
        this.failureReason = record.failureReason();
        this.weights = DeploymentResults.weights(record);
        this.eventsSent = new ArrayList<>(eventsSent);
        this.connection = connection;
        this.cache = new SoftReference<>(record);
    }

    private static Path file(Run<?, ?> run, String deploymentId) {
        return run.getRootDir().toPath().resolve(FOLDER).resolve("deployment-" + safe(deploymentId) + ".json");
    }

    private static String safe(String id) {
        return id.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        owner = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        owner = r;
    }

    public Run<?, ?> getOwner() {
        return owner;
    }

    @Override
    public String getIconFileName() {
        return "symbol-cloud";
    }

    @Override
    public String getDisplayName() {
        return ("rollback".equals(kind) ? "Rollback " : "Deployment ") + service + " → " + environment;
    }

    @Override
    public String getUrlName() {
        return "devops-" + kind + "-" + safe(deploymentId);
    }

    /** The REST API of this page: {@code .../devops-deployment-<id>/api/json}. */
    public Api getApi() {
        return new Api(this);
    }

    /**
     * The full record (phases, gate results with measurements, events), read from the build directory when not
     * in memory; null if the file is gone.
     */
    @CheckForNull
    public DeploymentRecord getRecord() {
        DeploymentRecord record = cache == null ? null : cache.get();
        if (record == null && owner != null) {
            try {
                record = RecordFile.read(file(owner, deploymentId));
                cache = new SoftReference<>(record);
            } catch (IOException e) {
                LOGGER.log(Level.WARNING, "Cannot read deployment record " + deploymentId + " of " + owner, e);
            }
        }
        return record;
    }

    @Exported
    public String getDeploymentId() {
        return deploymentId;
    }

    @Exported
    public String getKind() {
        return kind;
    }

    @Exported
    public String getService() {
        return service;
    }

    @Exported
    public String getEnvironment() {
        return environment;
    }

    @Exported
    public String getNamespace() {
        return namespace;
    }

    @Exported
    public String getStrategy() {
        return strategy;
    }

    @Exported
    public String getOutcome() {
        return outcome;
    }

    public boolean isSuccess() {
        return "SUCCEEDED".equals(outcome);
    }

    @Exported
    public String getVersion() {
        return version;
    }

    @Exported
    public String getPreviousVersion() {
        return previousVersion;
    }

    @Exported
    public long getStartedAt() {
        return startedAt;
    }

    @Exported
    public long getDurationMillis() {
        return durationMillis;
    }

    /** Whole seconds for the page (a division in Jelly gives a fraction like 12.345). */
    public long getDurationSeconds() {
        return Math.round(durationMillis / 1000.0);
    }

    @Exported
    public String getFailureReason() {
        return failureReason;
    }

    @Exported
    public List<Integer> getWeights() {
        return List.copyOf(weights);
    }

    /** The credentials id (or {@code cloud:<name>}) the deployment connected with; never a secret. */
    @Exported
    public String getConnection() {
        return connection == null ? "" : connection;
    }

    /** Which events went to the outbox for delivery (event types and ids, never payloads). */
    @Exported
    public List<String> getEventsSent() {
        return List.copyOf(eventsSent);
    }

    /** The gate verdicts with their reasons, for api/json. */
    @Exported(visibility = 3)
    public List<GateVerdict> getVerdicts() {
        DeploymentRecord record = getRecord();
        return record == null ? List.of() : GateVerdict.of(record);
    }
}
