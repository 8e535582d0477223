package io.jenkins.plugins.devops.core.context;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Reduces a URL to what may be written to the workspace. Tokens hide in user info ({@code https://user:token@host})
 * and in query strings ({@code ?token=...}); context files are read by people and tools, so both are dropped. The
 * messages never repeat the input, which may hold a secret.
 */
final class PublicUrl {
    private PublicUrl() {}

    static String of(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new InvalidContextException("a URL in the context is malformed at index " + e.getIndex()
                    + "; pass an absolute http(s) or file URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        try {
            switch (scheme) {
                case "http", "https" -> {
                    if (uri.getHost() == null) {
                        throw new InvalidContextException("a " + scheme
                                + " URL in the context has no host; write it as " + scheme + "://host:port/path");
                    }
                    return new URI(scheme, null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
                }
                case "file" -> {
                    return new URI("file", null, uri.getPath(), null).toString();
                }
                default -> throw new InvalidContextException(
                        "a URL in the context is not http(s) or file; write it as http://host:port/path");
            }
        } catch (URISyntaxException e) {
            throw new InvalidContextException("a URL in the context cannot be rebuilt without its user info and"
                    + " query; pass an absolute http(s) or file URL");
        }
    }
}
