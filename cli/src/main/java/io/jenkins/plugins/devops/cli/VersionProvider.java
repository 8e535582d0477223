package io.jenkins.plugins.devops.cli;

import picocli.CommandLine;

/** Reports the version Maven wrote into the jar manifest. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = DevopsCommand.class.getPackage().getImplementationVersion();
        return new String[] {"devops " + (version == null ? "development build" : version)};
    }
}
