package io.jenkins.plugins.devops.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import hudson.util.Secret;
import io.jenkins.plugins.devops.steps.DeployStep;
import java.util.List;
import jenkins.model.Jenkins;
import org.htmlunit.Page;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Credential lists and validations answer only to users allowed to see them, and only to POST. */
@WithJenkins
class FormPermissionTest {
    private JenkinsRule j;
    private FreeStyleProject project;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = rule;
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        project = j.createFreeStyleProject("shop");
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER)
                .everywhere()
                .to("admin")
                .grant(Jenkins.READ, Item.READ)
                .everywhere()
                .to("reader")
                .grant(Jenkins.READ, Item.READ, Item.CONFIGURE)
                .everywhere()
                .to("developer"));
        CredentialsProvider.lookupStores(j.jenkins)
                .iterator()
                .next()
                .addCredentials(
                        Domain.global(),
                        new StringCredentialsImpl(
                                CredentialsScope.GLOBAL, "prod-token", "production", Secret.fromString("t0ken")));
    }

    @Test
    void environmentCredentialsAreListedOnlyToAdministrators() {
        EnvironmentConfig.DescriptorImpl descriptor =
                j.jenkins.getDescriptorByType(EnvironmentConfig.DescriptorImpl.class);

        assertFalse(values(as("reader", () -> descriptor.doFillCredentialsIdItems("")))
                .contains("prod-token"));
        assertTrue(values(as("admin", () -> descriptor.doFillCredentialsIdItems("")))
                .contains("prod-token"));
    }

    @Test
    void readersSeeOnlyTheCurrentValue() {
        EnvironmentConfig.DescriptorImpl descriptor =
                j.jenkins.getDescriptorByType(EnvironmentConfig.DescriptorImpl.class);

        assertEquals(
                List.of("prod-token"), values(as("reader", () -> descriptor.doFillCredentialsIdItems("prod-token"))));
    }

    @Test
    void stepCredentialsNeedAccessToTheJob() {
        DeployStep.DescriptorImpl descriptor = j.jenkins.getDescriptorByType(DeployStep.DescriptorImpl.class);

        assertFalse(values(as("reader", () -> descriptor.doFillCredentialsIdItems(project, "")))
                .contains("prod-token"));
        assertTrue(values(as("developer", () -> descriptor.doFillCredentialsIdItems(project, "")))
                .contains("prod-token"));
    }

    @Test
    void validationIsSilentForUsersWhoCannotConfigure() {
        DeployStep.DescriptorImpl descriptor = j.jenkins.getDescriptorByType(DeployStep.DescriptorImpl.class);

        assertEquals(FormValidation.Kind.OK, as("reader", () -> descriptor.doCheckService(project, "Not A Name")).kind);
        assertEquals(
                FormValidation.Kind.ERROR,
                as("developer", () -> descriptor.doCheckService(project, "Not A Name")).kind);
    }

    @Test
    void fillEndpointsRefuseGet() throws Exception {
        JenkinsRule.WebClient web = j.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        web.login("admin");

        Page page = web.goTo(
                "descriptorByName/io.jenkins.plugins.devops.config.EnvironmentConfig/fillCredentialsIdItems", null);

        assertNotEquals(200, page.getWebResponse().getStatusCode());
    }

    private static List<String> values(ListBoxModel model) {
        return model.stream().map(o -> o.value).filter(v -> !v.isEmpty()).toList();
    }

    private static <T> T as(String user, java.util.function.Supplier<T> call) {
        try (ACLContext ignored = ACL.as2(User.getById(user, true).impersonate2())) {
            return call.get();
        }
    }
}
