package io.jenkins.plugins.devops.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * An asynchronous step execution whose work runs on a {@link BackgroundWork} thread: {@link #start()} only hands
 * the work over and returns, {@link #onResume()} hands it over again after a controller restart (the subclass
 * keeps, in serializable fields, what it needs to continue), and {@link #stop(Throwable)} interrupts the thread,
 * which the core engine answers by rolling back.
 */
abstract class LongRunningExecution extends StepExecution {
    private static final long serialVersionUID = 1L;

    private transient Thread worker;
    private transient Throwable stopCause;
    private transient volatile String status;

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
                Throwable cause = stopCause();
                getContext().onFailure(cause != null ? cause : t);
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
    protected Throwable stopCause() {
        synchronized (this) {
            return stopCause;
        }
    }

    @Override
    public String getStatus() {
        String line = status;
        return line == null ? "waiting for a background thread" : line;
    }

    protected void setStatus(String line) {
        status = line;
    }

    private boolean attach() {
        synchronized (this) {
            if (stopCause != null) {
                return false; // stopped before the work began; stop() already failed the step
            }
            worker = Thread.currentThread();
            return true;
        }
    }

    private void detach() {
        synchronized (this) {
            worker = null;
        }
        Thread.interrupted(); // do not leak an interrupt into the next task of the pool thread
    }
}
