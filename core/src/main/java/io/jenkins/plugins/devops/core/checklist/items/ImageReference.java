package io.jenkins.plugins.devops.core.checklist.items;

/**
 * A container image reference split into repository, tag and digest.
 *
 * @param repository e.g. {@code registry:5000/team/app}
 * @param tag the tag, or "" when none
 * @param digest e.g. {@code sha256:…}, or "" when none
 */
record ImageReference(String repository, String tag, String digest) {

    static ImageReference parse(String image) {
        String rest = image.trim();
        String digest = "";
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        int colon = rest.lastIndexOf(':');
        int slash = rest.lastIndexOf('/');
        String tag = "";
        if (colon > slash) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        }
        return new ImageReference(rest, tag, digest);
    }

    /** Pinned by digest. */
    boolean isPinned() {
        return !digest.isEmpty();
    }

    /** No version: the tag is {@code latest} or missing, and there is no digest. */
    boolean isLatest() {
        return digest.isEmpty() && (tag.isEmpty() || tag.equals("latest"));
    }
}
