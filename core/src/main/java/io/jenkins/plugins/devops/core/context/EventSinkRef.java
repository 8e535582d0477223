package io.jenkins.plugins.devops.core.context;

import java.util.Objects;

/**
 * Where deployment events go.
 *
 * @param url the sink URL; user info and query are dropped (see {@link PublicUrl})
 * @param mode {@code binary}, {@code structured} or {@code jsonl}
 */
public record EventSinkRef(String url, String mode) {
    public EventSinkRef {
        url = PublicUrl.of(Objects.requireNonNull(url, "url"));
        Objects.requireNonNull(mode, "mode");
    }
}
