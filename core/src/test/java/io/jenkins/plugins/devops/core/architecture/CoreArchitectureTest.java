package io.jenkins.plugins.devops.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** core/ must build and run without Jenkins: the plugin wraps it, the CLI runs it on its own. */
@AnalyzeClasses(packages = "io.jenkins.plugins.devops.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {

    @ArchTest
    static final ArchRule CORE_USES_NO_JENKINS_TYPES = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("hudson..", "jenkins..", "org.jenkinsci..", "org.kohsuke..")
            .because("core/ is the Jenkins-free engine shared by the plugin and the devops command line");

    @ArchTest
    static final ArchRule GATES_DO_NOT_DEPEND_ON_THE_ENGINE = noClasses()
            .that()
            .resideInAPackage("..core.gate..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..core.deploy..", "..core.kube..")
            .because("data flows one way: the engine asks gates, gates never reach back into the engine");
}
