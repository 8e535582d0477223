package io.jenkins.plugins.devops.core.deploy;

import java.util.regex.Pattern;

/** Checks and derives Kubernetes names. */
final class Names {
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    private Names() {}

    static String requireDnsLabel(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(what + " is missing; give the " + what + " name, e.g. 'shop'");
        }
        String v = value.trim();
        if (v.length() > 63 || !DNS_LABEL.matcher(v).matches()) {
            throw new InvalidRequestException(what + " '" + value + "' is not a valid Kubernetes name; use lower-case "
                    + "letters, digits and '-', at most 63 characters, starting and ending with a letter or digit");
        }
        return v;
    }

    /** The lease and snapshot name of a service in an environment. */
    static String lockName(String service, String environment) {
        String n = "devops-" + service + "-" + environment;
        return n.length() <= 63 ? n : n.substring(0, 63).replaceAll("-+$", "");
    }
}
