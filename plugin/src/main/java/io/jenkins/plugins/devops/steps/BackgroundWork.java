package io.jenkins.plugins.devops.steps;

import hudson.util.DaemonThreadFactory;
import hudson.util.NamingThreadFactory;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The threads long-running steps work on, so the Pipeline (CPS VM) thread never waits for a cluster. Deployments
 * take minutes, so they get their own pool rather than Jenkins's shared timer threads.
 */
final class BackgroundWork {
    private static final ExecutorService POOL =
            Executors.newCachedThreadPool(new NamingThreadFactory(new DaemonThreadFactory(), "DevOps Orchestrator"));

    private BackgroundWork() {}

    /**
     * Runs {@code work} on a pool thread whose context class loader is this plugin's. Core needs no context class
     * loader (docs/architecture.md, "Class loading"), but fabric8 looks some classes up through it before its own
     * (the client implementation, list types, extension adapters); with Jenkins's uber class loader there, a copy
     * bundled by another plugin could win.
     */
    static void submit(Runnable work) {
        ClassLoader pluginLoader = BackgroundWork.class.getClassLoader();
        POOL.execute(() -> {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(pluginLoader);
            try {
                work.run();
            } finally {
                thread.setContextClassLoader(previous);
            }
        });
    }
}
