package io.jenkins.plugins.devops.credentials;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.ListBoxModel;
import java.util.List;
import jenkins.authentication.tokens.api.AuthenticationTokens;
import org.jenkinsci.plugins.kubernetes.auth.KubernetesAuth;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.springframework.security.core.Authentication;

/**
 * Fills the credential drop-downs. Callers check permissions first (see the {@code doFill} methods); this class
 * only lists, and lists ids and names, never secrets.
 */
public final class CredentialsListing {
    private CredentialsListing() {}

    /** Credentials that can reach a cluster: kubeconfig files or text, tokens, anything kubernetes-credentials converts. */
    public static ListBoxModel clusterCredentials(@CheckForNull Item context, @CheckForNull String current) {
        return list(
                context,
                current,
                CredentialsMatchers.anyOf(
                        CredentialsMatchers.instanceOf(FileCredentials.class),
                        CredentialsMatchers.instanceOf(StringCredentials.class),
                        AuthenticationTokens.matcher(KubernetesAuth.class)));
    }

    /** Secret texts (webhook HMAC secrets, bearer tokens). */
    public static ListBoxModel secretTexts(@CheckForNull Item context, @CheckForNull String current) {
        return list(context, current, CredentialsMatchers.instanceOf(StringCredentials.class));
    }

    /** Secret texts (bearer) and username/password (basic) credentials for metric providers. */
    public static ListBoxModel httpAuthCredentials(@CheckForNull Item context, @CheckForNull String current) {
        return list(
                context,
                current,
                CredentialsMatchers.anyOf(
                        CredentialsMatchers.instanceOf(StringCredentials.class),
                        CredentialsMatchers.instanceOf(StandardUsernamePasswordCredentials.class)));
    }

    /** The model with only the current value, for callers without permission to see the others. */
    public static ListBoxModel currentOnly(@CheckForNull String current) {
        return new StandardListBoxModel().includeCurrentValue(current == null ? "" : current);
    }

    private static ListBoxModel list(
            @CheckForNull Item context, @CheckForNull String current, CredentialsMatcher matcher) {
        return new StandardListBoxModel()
                .includeEmptyValue()
                .includeMatchingAs(authenticationFor(context), context, StandardCredentials.class, List.of(), matcher)
                .includeCurrentValue(current == null ? "" : current);
    }

    private static Authentication authenticationFor(@CheckForNull Item context) {
        if (context instanceof Queue.Task task) {
            return Tasks.getAuthenticationOf2(task);
        }
        return ACL.SYSTEM2;
    }
}
