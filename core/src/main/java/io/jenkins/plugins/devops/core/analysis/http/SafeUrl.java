package io.jenkins.plugins.devops.core.analysis.http;

import java.net.URI;

/** URLs as they may be shown in results and logs. */
public final class SafeUrl {
    private SafeUrl() {}

    /**
     * Leaves out user-info and the query string, which often carry tokens:
     * {@code https://u:p@hooks.example.com/x?token=1} becomes {@code https://hooks.example.com/x?…}.
     */
    public static String forDisplay(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return "(invalid URL)";
            }
            String base = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                    + (uri.getRawPath() == null ? "" : uri.getRawPath());
            return uri.getRawQuery() == null ? base : base + "?…";
        } catch (IllegalArgumentException e) {
            return "(invalid URL)";
        }
    }
}
