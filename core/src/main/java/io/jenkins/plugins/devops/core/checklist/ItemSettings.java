package io.jenkins.plugins.devops.core.checklist;

/**
 * Configured changes to one built-in item.
 *
 * @param enabled false to leave the item out
 * @param severity replacement severity, or null to keep the default
 */
public record ItemSettings(boolean enabled, Severity severity) {}
