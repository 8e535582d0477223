package io.jenkins.plugins.devops.core.dora;

/** A DORA performance band; {@link #NO_DATA} when the window holds nothing to judge. */
public enum Band {
    ELITE,
    HIGH,
    MEDIUM,
    LOW,
    NO_DATA
}
