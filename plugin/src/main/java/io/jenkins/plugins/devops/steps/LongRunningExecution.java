package io.jenkins.plugins.devops.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.FilePath;
import io.jenkins.plugins.devops.credentials.ClusterClient;
import io.jenkins.plugins.devops.model.DeploymentProgress;
import java.io.IOException;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * An asynchronous step execution whose work runs on a {@link BackgroundWork} thread: {@link #start()} only hands
 * the work over and returns, {@link #onResume()} hands it over again after a controller restart (the subclass
 * keeps, in serializable fields, what it needs to continue), and {@link #stop(Throwable)} interrupts the thread,
 * which the core engine answers by rolling back.
 *
 * <p>When the controller shuts down, running work is cut off instead: its cluster client is closed, so it can write
 * nothing more and is neither rolled back nor recorded; the step resumes from its checkpoint after the restart.
 */
abstract class LongRunningExecution extends StepExecution {
    private static final long serialVersionUID = 1L;

    private transient Thread worker;
    private transient Throwable stopCause;
    private transient volatile String status;
    private transient volatile boolean detached;
    private transient volatile ClusterClient client;

    LongRunningExecution(StepContext context) {
        super(context);
    }

    /** The work; it completes the step context itself (onSuccess/onFailure). */
    protected abstract void work() throws Exception;

    @Override
    public boolean start() {
        launch();
        return false;
    }

    @Override
    public void onResume() {
        launch();
    }

    private void launch() {
        BackgroundWork.submit(() -> {
            if (!attach()) {
                return;
            }
            try {
                work();
            } catch (Throwable t) { // the step must end whatever happens, or the build hangs
                if (!detached) {
                    Throwable cause = stopCause();
                    getContext().onFailure(cause != null ? cause : t);
                }
            } finally {
                detach();
            }
        });
    }

    @Override
    public void stop(@NonNull Throwable cause) {
        Thread running;
        synchronized (this) {
            stopCause = cause;
            running = worker;
        }
        if (running != null) {
            running.interrupt(); // the work sees the interrupt, rolls back and then fails the step with the cause
        } else {
            getContext().onFailure(cause);
        }
    }

    /** Why the step was stopped, or null while it has not been. */
    @CheckForNull
    protected synchronized Throwable stopCause() {
        return stopCause;
    }

    @Override
    public String getStatus() {
        String line = status;
        return line == null ? "waiting for a background thread" : line;
    }

    /** Progress reporting for the operation, tied to this execution's status, shutdown and checkpoints. */
    protected DeploymentProgress progress(java.util.function.Consumer<String> checkpoints) {
        return new DeploymentProgress() {
            @Override
            public void checkpoint(String stateJson) {
                checkpoints.accept(stateJson);
            }

            @Override
            public void status(String line) {
                status = line;
            }

            @Override
            public void connected(ClusterClient connected) {
                client = connected;
                if (detached) {
                    connected.close();
                }
            }

            @Override
            public boolean detached() {
                return detached;
            }
        };
    }

    private boolean attach() {
        synchronized (this) {
            if (stopCause != null) {
                return false; // stopped before the work began; stop() already failed the step
            }
            worker = Thread.currentThread();
        }
        RunningWork.add(this);
        return true;
    }

    private void detach() {
        RunningWork.remove(this);
        synchronized (this) {
            worker = null;
        }
        client = null;
        Thread.interrupted(); // do not leak an interrupt into the next task of the pool thread
    }

    /** The workspace when the step runs inside {@code node}, otherwise (or if its agent is gone) null. */
    @CheckForNull
    static FilePath workspaceOrNull(StepContext context) throws InterruptedException {
        try {
            return context.get(FilePath.class);
        } catch (IOException e) {
            return null;
        }
    }

    /** Cuts off this step's work: the controller is going away, a restart resumes it. */
    void cutOff() {
        detached = true;
        ClusterClient current = client;
        if (current != null) {
            current.close(); // first, so that the engine cannot write anything (not even a rollback)
        }
        Thread running;
        synchronized (this) {
            running = worker;
        }
        if (running != null) {
            running.interrupt();
        }
    }
}
