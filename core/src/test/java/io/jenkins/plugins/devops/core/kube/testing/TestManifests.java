package io.jenkins.plugins.devops.core.kube.testing;

/** Manifest YAML for tests: a Deployment, its Service and a ConfigMap, with the knobs tests vary. */
public final class TestManifests {
    private TestManifests() {}

    /** Deployment {@code name} (label app: name) with {@code replicas} pods of {@code image}. */
    public static String deployment(String name, String image, int replicas) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: %1$s
                  labels:
                    app: %1$s
                spec:
                  replicas: %3$d
                  selector:
                    matchLabels:
                      app: %1$s
                  template:
                    metadata:
                      labels:
                        app: %1$s
                    spec:
                      containers:
                        - name: %1$s
                          image: %2$s
                          ports:
                            - containerPort: 8080
                """
                .formatted(name, image, replicas);
    }

    public static String service(String name) {
        return """
                apiVersion: v1
                kind: Service
                metadata:
                  name: %1$s
                spec:
                  selector:
                    app: %1$s
                  ports:
                    - port: 80
                      targetPort: 8080
                """
                .formatted(name);
    }

    public static String configMap(String name, String value) {
        return """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: %1$s-config
                data:
                  greeting: "%2$s"
                """
                .formatted(name, value);
    }

    /** An {@code autoscaling/v2} HorizontalPodAutoscaler {@code name} scaling Deployment {@code target}. */
    public static String autoscaler(String name, String target, int minReplicas, int maxReplicas) {
        return """
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata:
                  name: %1$s
                spec:
                  scaleTargetRef:
                    apiVersion: apps/v1
                    kind: Deployment
                    name: %2$s
                  minReplicas: %3$d
                  maxReplicas: %4$d
                  metrics:
                    - type: Resource
                      resource:
                        name: cpu
                        target:
                          type: Utilization
                          averageUtilization: 70
                """
                .formatted(name, target, minReplicas, maxReplicas);
    }

    /** Deployment + Service + ConfigMap as one multi-document text. */
    public static String app(String name, String image, int replicas, String configValue) {
        return configMap(name, configValue) + "---\n" + service(name) + "---\n" + deployment(name, image, replicas);
    }
}
