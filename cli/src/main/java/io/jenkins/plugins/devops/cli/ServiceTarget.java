package io.jenkins.plugins.devops.cli;

import picocli.CommandLine.Option;

/** The deployed service a command acts on, named by service, environment and namespace ({@code rollback}, {@code abort}). */
final class ServiceTarget {
    @Option(names = "--service", required = true, paramLabel = "NAME", description = "The service, e.g. checkout.")
    String service;

    @Option(
            names = "--environment",
            required = true,
            paramLabel = "NAME",
            description = "The environment, e.g. staging.")
    String environment;

    @Option(
            names = "--namespace",
            defaultValue = "default",
            paramLabel = "NAME",
            description = "Kubernetes namespace (default: default).")
    String namespace;
}
