package io.jenkins.plugins.devops.core.context;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Reduces a URL to what may be written to the workspace. Tokens hide in user info ({@code https://user:token@host})
 * and in query strings ({@code ?token=...}); context files are read by people and tools, so both are dropped.
 */
final class PublicUrl {
    private PublicUrl() {}

    static String of(String url) {
        try {
            URI uri = new URI(url.trim());
            if (uri.getScheme() == null) {
                throw new InvalidContextException(
                        "URL '" + uri.getPath() + "' has no scheme: write it as http://, https:// or file:/");
            }
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
        } catch (URISyntaxException e) {
            // The input may contain a secret, so it is not repeated in the message.
            throw new InvalidContextException("a URL in the context is malformed at index " + e.getIndex()
                    + ": pass an absolute http(s) or file URL");
        }
    }
}
