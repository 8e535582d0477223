package io.jenkins.plugins.devops.steps;

import hudson.Util;
import hudson.util.FormValidation;
import java.util.regex.Pattern;

/** Validation shared by the step and builder forms; callers check permissions first. */
final class FormChecks {
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    private FormChecks() {}

    /** Kubernetes object names and label values: lower-case letters, digits and '-', at most 63. */
    static FormValidation dnsLabel(String field, String value) {
        String text = Util.fixNull(value).trim();
        if (text.isEmpty()) {
            return FormValidation.error(field + " is required");
        }
        if (text.contains("${")) {
            return FormValidation.ok(); // resolved when the build runs
        }
        if (!DNS_LABEL.matcher(text).matches()) {
            return FormValidation.error(field + " '" + text
                    + "' must be lower-case letters, digits and '-', start and end with a letter or digit, and be at"
                    + " most 63 characters (e.g. 'shop-api')");
        }
        return FormValidation.ok();
    }
}
