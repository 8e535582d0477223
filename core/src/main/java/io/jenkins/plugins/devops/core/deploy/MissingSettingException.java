package io.jenkins.plugins.devops.core.deploy;

import java.util.function.BiFunction;

/**
 * A request that lacks a setting the manifests do not supply either. The message names the request setting in
 * neutral terms; each front end phrases the fix in its own syntax with {@link #fix(BiFunction)} (the command line's
 * {@code --image}, the Pipeline step's {@code image:}).
 */
public class MissingSettingException extends InvalidRequestException {
    private static final long serialVersionUID = 1L;

    private final String problem;
    private final String setting;
    private final String example;
    private final String alternative;

    /**
     * @param problem what is missing, e.g. {@code Deployment/checkout: container 'app' has no image}
     * @param setting the request setting that supplies it, e.g. {@code image}
     * @param example a value for it, e.g. {@code registry/checkout:<tag>}
     * @param alternative the other way to fix it, e.g. {@code the container's image in the manifest}
     */
    public MissingSettingException(String problem, String setting, String example, String alternative) {
        super(problem + " and the request gives none; set the " + setting + " setting (e.g. " + example + ") or "
                + alternative);
        this.problem = problem;
        this.setting = setting;
        this.example = example;
        this.alternative = alternative;
    }

    public String setting() {
        return setting;
    }

    /**
     * The message with the fix in a front end's words.
     *
     * @param howToSet from the setting and the example value to the front end's instruction, e.g. {@code (s, v) ->
     *     "pass --" + s + " " + v}
     */
    public String fix(BiFunction<String, String, String> howToSet) {
        return problem + "; " + howToSet.apply(setting, example) + ", or set " + alternative;
    }
}
