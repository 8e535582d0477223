package io.jenkins.plugins.devops.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.devops.core.context.ContextFile;
import io.jenkins.plugins.devops.core.context.StepContext;
import io.jenkins.plugins.devops.core.context.WorkspaceContextWriter;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Updates {@code ai-state/active/devops/} in the build's workspace after a step (pipelines, infrastructure,
 * monitoring and the task file of this build), with core's {@link WorkspaceContextWriter}. The workspace may be on
 * an agent, so the files are merged in a controller temp directory and copied back. The context is derived data:
 * a failure to write it is logged, never fails the build.
 */
public final class WorkspaceContextRecorder {
    private static final String FILES = "**/*.json";

    private WorkspaceContextRecorder() {}

    /** The builder every step starts from: job, build number and the build's result so far. */
    public static StepContext.Builder contextOf(Run<?, ?> run) {
        Result result = run.getResult();
        return StepContext.builder(run.getParent().getFullName(), run.getNumber())
                .buildResult(result == null ? null : result.toString())
                .stages(PipelineStages.of(run));
    }

    /** Merges {@code context} into the workspace's context files; does nothing without a workspace. */
    public static void write(@CheckForNull FilePath workspace, StepContext context, TaskListener listener)
            throws InterruptedException {
        if (workspace == null) {
            return; // a step outside node {} has no workspace to describe
        }
        Path temporary = null;
        try {
            temporary = Files.createTempDirectory("devops-context");
            FilePath local = new FilePath(temporary.toFile()).child(ContextFile.DIRECTORY);
            FilePath remote = workspace.child(ContextFile.DIRECTORY);
            if (remote.exists()) {
                remote.copyRecursiveTo(FILES, local);
            }
            new WorkspaceContextWriter(temporary).write(context);
            local.copyRecursiveTo(FILES, remote);
            listener.getLogger()
                    .println("[devops] updated " + ContextFile.DIRECTORY + " (task " + context.taskId() + ")");
        } catch (IOException | RuntimeException e) {
            listener.getLogger().println("[devops] could not update " + ContextFile.DIRECTORY + ": " + e.getMessage());
        } finally {
            if (temporary != null) {
                deleteQuietly(temporary.toFile());
            }
        }
    }

    private static void deleteQuietly(File directory) throws InterruptedException {
        try {
            new FilePath(directory).deleteRecursive();
        } catch (IOException e) {
            // a leftover temp directory is harmless
        }
    }
}
