package io.jenkins.plugins.devops.core.classloading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Core works whatever the thread context class loader is, as inside Jenkins, where it is not the plugin's class
 * loader (the workspace context schemas were once looked up through it and not found).
 *
 * <p>The probe runs the engine, events, context, checklist and statistics code on a thread whose context class
 * loader is empty, with all of core and its libraries loaded afresh by a class loader of the test's own: so every
 * static initialiser of core and of the libraries (schema registry, CloudEvents format registry, fabric8 client
 * discovery) runs under the empty context loader too, exactly as it would on first use in a plugin, whatever other
 * tests of this JVM already ran in the application class loader.
 */
class EmptyContextClassLoaderTest {
    private static Map<String, String> seen;

    @BeforeAll
    static void runTheProbeOnAThreadWithAnEmptyContextClassLoader(@TempDir Path scratch) throws Exception {
        try (URLClassLoader isolated =
                        new URLClassLoader("isolated-core", testClassPath(), ClassLoader.getPlatformClassLoader());
                URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            AtomicReference<Object> result = new AtomicReference<>();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread thread = new Thread(() -> {
                try {
                    Class<?> probe = Class.forName(ClassLoadingProbe.class.getName(), true, isolated);
                    assertThat(probe.getClassLoader()).isSameAs(isolated);
                    result.set(probe.getMethod("run", Path.class).invoke(null, scratch));
                } catch (InvocationTargetException e) {
                    failure.set(e.getCause());
                } catch (Throwable e) {
                    failure.set(e);
                }
            });
            thread.setContextClassLoader(empty);
            thread.start();
            thread.join();
            if (failure.get() != null) {
                throw new AssertionError("core failed with an empty context class loader", failure.get());
            }
            @SuppressWarnings("unchecked")
            Map<String, String> map = (Map<String, String>) result.get();
            seen = map;
        }
    }

    /** The test class path as surefire gives it (its booter jar only names it in a manifest), or the JVM's. */
    private static URL[] testClassPath() throws MalformedURLException {
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<URL> urls = new ArrayList<>();
        for (String entry : path.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                urls.add(new File(entry).toURI().toURL());
            }
        }
        return urls.toArray(URL[]::new);
    }

    @Test
    void theProbeRanWithoutTheContextLoaderSeeingCore() {
        assertThat(seen).containsEntry("contextClassLoaderSeesCore", "false");
    }

    @Test
    void workspaceContextIsWrittenAndValidAgainstItsSchemas() {
        assertThat(seen).containsEntry("contextProblems", "[]");
        assertThat(seen.get("invalidTaskProblems"))
                .contains("/taskId: integer found, string expected")
                .contains("required property 'job' not found");
    }

    @Test
    void eventsSerialiseInStructuredAndBinaryMode() {
        assertThat(seen)
                .containsEntry("eventJsonRoundTrip", "true")
                .containsEntry("structuredEventId", "same")
                .containsEntry("binaryCeId", "true")
                .containsEntry("binaryCeType", "dev.cdevents.service.upgraded.0.3.0");
        assertThat(seen.get("structuredContentType")).startsWith("application/cloudevents+json");
    }

    @Test
    void kubernetesClientIsCreatedAndDeploysAgainstTheMockServer() {
        assertThat(seen)
                .containsEntry("httpClientFactory", "io.fabric8.kubernetes.client.okhttp.OkHttpClientImpl")
                .containsEntry("deployOutcome", "SUCCEEDED")
                .containsEntry("deployedImage", "registry/shop:1.1.0")
                .containsEntry("configMapData", "{greeting=hello}");
    }

    @Test
    void yamlManifestsAreParsed() {
        assertThat(seen).containsEntry("manifestKinds", "[ConfigMap, Service, Deployment]");
    }

    @Test
    void checklistsAreEvaluated() {
        assertThat(seen).containsEntry("checklistGoodScore", "10.0").containsEntry("checklistBadFailedItems", "true");
    }

    @Test
    void mannWhitneyJudgeComputes() {
        assertThat(seen).containsEntry("mannWhitneyU", "25.0");
    }
}
