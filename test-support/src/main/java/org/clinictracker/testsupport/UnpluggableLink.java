package org.clinictracker.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A network cable between a client and a server that a test can plug in and pull out: while it is
 * unplugged nothing answers on its port, so the server is unreachable for whoever was told to use it.
 * It forwards bytes unchanged in both directions once plugged in.
 */
public final class UnpluggableLink implements AutoCloseable {

    private final int port;
    private volatile String targetHost;
    private volatile int targetPort;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket listener;

    private UnpluggableLink(String targetHost, int targetPort) {
        this.port = freePort();
        this.targetHost = targetHost;
        this.targetPort = targetPort;
    }

    /** A link to {@code host:port}, unplugged until {@link #plugIn()}. */
    public static UnpluggableLink to(String host, int port) {
        return new UnpluggableLink(host, port);
    }

    /**
     * A link whose port is reserved now and whose server is named later with {@link #forwardTo}: for a
     * server that must be told the link's address before it starts (a broker advertising it).
     */
    public static UnpluggableLink toBeConnected() {
        return new UnpluggableLink(null, -1);
    }

    /** Names the server this link leads to; connections made from now on reach it. */
    public void forwardTo(String host, int port) {
        this.targetHost = host;
        this.targetPort = port;
    }

    /** Where clients connect: {@code 127.0.0.1:<port>}, reserved now, answering only while plugged in. */
    public String address() {
        return "127.0.0.1:" + port;
    }

    public synchronized void plugIn() {
        if (listener != null) {
            return;
        }
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            listener = socket;
        } catch (IOException e) {
            throw new IllegalStateException("Could not listen on " + address(), e);
        }
        daemon("link-" + port, this::acceptConnections);
    }

    public synchronized void unplug() {
        closeQuietly(listener);
        listener = null;
        open.forEach(UnpluggableLink::closeQuietly);
        open.clear();
    }

    @Override
    public void close() {
        unplug();
    }

    private void acceptConnections() {
        ServerSocket socket = listener;
        while (socket != null && !socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Socket server = new Socket(targetHost, targetPort);
                open.add(client);
                open.add(server);
                pipe(client, server);
                pipe(server, client);
            } catch (IOException e) {
                return; // unplugged
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        daemon("link-" + port + "-pipe", () -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // one side went away; close the other below
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        });
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (Exception e) {
            // already closed
        }
    }
}
