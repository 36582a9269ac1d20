package org.partymap.db;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.partymap.StartupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A private PostgreSQL + PostGIS cluster under {@code home/pg}, run from the system's server
 * binaries: initdb on first use, started on a free loopback port, stopped by {@link #close()}.
 *
 * <p>One partymap process owns a home at a time, through an exclusive lock on
 * {@code home/partymap.lock}. The lock dies with its process, so after a crash (even SIGKILL) the
 * next start finds it free, stops the orphaned postmaster or clears its stale
 * {@code postmaster.pid}, and starts the cluster again with its data intact. Command-line tools
 * started while a server owns the home {@linkplain Mode#ATTACH attach} to its running cluster
 * instead.
 *
 * <p>initdb refuses to run as root, so when partymap runs as root the cluster's programs run as
 * the {@code postgres} system user and the data directory belongs to that user.
 */
public final class LocalPostgis implements AutoCloseable {

    /** How to treat a home that another partymap process already owns. */
    public enum Mode {
        /** Fail with "already running (pid N)": a server. */
        OWN,
        /** Use the cluster the owner runs, and leave it running afterwards: a command-line tool. */
        ATTACH
    }

    public static final String SUPERUSER = "partymap";
    private static final Logger log = LoggerFactory.getLogger(LocalPostgis.class);
    /** The longest socket directory for which "dir/.s.PGSQL.65535" still fits in sun_path. */
    private static final int MAX_SOCKET_DIR_LENGTH = 90;
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(120);

    private final Path home;
    private final Path dataDir;
    private final PgBinaries binaries;
    private final boolean asPostgresUser;
    private final int port;
    private final String password;
    private final FileChannel lockChannel;
    private final boolean ownsCluster;

    private LocalPostgis(Path home, PgBinaries binaries, boolean asPostgresUser, int port, String password,
                         FileChannel lockChannel, boolean ownsCluster) {
        this.home = home;
        this.dataDir = home.resolve("pg");
        this.binaries = binaries;
        this.asPostgresUser = asPostgresUser;
        this.port = port;
        this.password = password;
        this.lockChannel = lockChannel;
        this.ownsCluster = ownsCluster;
    }

    /**
     * Starts (creating it if needed) the cluster under {@code home/pg}, or attaches to it.
     *
     * @param fast turn off fsync and friends: for throwaway test clusters only
     */
    public static LocalPostgis start(Path home, Optional<Path> pgBin, Mode mode, boolean fast) {
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new StartupException("cannot create PARTYMAP_HOME " + home + ": " + e.getMessage(), e);
        }
        FileChannel lock = tryLock(home);
        PgBinaries binaries = PgBinaries.find(pgBin);
        boolean root = isRoot();
        if (lock == null) {
            long owner = readOwnerPid(home);
            if (mode == Mode.OWN) {
                throw new StartupException("a server is already running (pid " + owner + ") on " + home);
            }
            return attach(home, binaries, root, owner);
        }
        try {
            var cluster = new LocalPostgis(home, binaries, root, freePort(), "", lock, true);
            return cluster.bringUp(fast);
        } catch (RuntimeException e) {
            release(lock);
            throw e;
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String user() {
        return SUPERUSER;
    }

    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Creates {@code database} unless it exists, optionally as a copy of {@code template}. */
    public void createDatabase(String database, Optional<String> template) {
        if (!database.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (var c = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, password);
             var exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            if (exists.executeQuery().next()) {
                return;
            }
            try (var create = c.createStatement()) {
                create.execute("CREATE DATABASE " + database
                        + template.map(t -> " TEMPLATE " + t).orElse(" TEMPLATE template0 ENCODING 'UTF8'"));
            }
        } catch (SQLException e) {
            throw new StartupException("cannot create database " + database + " in the local cluster: " + e.getMessage(), e);
        }
    }

    /** Stops the cluster if this process started it, and releases the home. */
    @Override
    public void close() {
        if (!ownsCluster) {
            return;
        }
        try {
            runCluster(List.of(binaries.program("pg_ctl").toString(), "stop", "-D", dataDir.toString(),
                    "-m", "fast", "-w", "-t", "60"));
            log.info("stopped the local PostGIS cluster in {}", dataDir);
        } catch (StartupException e) {
            log.warn("could not stop the local cluster cleanly: {}", e.getMessage());
        } finally {
            release(lockChannel);
        }
    }

    private LocalPostgis bringUp(boolean fast) {
        String pw;
        if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
            pw = initialise();
        } else {
            pw = readPassword(home);
        }
        recoverFromCrash();
        int chosen = port;
        StartupException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                startServer(chosen, fast);
                var up = new LocalPostgis(home, binaries, asPostgresUser, chosen, pw, lockChannel, true);
                up.createDatabase("partymap", Optional.empty());
                return up;
            } catch (StartupException e) {
                last = e;
                chosen = freePort();
            }
        }
        throw last;
    }

    private String initialise() {
        log.info("creating a PostgreSQL {} cluster in {}", binaries.majorVersion(), dataDir);
        String pw = randomPassword();
        Path pwFile = home.resolve("pg.pwfile");
        boolean created = !Files.exists(dataDir);
        try {
            Files.createDirectories(dataDir);
            Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
            Files.writeString(home.resolve("pg.password"), pw, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(home.resolve("pg.password"), PosixFilePermissions.fromString("rw-------"));
            Files.writeString(pwFile, pw, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(pwFile, PosixFilePermissions.fromString("rw-------"));
            if (asPostgresUser) {
                run(List.of("chown", "postgres:postgres", dataDir.toString(), pwFile.toString()), false);
                checkReachableByPostgres();
            }
            runCluster(List.of(binaries.program("initdb").toString(), "-D", dataDir.toString(),
                    "-U", SUPERUSER, "--pwfile=" + pwFile, "-E", "UTF8", "--locale=C.UTF-8",
                    "--auth-local=trust", "--auth-host=scram-sha-256"));
            Files.writeString(dataDir.resolve("postgresql.conf"), """

                    # partymap: a private cluster on loopback (port and socket are given at start)
                    listen_addresses = '127.0.0.1'
                    max_connections = 200
                    shared_buffers = 256MB
                    work_mem = 16MB
                    maintenance_work_mem = 256MB
                    """, StandardOpenOption.APPEND);
            return pw;
        } catch (IOException e) {
            throw new StartupException("cannot create the cluster in " + dataDir + ": " + e.getMessage(), e);
        } catch (StartupException e) {
            if (created) {
                deleteQuietly(dataDir);
            }
            throw e;
        } finally {
            deleteQuietlyFile(pwFile);
        }
    }

    /**
     * A postmaster left by a process that died without stopping it is stopped; a postmaster.pid
     * whose process is gone (or is no longer a postgres) is removed.
     */
    private void recoverFromCrash() {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid = readPostmasterPid(pidFile);
        boolean isPostgres = pid > 0 && ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .map(LocalPostgis::commandLineOf)
                .filter(cmd -> cmd.contains("postgres") || cmd.contains("postmaster"))
                .isPresent();
        if (isPostgres) {
            log.warn("found the cluster still running (pid {}) after an unclean exit; restarting it", pid);
            runCluster(List.of(binaries.program("pg_ctl").toString(), "stop", "-D", dataDir.toString(),
                    "-m", "fast", "-w", "-t", "60"));
        } else {
            log.warn("removing a stale postmaster.pid (pid {} is not a running PostgreSQL)", pid);
            deleteQuietlyFile(pidFile);
        }
    }

    private void startServer(int onPort, boolean fast) {
        String socketDir = dataDir.toString().length() <= MAX_SOCKET_DIR_LENGTH ? dataDir.toString() : "";
        var options = new StringBuilder("-p " + onPort + " -c unix_socket_directories='" + socketDir + "'");
        if (fast) {
            options.append(" -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        }
        runCluster(List.of(binaries.program("pg_ctl").toString(), "start", "-D", dataDir.toString(),
                "-l", dataDir.resolve("server.log").toString(), "-w", "-t", "60", "-o", options.toString()));
        log.info("local PostGIS cluster ({}) listening on 127.0.0.1:{}", dataDir, onPort);
    }

    private static LocalPostgis attach(Path home, PgBinaries binaries, boolean root, long owner) {
        Path pidFile = home.resolve("pg").resolve("postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(pidFile);
            int port = Integer.parseInt(lines.get(3).strip());
            log.info("attaching to the cluster of partymap pid {} on port {}", owner, port);
            return new LocalPostgis(home, binaries, root, port, readPassword(home), null, false);
        } catch (IOException | RuntimeException e) {
            throw new StartupException("a server is already running (pid " + owner + ") on " + home
                    + " but its database is not up yet; try again in a moment");
        }
    }

    private void checkReachableByPostgres() {
        try {
            run(List.of("runuser", "-u", "postgres", "--", "test", "-w", dataDir.toString()), false);
        } catch (StartupException e) {
            throw new StartupException("the postgres system user cannot write " + dataDir
                    + " (a parent directory is not searchable by it); set PARTYMAP_HOME to a directory it can reach");
        }
    }

    /** Runs a cluster program, as the postgres user when partymap runs as root. */
    private void runCluster(List<String> command) {
        run(command, asPostgresUser);
    }

    private static String run(List<String> command, boolean asPostgres) {
        var full = new ArrayList<String>();
        if (asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        try {
            Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new StartupException(String.join(" ", command) + " did not finish in " + COMMAND_TIMEOUT);
            }
            String text = new String(out, StandardCharsets.UTF_8).strip();
            if (p.exitValue() != 0) {
                throw new StartupException(command.get(0).replaceAll(".*/", "") + " failed: " + lastLines(text, 6));
            }
            return text;
        } catch (IOException e) {
            throw new StartupException("cannot run " + full.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("interrupted while running " + command.get(0), e);
        }
    }

    private static FileChannel tryLock(Path home) {
        Path lockFile = home.resolve("partymap.lock");
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                return null;
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(false);
            return channel;
        } catch (IOException e) {
            release(channel);
            throw new StartupException("cannot lock " + lockFile + ": " + e.getMessage(), e);
        }
    }

    private static void release(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing releases the lock; nothing more to do
            }
        }
    }

    private static long readOwnerPid(Path home) {
        try {
            return Long.parseLong(Files.readString(home.resolve("partymap.lock")).strip());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    private static long readPostmasterPid(Path pidFile) {
        try {
            return Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static String readPassword(Path home) {
        try {
            return Files.readString(home.resolve("pg.password")).strip();
        } catch (IOException e) {
            throw new StartupException("cannot read the local cluster's password file " + home.resolve("pg.password")
                    + ": " + e.getMessage(), e);
        }
    }

    private static String commandLineOf(ProcessHandle process) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline")).replace('\0', ' ');
        } catch (IOException e) {
            return process.info().command().orElse("");
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new StartupException("no free port on loopback: " + e.getMessage(), e);
        }
    }

    private static boolean isRoot() {
        return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String lastLines(String text, int n) {
        String[] lines = text.split("\n");
        return String.join(" | ", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - n), lines.length));
    }

    private static void deleteQuietlyFile(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover temporary file is harmless
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(LocalPostgis::deleteQuietlyFile);
        } catch (IOException ignored) {
            // a half-created cluster directory is removed on a best-effort basis
        }
    }
}
