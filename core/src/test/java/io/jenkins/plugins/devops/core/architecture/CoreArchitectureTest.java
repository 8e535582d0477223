package io.jenkins.plugins.devops.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.cloudevents.core.provider.EventFormatProvider;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.jenkins.plugins.devops.core.kube.KubernetesClients;
import java.util.ServiceLoader;

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

    // Class loading (docs/architecture.md, "Class loading"): inside Jenkins the thread context class loader is not the
    // plugin's, so core finds its resources and services through its own classes, never through the context loader.

    @ArchTest
    static final ArchRule NO_CONTEXT_CLASS_LOADER = noClasses()
            .should()
            .callMethod(Thread.class, "getContextClassLoader")
            .orShould()
            .callMethod(Thread.class, "setContextClassLoader", ClassLoader.class)
            .because("inside Jenkins the context class loader is not the plugin's; use Owner.class.getResourceAsStream"
                    + " or Owner.class.getClassLoader()");

    @ArchTest
    static final ArchRule NO_SERVICE_LOADER_WITHOUT_A_CLASS_LOADER = noClasses()
            .should()
            .callMethod(ServiceLoader.class, "load", Class.class)
            .because("ServiceLoader.load(Class) searches the context class loader; pass Owner.class.getClassLoader()");

    @ArchTest
    static final ArchRule NO_CLOUDEVENTS_FORMAT_LOOKUP = noClasses()
            .should()
            .callMethod(EventFormatProvider.class, "getInstance")
            .orShould()
            .callMethodWhere(DescribedPredicate.describe(
                    "writeStructured(event, contentType), which looks the format up in EventFormatProvider",
                    (JavaMethodCall call) -> call.getTarget().getName().equals("writeStructured")
                            && call.getTarget().getRawParameterTypes().size() == 2
                            && call.getTarget().getRawParameterTypes().get(1).isEquivalentTo(String.class)))
            .because("EventFormatProvider fills itself with ServiceLoader.load(EventFormat.class) on the context class"
                    + " loader; pass the JsonFormat instance (EventJson)");

    @ArchTest
    static final ArchRule KUBERNETES_CLIENTS_ARE_BUILT_IN_ONE_PLACE = noClasses()
            .that()
            .doNotBelongToAnyOf(KubernetesClients.class)
            .should()
            .callConstructor(KubernetesClientBuilder.class)
            .because("KubernetesClients names the HTTP client factory; fabric8 would otherwise look one up with"
                    + " ServiceLoader on the context class loader first");
}
