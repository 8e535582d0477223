package io.jenkins.plugins.devops.core.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cluster as the plan saw it before the first write: every object the plan looked up (present or absent) and,
 * for every object the plan writes, how it was before. Stored as a Secret (the manifests may contain Secrets, so
 * the copy is as protected as they are) so that a resumed or failed deployment can restore exactly that.
 *
 * @param deploymentId the deployment that took it
 * @param seen object key ({@code Kind/name}) to the object as it was, null when absent
 * @param written object key to the object the plan writes (used for its kind and name), in write order
 */
record ClusterSnapshot(String deploymentId, Map<String, HasMetadata> seen, Map<String, HasMetadata> written) {
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    /** Annotation of the snapshot Secret: the rollback began, for this reason. */
    static final String ROLLBACK_REASON = "devops.jenkins.io/rollback-reason";
    /** Annotation of the snapshot Secret: the deployment's latest {@link DeploymentState}, as JSON. */
    static final String STATE = "devops.jenkins.io/state";
    /** Annotation of the snapshot Secret: whether that rollback was an abort. */
    static final String ROLLBACK_ABORTED = "devops.jenkins.io/rollback-aborted";

    static String key(String kind, String name) {
        return kind + "/" + name;
    }

    static String key(HasMetadata o) {
        return key(o.getKind(), o.getMetadata().getName());
    }

    /** How the written object was before, null when it did not exist. */
    HasMetadata before(String key) {
        return seen.get(key);
    }

    Secret toSecret(String name, String namespace) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Map.Entry<String, HasMetadata> e : seen.entrySet()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("key", e.getKey());
            entry.put("before", e.getValue() == null ? null : SERIALIZATION.asJson(e.getValue()));
            entry.put(
                    "written", written.containsKey(e.getKey()) ? SERIALIZATION.asJson(written.get(e.getKey())) : null);
            entries.add(entry);
        }
        return new SecretBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .addToLabels("app.kubernetes.io/managed-by", "devops-orchestrator")
                .endMetadata()
                .withType("Opaque")
                .addToData("deploymentId", encode(deploymentId))
                .addToData("objects", encode(SERIALIZATION.asJson(entries)))
                .build();
    }

    /** The deployment that stored a snapshot Secret, without reading its objects. */
    static String ownerOf(Secret secret) {
        String id = secret.getData() == null ? null : secret.getData().get("deploymentId");
        return id == null ? "" : decode(id);
    }

    static ClusterSnapshot fromSecret(Secret secret) {
        String id = decode(secret.getData().get("deploymentId"));
        List<Map<String, String>> entries;
        try {
            entries = new ObjectMapper()
                    .readValue(
                            decode(secret.getData().get("objects")), new TypeReference<List<Map<String, String>>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("snapshot " + secret.getMetadata().getName() + " is unreadable", e);
        }
        Map<String, HasMetadata> seen = new LinkedHashMap<>();
        Map<String, HasMetadata> written = new LinkedHashMap<>();
        for (Map<String, String> entry : entries) {
            String key = entry.get("key");
            seen.put(key, entry.get("before") == null ? null : SERIALIZATION.unmarshal(entry.get("before")));
            if (entry.get("written") != null) {
                written.put(key, SERIALIZATION.unmarshal(entry.get("written")));
            }
        }
        return new ClusterSnapshot(id, seen, written);
    }

    /** A view that answers from the snapshot, for planning a resumed deployment exactly as it was planned. */
    ClusterView asView() {
        return new ClusterView() {
            @Override
            public <T extends HasMetadata> T find(Class<T> type, String name) {
                String key = key(HasMetadata.getKind(type), name);
                if (!seen.containsKey(key)) {
                    throw new IllegalStateException("the snapshot of deployment " + deploymentId + " has no " + key
                            + "; was the request changed since the deployment started?");
                }
                return type.cast(seen.get(key));
            }

            @Override
            public <T extends HasMetadata> List<T> list(Class<T> type) {
                // The live list put every object it found into the snapshot, so these are exactly those.
                return seen.values().stream()
                        .filter(type::isInstance)
                        .map(type::cast)
                        .toList();
            }
        };
    }

    private static String encode(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }
}
