package io.jenkins.plugins.devops.steps;

import hudson.util.ListBoxModel;
import java.util.List;

/** The failOn / unstableOn lists of the checklist step and builder forms: the system default, then the choices. */
final class ChecklistChoices {
    private ChecklistChoices() {}

    /** The callers check permissions first (the form endpoints' ArchUnit rule wants that in each method). */
    static ListBoxModel withSystemDefault(List<String> choices) {
        ListBoxModel model = new ListBoxModel();
        model.add("(system default)", "");
        for (String choice : choices) {
            model.add(choice);
        }
        return model;
    }
}
