package io.jenkins.plugins.devops.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import hudson.util.Secret;
import io.jenkins.plugins.util.PluginArchitectureRules;
import org.jenkinsci.plugins.workflow.steps.Step;

/**
 * Holds the plugin's shape: steps → model → core, configuration and credentials below the model, nothing calling
 * {@code Jenkins.get()} except the JenkinsFacade, and every form endpoint {@code @POST} with a permission check.
 */
@AnalyzeClasses(packages = "io.jenkins.plugins.devops", importOptions = ImportOption.DoNotIncludeTests.class)
class PluginArchitectureTest {
    @ArchTest
    static final ArchRule LAYERS = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("Steps")
            .definedBy("io.jenkins.plugins.devops.steps..")
            .layer("Model")
            .definedBy("io.jenkins.plugins.devops.model..")
            .layer("Metrics")
            .definedBy("io.jenkins.plugins.devops.metrics..")
            .layer("Config")
            .definedBy("io.jenkins.plugins.devops.config..")
            .layer("Credentials")
            .definedBy("io.jenkins.plugins.devops.credentials..")
            .layer("Core")
            .definedBy("io.jenkins.plugins.devops.core..")
            .whereLayer("Steps")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("Metrics")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("Model")
            .mayOnlyBeAccessedByLayers("Steps", "Metrics")
            .whereLayer("Config")
            .mayOnlyBeAccessedByLayers("Steps", "Model", "Metrics")
            .whereLayer("Credentials")
            .mayOnlyBeAccessedByLayers("Steps", "Model", "Config");

    @ArchTest
    static final ArchRule CORE_IS_NOT_TOLD_ABOUT_JENKINS = noClasses()
            .that()
            .resideInAPackage("io.jenkins.plugins.devops.core..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("hudson..", "jenkins..", "org.jenkinsci..", "org.kohsuke..");

    /** Secrets reach a build only through a credentials id; a step never holds one. */
    @ArchTest
    static final ArchRule NO_SECRET_FIELDS = noFields()
            .that()
            .areDeclaredInClassesThat()
            .resideInAPackage("io.jenkins.plugins.devops..")
            .should()
            .haveRawType(Secret.class);

    /** The prometheus plugin is optional: only the metrics extension may touch its classes. */
    @ArchTest
    static final ArchRule PROMETHEUS_ONLY_IN_METRICS = noClasses()
            .that()
            .resideOutsideOfPackages("io.jenkins.plugins.devops.metrics..", "io.jenkins.plugins.devops.core..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.prometheus..");

    /** The kubernetes plugin is optional: only the cloud client lookup may touch its classes. */
    @ArchTest
    static final ArchRule KUBERNETES_PLUGIN_ONLY_FOR_CLOUDS = noClasses()
            .that()
            .doNotHaveFullyQualifiedName("io.jenkins.plugins.devops.credentials.CloudClients")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.csanchez.jenkins.plugins.kubernetes..");

    @ArchTest
    static final ArchRule STEPS_LIVE_IN_STEPS = noClasses()
            .that()
            .areAssignableTo(Step.class)
            .should()
            .resideOutsideOfPackage("io.jenkins.plugins.devops.steps");

    @ArchTest
    static final ArchRule NO_JENKINS_INSTANCE_CALL = PluginArchitectureRules.NO_JENKINS_INSTANCE_CALL;

    @ArchTest
    static final ArchRule POST_FOR_VALIDATION = PluginArchitectureRules.USE_POST_FOR_VALIDATION_END_POINTS;

    @ArchTest
    static final ArchRule POST_FOR_FILL = PluginArchitectureRules.USE_POST_FOR_LIST_AND_COMBOBOX_FILL;

    @ArchTest
    static final ArchRule DATA_BOUND_CONSTRUCTORS_PUBLIC =
            PluginArchitectureRules.DATA_BOUND_CONSTRUCTOR_MUST_BE_IN_PUBLIC_CLASS;

    @ArchTest
    static final ArchRule DATA_BOUND_SETTERS_PUBLIC = PluginArchitectureRules.DATA_BOUND_SETTER_MUST_BE_IN_PUBLIC_CLASS;
}
