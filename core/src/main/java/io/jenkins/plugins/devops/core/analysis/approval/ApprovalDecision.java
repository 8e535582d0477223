package io.jenkins.plugins.devops.core.analysis.approval;

/**
 * The answer to an {@link ApprovalRequest}.
 *
 * @param approved whether the deployment may go on
 * @param decidedBy who decided (user id), or {@code timeout} when nobody did in time
 * @param comment an optional comment
 */
public record ApprovalDecision(boolean approved, String decidedBy, String comment) {
    public ApprovalDecision {
        decidedBy = decidedBy == null ? "" : decidedBy;
        comment = comment == null ? "" : comment;
    }

    public static ApprovalDecision approved(String by, String comment) {
        return new ApprovalDecision(true, by, comment);
    }

    public static ApprovalDecision rejected(String by, String comment) {
        return new ApprovalDecision(false, by, comment);
    }
}
