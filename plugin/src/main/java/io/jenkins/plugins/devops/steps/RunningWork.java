package io.jenkins.plugins.devops.steps;

import hudson.init.Terminator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The deployments and rollbacks running on this controller's background threads. When Jenkins shuts down they are
 * cut off (not rolled back), and their steps resume after the restart from the state they saved.
 */
public final class RunningWork {
    private static final Set<LongRunningExecution> RUNNING = ConcurrentHashMap.newKeySet();

    private RunningWork() {}

    static void add(LongRunningExecution execution) {
        RUNNING.add(execution);
    }

    static void remove(LongRunningExecution execution) {
        RUNNING.remove(execution);
    }

    /** How many are running now. */
    public static int count() {
        return RUNNING.size();
    }

    @Terminator
    public static void cutOffAtShutdown() {
        for (LongRunningExecution execution : RUNNING) {
            execution.cutOff();
        }
        RUNNING.clear();
    }
}
