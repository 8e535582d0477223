package io.jenkins.plugins.devops.model;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.init.Terminator;
import io.jenkins.plugins.devops.config.DevopsConfiguration;
import io.jenkins.plugins.devops.core.ledger.DeploymentLedger;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Keeps the controller's one open {@link DeploymentLedger} (one writer per ledger), reopening it when the configured
 * location changes. The ledger lives under JENKINS_HOME unless configured elsewhere.
 */
@Extension
public class LedgerStore {
    private DeploymentLedger ledger;
    private Path openedAt;

    /** The singleton instance. */
    public static LedgerStore get() {
        return ExtensionList.lookupSingleton(LedgerStore.class);
    }

    /** The ledger at the configured location, opened on first use. */
    public synchronized DeploymentLedger ledger() throws IOException {
        Path wanted = DevopsConfiguration.get().ledgerPath().resolve("ledger");
        if (ledger == null || !wanted.equals(openedAt)) {
            if (ledger != null) {
                ledger.close();
            }
            ledger = DeploymentLedger.open(wanted);
            openedAt = wanted;
        }
        return ledger;
    }

    /** Closes the ledger when Jenkins shuts down, so the next start (or another tool) finds it consistent. */
    @Terminator
    public static void closeAtShutdown() throws IOException {
        LedgerStore store = ExtensionList.lookup(LedgerStore.class).get(LedgerStore.class);
        if (store != null) {
            store.close();
        }
    }

    synchronized void close() throws IOException {
        if (ledger != null) {
            ledger.close();
            ledger = null;
            openedAt = null;
        }
    }
}
