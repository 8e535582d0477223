package io.jenkins.plugins.devops.core.analysis.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.devops.core.testing.RefusedPort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** A loopback HTTP server for gate tests whose handlers the test defines, including slow ones. */
public final class FaultyHttpServer implements AutoCloseable {
    private static final List<RefusedPort> REFUSED_PORTS = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);

    /** One request as the server saw it. */
    public record Received(String method, String path, Map<String, List<String>> headers, byte[] body) {
        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** Answers a request. */
    @FunctionalInterface
    public interface Handler {
        Response handle(Received request) throws Exception;
    }

    public record Response(int status, String body) {}

    private final List<Received> received = new CopyOnWriteArrayList<>();

    public FaultyHttpServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.start();
    }

    public FaultyHttpServer on(String path, Handler handler) {
        server.createContext(path, exchange -> serve(exchange, handler));
        return this;
    }

    /** A handler that answers only when the test ends: any client timeout fires first. */
    public FaultyHttpServer slow(String path) {
        return on(path, request -> {
            release.await(30, TimeUnit.SECONDS);
            return new Response(200, "late");
        });
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public List<Received> received() {
        return received;
    }

    /**
     * A URL on a loopback port where connections are refused, held for the rest of the test JVM so that no other
     * server can be handed the port meanwhile.
     */
    public static String refusedUrl(String path) {
        RefusedPort port = RefusedPort.reserve();
        REFUSED_PORTS.add(port);
        return port.url(path);
    }

    private void serve(HttpExchange exchange, Handler handler) throws IOException {
        try (exchange) {
            Received request = new Received(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    exchange.getRequestBody().readAllBytes());
            received.add(request);
            Response response;
            try {
                response = handler.handle(request);
            } catch (Exception e) {
                response = new Response(599, e.toString());
            }
            byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
        } catch (IOException e) {
            // The client gave up (timeout): nothing left to answer.
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
