package io.jenkins.plugins.devops.core.events;

/** How a CloudEvent travels over HTTP. */
public enum EventMode {
    /** Attributes in {@code ce-*} headers, the event data as the body (the default; what CDEvents examples use). */
    BINARY,
    /** The whole event as one JSON document, {@code Content-Type: application/cloudevents+json}. */
    STRUCTURED
}
