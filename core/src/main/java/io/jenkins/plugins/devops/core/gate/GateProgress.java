package io.jenkins.plugins.devops.core.gate;

/** Lets a long-running gate say how far it is, e.g. "analysis 2/5 passed". */
@FunctionalInterface
public interface GateProgress {
    GateProgress NONE = message -> {};

    void update(String message);
}
