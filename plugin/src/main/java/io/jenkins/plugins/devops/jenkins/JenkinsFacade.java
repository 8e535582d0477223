package io.jenkins.plugins.devops.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.slaves.Cloud;
import java.io.File;
import java.io.Serializable;
import jenkins.model.Jenkins;

/**
 * The only place in this plugin that calls {@link Jenkins#get()}, so that the classes using it can be tested
 * with a replacement. Permission checks use plugin-util-api's {@code io.jenkins.plugins.util.JenkinsFacade}, which
 * the architecture rules look for; this class adds what that one lacks.
 */
public class JenkinsFacade implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The Jenkins home directory ({@code JENKINS_HOME}). */
    public File getRootDir() {
        return Jenkins.get().getRootDir();
    }

    /** The cloud configured under this name, or {@code null} when there is none. */
    @CheckForNull
    public Cloud getCloud(String name) {
        return Jenkins.get().getCloud(name);
    }
}
