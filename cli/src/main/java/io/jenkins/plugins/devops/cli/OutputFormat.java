package io.jenkins.plugins.devops.cli;

/** How a command prints its result: for people (default) or for machines. */
public enum OutputFormat {
    text,
    json
}
