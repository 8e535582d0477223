package io.jenkins.plugins.devops.core.analysis.approval;

/**
 * Asks a person for approval. The Jenkins plugin implements it with its {@code input} mechanism; the CLI may ask
 * on the terminal. Implementations block until someone decides or {@link ApprovalRequest#timeout()} passes and
 * must throw {@link InterruptedException} when the deployment is aborted.
 *
 * <pre>{@code
 * Approver jenkinsInput = (request, progress) -> {
 *     progress.update("waiting for approval: " + request.message());
 *     return askInputStep(request);          // plugin side
 * };
 * }</pre>
 */
@FunctionalInterface
public interface Approver {
    ApprovalDecision decide(ApprovalRequest request, io.jenkins.plugins.devops.core.gate.GateProgress progress)
            throws InterruptedException;
}
