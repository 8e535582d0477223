package io.jenkins.plugins.devops.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A loopback port where connections are refused for as long as this is open. It holds a socket bound to the port
 * but never listening: the kernel answers every connection with a reset, and no other process can be handed the
 * port meanwhile. (Opening and closing a server socket to "find a free port" leaves a window in which a parallel
 * test or process may start listening there.)
 */
public final class RefusedPort implements AutoCloseable {
    private final Socket holder;

    private RefusedPort(Socket holder) {
        this.holder = holder;
    }

    public static RefusedPort reserve() {
        Socket socket = new Socket();
        try {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return new RefusedPort(socket);
        } catch (IOException e) {
            try {
                socket.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return holder.getLocalPort();
    }

    /** {@code http://127.0.0.1:<port><path>}. */
    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    @Override
    public void close() throws IOException {
        holder.close();
    }
}
