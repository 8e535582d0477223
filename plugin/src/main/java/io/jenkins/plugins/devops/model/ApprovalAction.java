package io.jenkins.plugins.devops.model;

import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Run;
import hudson.model.User;
import io.jenkins.plugins.devops.core.analysis.approval.ApprovalDecision;
import io.jenkins.plugins.devops.core.analysis.approval.ApprovalRequest;
import io.jenkins.plugins.util.JenkinsFacade;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jenkins.model.Jenkins;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;
import org.kohsuke.stapler.verb.POST;
import org.springframework.security.core.GrantedAuthority;

/**
 * A deployment waiting for a person, like Pipeline's {@code input}: the build page shows Approve / Reject, and only
 * the configured approvers (user ids or groups; anyone allowed to build the job when none are configured) may
 * answer. The deployment thread waits in {@link #await(Duration)}.
 */
@ExportedBean(defaultVisibility = 2)
public class ApprovalAction implements RunAction2 {
    /** Where the approval stands. */
    public enum State {
        PENDING,
        APPROVED,
        REJECTED,
        /** Nobody answered in time, the deployment was aborted, or the controller restarted meanwhile. */
        EXPIRED
    }

    private final String id;
    private final String message;
    private final String service;
    private final String environment;
    private final String revision;
    private final ArrayList<String> approvers;
    private State state = State.PENDING;
    private String decidedBy = "";
    private String comment = "";

    private transient Run<?, ?> owner;
    private transient CompletableFuture<ApprovalDecision> decision = new CompletableFuture<>();
    private transient JenkinsFacade jenkins = new JenkinsFacade();

    public ApprovalAction(ApprovalRequest request) {
        this.id = request.id().replaceAll("[^A-Za-z0-9._-]", "_");
        this.message = request.message();
        this.service = request.service();
        this.environment = request.environment();
        this.revision = request.revision();
        this.approvers = new ArrayList<>(request.approvers());
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        owner = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        owner = r;
        decision = new CompletableFuture<>();
        jenkins = new JenkinsFacade();
        // Nobody is waiting any more: a resumed deployment asks again with a new action.
        settle(State.EXPIRED, "", "the controller restarted while waiting");
    }

    /** Blocks until someone decides; a timeout counts as rejection, an interrupt (abort) propagates. */
    public ApprovalDecision await(Duration timeout) throws InterruptedException {
        try {
            return decision.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            String note = "nobody approved within " + timeout.toMinutes() + " minutes";
            settle(State.EXPIRED, "timeout", note);
            return ApprovalDecision.rejected("timeout", note);
        } catch (ExecutionException e) {
            throw new IllegalStateException("approval failed", e.getCause());
        } finally {
            settle(State.EXPIRED, "", "the deployment stopped waiting"); // no-op once decided
        }
    }

    @POST
    public HttpResponse doApprove(@QueryParameter String comment) {
        decide(true, comment);
        return HttpResponses.redirectTo("..");
    }

    @POST
    public HttpResponse doReject(@QueryParameter String comment) {
        decide(false, comment);
        return HttpResponses.redirectTo("..");
    }

    private void decide(boolean approved, String text) {
        if (owner == null) {
            throw HttpResponses.notFound();
        }
        Job<?, ?> job = owner.getParent();
        if (!jenkins.hasPermission(Item.BUILD, job) || !isApprover()) {
            throw HttpResponses.forbidden();
        }
        User user = User.current();
        String by = user == null ? "anonymous" : user.getId();
        String note = text == null ? "" : text.trim();
        if (settle(approved ? State.APPROVED : State.REJECTED, by, note)) {
            decision.complete(approved ? ApprovalDecision.approved(by, note) : ApprovalDecision.rejected(by, note));
        }
    }

    /** Whether the current user is one of the approvers (by id or group); true when no approvers are set. */
    public boolean isApprover() {
        if (approvers.isEmpty()) {
            return true;
        }
        User user = User.current();
        if (user != null && approvers.stream().anyMatch(a -> a.equalsIgnoreCase(user.getId()))) {
            return true;
        }
        for (GrantedAuthority authority : Jenkins.getAuthentication2().getAuthorities()) {
            if (approvers.contains(authority.getAuthority())) {
                return true;
            }
        }
        return false;
    }

    private synchronized boolean settle(State newState, String by, String note) {
        if (state != State.PENDING) {
            return false;
        }
        state = newState;
        decidedBy = by;
        comment = note;
        return true;
    }

    @Override
    public String getIconFileName() {
        return getState() == State.PENDING ? "symbol-hourglass" : null;
    }

    @Override
    public String getDisplayName() {
        return "Approve " + service + " → " + environment;
    }

    @Override
    public String getUrlName() {
        return id.startsWith("devops-approval-") ? id : "devops-approval-" + id;
    }

    public Run<?, ?> getOwner() {
        return owner;
    }

    @Exported
    public String getId() {
        return id;
    }

    @Exported
    public String getMessage() {
        return message;
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
    public String getRevision() {
        return revision;
    }

    @Exported
    public List<String> getApprovers() {
        return List.copyOf(approvers);
    }

    @Exported
    public synchronized State getState() {
        return state;
    }

    @Exported
    public synchronized String getDecidedBy() {
        return decidedBy;
    }

    @Exported
    public synchronized String getComment() {
        return comment;
    }
}
