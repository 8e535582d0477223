package io.jenkins.plugins.devops.core.kube.testing;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import okio.ByteString;

/**
 * Sits in front of fabric8's CRUD dispatcher: records every request the code under test makes (requests from the
 * {@link FakeDeploymentController}, recognised by its User-Agent, are neither recorded nor faulted) and injects
 * HTTP faults: error statuses, requests that never get an answer (client timeouts), and dropped watches.
 *
 * <pre>{@code
 * cluster.traffic().fail("PUT", "/deployments/shop-canary", 500, 2);   // two 500s, then normal service
 * cluster.traffic().hang("GET", "/deployments/shop", 1);               // one request times out
 * assertThat(cluster.traffic().writes()).isEmpty();
 * }</pre>
 */
public final class RecordingDispatcher extends Dispatcher {
    /** User-Agent of the fake controller's client; its requests are not the engine's. */
    public static final String CONTROLLER_AGENT = "fake-deployment-controller";

    private final KubernetesCrudDispatcher crud;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final List<WebSocket> watches = new CopyOnWriteArrayList<>();
    private final MockDiscovery discovery = new MockDiscovery();

    public RecordingDispatcher(KubernetesCrudDispatcher crud) {
        this.crud = crud;
    }

    /** One request as the server saw it. */
    public record Request(Instant time, String method, String path, boolean watch, int status) {
        /** A request that changes something: not a read, not a server-side dry run. */
        public boolean isWrite() {
            return !method.equals("GET") && !method.equals("HEAD") && (path == null || !path.contains("dryRun=All"));
        }
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        String agent = request.getHeader("User-Agent");
        boolean fromController = agent != null && agent.contains(CONTROLLER_AGENT);
        String path = request.getPath();
        boolean watch = path != null && path.contains("watch=true");
        if (!fromController) {
            for (Fault f : faults) {
                if (f.matches(request.getMethod(), path) && f.take()) {
                    requests.add(new Request(Instant.now(), request.getMethod(), path, watch, f.status));
                    if (f.status == 0) {
                        return new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE);
                    }
                    return new MockResponse()
                            .setResponseCode(f.status)
                            .setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"code\":"
                                    + f.status + ",\"message\":\"injected fault\"}");
                }
            }
        }
        MockResponse response = answerLocally(request, path);
        if (response == null) {
            response = crud.dispatch(request);
        }
        if (!fromController) {
            int status = parseStatus(response.getStatus());
            requests.add(new Request(Instant.now(), request.getMethod(), path, watch, status));
        }
        if (watch && response.getWebSocketListener() != null) {
            response.withWebSocketUpgrade(new TrackedListener(response.getWebSocketListener()));
        }
        return response;
    }

    /**
     * What the CRUD dispatcher cannot do: discovery documents ({@link MockDiscovery}) and server-side dry runs
     * ({@code dryRun=All}: answered with the object sent, nothing stored; the server's validation is not
     * imitated, the real-cluster suite covers it). Null for everything else.
     */
    private MockResponse answerLocally(RecordedRequest request, String path) {
        if (path == null) {
            return null;
        }
        if (path.contains("dryRun=All")) {
            boolean create = request.getMethod().equals("POST");
            return new MockResponse()
                    .setResponseCode(create ? 201 : 200)
                    .setHeader("Content-Type", "application/json")
                    .setBody(request.getBody().clone().readUtf8());
        }
        if (request.getMethod().equals("GET")) {
            String document = discovery.answer(path);
            if (document != null && document.isEmpty()) {
                return new MockResponse()
                        .setResponseCode(404)
                        .setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                                + "\"reason\":\"NotFound\",\"code\":404,\"message\":\"the server could not find"
                                + " the requested resource\"}");
            }
            if (document != null) {
                return new MockResponse()
                        .setResponseCode(200)
                        .setHeader("Content-Type", "application/json")
                        .setBody(document);
            }
        }
        return null;
    }

    /** Plays an older cluster: the group version (e.g. {@code policy/v1}) is no longer served. */
    public void unserve(String groupVersion) {
        discovery.unserve(groupVersion);
    }

    /** Plays an older cluster: a group version only older releases serve (e.g. {@code policy/v1beta1}) is served. */
    public void serve(String groupVersion) {
        discovery.serve(groupVersion);
    }

    /** The next {@code times} requests with this method whose path contains {@code pathPart} get {@code status}. */
    public void fail(String method, String pathPart, int status, int times) {
        fail(method, pathPart, status, times, 0);
    }

    /** Like {@link #fail(String, String, int, int)}, but lets the first {@code skipFirst} matching requests pass. */
    public void fail(String method, String pathPart, int status, int times, int skipFirst) {
        faults.add(new Fault(method, pathPart, status, times, skipFirst));
    }

    /** The next {@code times} matching requests get no answer at all, so the client times out. */
    public void hang(String method, String pathPart, int times) {
        faults.add(new Fault(method, pathPart, 0, times, 0));
    }

    public void clearFaults() {
        faults.clear();
    }

    /** Closes every open watch connection, as an API server restart or a load balancer would. */
    public int dropWatches() {
        List<WebSocket> open = new ArrayList<>(watches);
        watches.clear();
        open.forEach(ws -> ws.close(1001, "dropped by test"));
        return open.size();
    }

    /** Every request of the code under test so far, in order. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Requests that change something (POST, PUT, PATCH, DELETE). */
    public List<Request> writes() {
        return requests.stream().filter(Request::isWrite).toList();
    }

    /** Requests other than watches (a watch is one long-lived request; its events are not requests). */
    public List<Request> nonWatchRequests() {
        return requests.stream().filter(r -> !r.watch()).toList();
    }

    public void clearRequests() {
        requests.clear();
    }

    private static int parseStatus(String statusLine) {
        String[] parts = statusLine == null ? new String[0] : statusLine.split(" ");
        try {
            return parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static final class Fault {
        private final String method;
        private final String pathPart;
        private final int status;
        private int remaining;
        private int skip;

        Fault(String method, String pathPart, int status, int times, int skipFirst) {
            this.method = method;
            this.pathPart = pathPart;
            this.status = status;
            this.remaining = times;
            this.skip = skipFirst;
        }

        boolean matches(String m, String path) {
            // A fault aimed at writes leaves the engine's dry runs alone unless it names them.
            return method.equals(m)
                    && path != null
                    && path.contains(pathPart)
                    && !path.contains("watch=true")
                    && (!path.contains("dryRun=All") || pathPart.contains("dryRun"));
        }

        synchronized boolean take() {
            if (skip > 0) {
                skip--;
                return false;
            }
            if (remaining <= 0) {
                return false;
            }
            remaining--;
            return true;
        }
    }

    private final class TrackedListener extends WebSocketListener {
        private final WebSocketListener delegate;

        TrackedListener(WebSocketListener delegate) {
            this.delegate = delegate;
        }

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            watches.add(webSocket);
            delegate.onOpen(webSocket, response);
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            delegate.onMessage(webSocket, text);
        }

        @Override
        public void onMessage(WebSocket webSocket, ByteString bytes) {
            delegate.onMessage(webSocket, bytes);
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            watches.remove(webSocket);
            delegate.onClosing(webSocket, code, reason);
        }

        @Override
        public void onClosed(WebSocket webSocket, int code, String reason) {
            watches.remove(webSocket);
            delegate.onClosed(webSocket, code, reason);
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            watches.remove(webSocket);
            delegate.onFailure(webSocket, t, response);
        }
    }
}
