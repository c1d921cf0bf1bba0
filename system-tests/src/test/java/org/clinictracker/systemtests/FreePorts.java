package org.clinictracker.systemtests;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports nobody listens on, for processes that bind them seconds later. They are drawn from 20000-32767, below
 * Linux's ephemeral range (32768 and up): a port the kernel hands out by itself (as {@code new ServerSocket(0)}
 * would) can be taken meanwhile by any outgoing connection, such as a service's first Kafka or database
 * connection, and the JVM that was meant to listen on it fails to start. Never 8080-8083 or 9092/9093.
 */
final class FreePorts {

    private static final int LOWEST = 20000;
    private static final int ABOVE_HIGHEST = 32768;
    /** Handed out already: not bound yet, so {@link #free} cannot tell. */
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private FreePorts() {
    }

    static synchronized int next() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, ABOVE_HIGHEST);
            if (!HANDED_OUT.contains(port) && free(port)) {
                HANDED_OUT.add(port);
                return port;
            }
        }
        throw new IllegalStateException("no free port between " + LOWEST + " and " + (ABOVE_HIGHEST - 1));
    }

    private static boolean free(int port) {
        // the wildcard address: taken on any interface means taken
        try (ServerSocket socket = new ServerSocket(port, 1)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
