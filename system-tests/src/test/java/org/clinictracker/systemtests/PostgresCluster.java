package org.clinictracker.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.clinictracker.testsupport.TestInfrastructure.PostgresDatabase;
import org.springframework.util.FileSystemUtils;

/**
 * The run's own PostgreSQL server, so a chaos test may restart or kill it without disturbing the machine's cluster
 * on 5432 that every other test and checkout uses. A cluster made by the installed server's {@code initdb} and run
 * by its {@code pg_ctl} (what Debian's {@code pg_ctlcluster} wraps) on a free port, its data in
 * {@code target/system/postgres-<JVM pid>}: a name per run, so another checkout's run is never mistaken for a
 * leftover; one that a crashed run of this checkout left behind is stopped and deleted at start.
 * <p>
 * The server refuses to run as root: when the tests run as root (as CI here does) every command runs as the
 * {@code postgres} user, which then owns the data directory. Only TCP on 127.0.0.1 with a password
 * (scram-sha-256) and a peer-authenticated socket for the superuser; {@code fsync=off}, as nothing here has to
 * survive a power cut (a restart or a kill loses nothing committed without it).
 */
public final class PostgresCluster {

    private static final String PREFIX = "postgres-";
    private static final String SERVER_USER = "postgres";
    /** Not the data directory: a socket's path may not exceed 107 bytes, and a checkout's path may be long. */
    private static final Path SOCKET_DIR = Path.of("/tmp");

    private final Path binDir;
    private final Path workDir;
    private final Path clusterDir;
    private final Path dataDir;
    private final int port = FreePorts.next();
    private final boolean asServerUser = "root".equals(System.getProperty("user.name"));

    PostgresCluster(Path workDir) {
        this.binDir = installedBinDir();
        this.workDir = workDir;
        this.clusterDir = workDir.resolve(PREFIX + ProcessHandle.current().pid());
        this.dataDir = clusterDir.resolve("data");
    }

    public int port() {
        return port;
    }

    /** Makes a fresh cluster (after removing what a crashed earlier run of this checkout left) and starts it. */
    void create() {
        removeLeftovers();
        try {
            Files.createDirectories(clusterDir);
            if (asServerUser) {
                Files.setOwner(clusterDir, serverUser());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run(List.of(tool("initdb"), "-D", dataDir.toString(), "-E", "UTF8", "--locale=C.UTF-8", "--no-sync",
                "--auth-local=peer", "--auth-host=scram-sha-256"));
        appendToConfiguration("""

                # clinic system tests (PostgresCluster)
                port = %d
                listen_addresses = '127.0.0.1'
                unix_socket_directories = '%s'
                fsync = off
                full_page_writes = off
                shared_buffers = 32MB
                max_connections = 60
                """.formatted(port, SOCKET_DIR));
        start();
    }

    /** Starts the server on its data; returns once it accepts connections. */
    public void start() {
        run(List.of(tool("pg_ctl"), "start", "-D", dataDir.toString(), "-l", log().toString(), "-w", "-t", "60"));
    }

    /** A fast shutdown: open connections are dropped, transactions in flight rolled back, then it stops. */
    public void stop() {
        if (running()) {
            run(List.of(tool("pg_ctl"), "stop", "-D", dataDir.toString(), "-m", "fast", "-w", "-t", "60"));
        }
    }

    /** What {@code pg_ctlcluster restart} does: a fast shutdown (every connection dropped), then a start. */
    public void restart() {
        run(List.of(tool("pg_ctl"), "restart", "-D", dataDir.toString(), "-l", log().toString(), "-m", "fast", "-w",
                "-t", "60"));
    }

    /** SIGKILL to the server and all its processes, as a crashed host would go; the next start recovers from WAL. */
    public void kill() {
        serverProcess().ifPresent(server -> {
            List<ProcessHandle> all = new ArrayList<>(server.descendants().toList());
            all.add(server);
            all.forEach(ProcessHandle::destroyForcibly);
            all.forEach(process -> process.onExit().orTimeout(10, TimeUnit.SECONDS).join());
        });
    }

    /** Stops the server and deletes its data: the end of the run. */
    void drop() {
        stop();
        FileSystemUtils.deleteRecursively(clusterDir.toFile());
    }

    public boolean running() {
        return serverProcess().isPresent();
    }

    /**
     * The login role and its databases, created empty: Flyway builds the tables as each service starts. The role
     * owns them, so the services' migrations may create the trusted extensions they need (pg_trgm).
     */
    void createRoleAndDatabases(String role, String password, List<String> databases) {
        List<String> command = new ArrayList<>(List.of(tool("psql"), "-h", SOCKET_DIR.toString(), "-p",
                String.valueOf(port), "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-q",
                "-c", "CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'"));
        databases.forEach(database -> command.addAll(List.of("-c", "CREATE DATABASE " + database + " OWNER " + role)));
        run(command);
    }

    /** More empty databases for an existing role, e.g. to restore a backup into. */
    void createDatabases(String owner, List<String> databases) {
        List<String> command = new ArrayList<>(List.of(tool("psql"), "-h", SOCKET_DIR.toString(), "-p",
                String.valueOf(port), "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-q"));
        databases.forEach(database -> command.addAll(List.of("-c", "CREATE DATABASE " + database + " OWNER " + owner)));
        run(command);
    }

    public PostgresDatabase database(String name, String role, String password) {
        return new PostgresDatabase("jdbc:postgresql://127.0.0.1:" + port + "/" + name, role, password);
    }

    /** The server's own log (start-up, shutdowns, crash recovery, refused connections). */
    public Path log() {
        return clusterDir.resolve("server.log");
    }

    private Optional<ProcessHandle> serverProcess() {
        Path pidFile = dataDir.resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
            return firstLine.isEmpty() ? Optional.empty()
                    : ProcessHandle.of(Long.parseLong(firstLine)).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Clusters of earlier runs of this checkout whose JVM has gone: their server stopped, their data deleted. */
    private void removeLeftovers() {
        if (!Files.isDirectory(workDir)) {
            return;
        }
        try (Stream<Path> dirs = Files.list(workDir)) {
            dirs.filter(dir -> dir.getFileName().toString().startsWith(PREFIX))
                    .filter(dir -> !dir.equals(clusterDir))
                    .filter(dir -> ProcessHandle.of(pidOf(dir)).filter(ProcessHandle::isAlive).isEmpty())
                    .forEach(dir -> {
                        Path data = dir.resolve("data");
                        if (Files.exists(data.resolve("postmaster.pid"))) {
                            runQuietly(List.of(tool("pg_ctl"), "stop", "-D", data.toString(), "-m", "immediate", "-w"));
                        }
                        FileSystemUtils.deleteRecursively(dir.toFile());
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long pidOf(Path dir) {
        try {
            return Long.parseLong(dir.getFileName().toString().substring(PREFIX.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void appendToConfiguration(String settings) {
        try {
            Files.writeString(dataDir.resolve("postgresql.conf"), settings, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String tool(String name) {
        return binDir.resolve(name).toString();
    }

    private void run(List<String> command) {
        String output = runQuietly(command);
        if (output != null) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }

    /** Runs a server tool (as the server's user when we are root); null if it succeeded, else its output. */
    private String runQuietly(List<String> command) {
        List<String> full = new ArrayList<>();
        if (asServerUser) {
            full.addAll(List.of("runuser", "-u", SERVER_USER, "--"));
        }
        full.addAll(command);
        try {
            // the output to a file, not a pipe: the server pg_ctl starts inherits it and would hold a pipe open
            Path output = Files.createTempFile("clinic-pg-tool", ".log");
            try {
                Process process = new ProcessBuilder(full).redirectErrorStream(true)
                        .redirectOutput(output.toFile())
                        .directory(Path.of(System.getProperty("java.io.tmpdir")).toFile()) // one the server user may enter
                        .start();
                if (!process.waitFor(2, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    return "timed out\n" + Files.readString(output);
                }
                return process.exitValue() == 0 ? null : Files.readString(output);
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + full, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + full, e);
        }
    }

    private static UserPrincipal serverUser() throws IOException {
        return Path.of("/").getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(SERVER_USER);
    }

    /** The newest PostgreSQL installed the Debian way (scripts/local-postgres.sh installs it where missing). */
    private static Path installedBinDir() {
        Path versions = Path.of("/usr/lib/postgresql");
        try (Stream<Path> installed = Files.isDirectory(versions) ? Files.list(versions) : Stream.empty()) {
            return installed.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                    .max(Comparator.comparingInt(bin -> versionNumber(bin.getParent())))
                    .orElseThrow(() -> new IllegalStateException("The system tests run their own PostgreSQL server and"
                            + " found no initdb under " + versions + "; run scripts/local-postgres.sh (it installs"
                            + " Debian's postgresql package)."));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int versionNumber(Path dir) {
        try {
            return Integer.parseInt(dir.getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
