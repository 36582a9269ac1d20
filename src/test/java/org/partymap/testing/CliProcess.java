package org.partymap.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** partymap's command line run in a JVM of its own, as {@code ./partymap} runs it. */
public final class CliProcess {

    private static final Pattern SERVING = Pattern.compile("partymap is serving http://[^:]+:(\\d+)/");

    private CliProcess() {
    }

    /** What a finished command printed and returned. */
    public record Result(int exitCode, String stdout, String stderr) {
    }

    /** The settings that point a command at {@code db} (a database of {@link TestDatabase}'s server). */
    public static Map<String, String> databaseEnv(org.partymap.db.Database db) {
        TestDatabase.Server server = TestDatabase.server();
        return Map.of("PARTYMAP_DB_URL", ((com.zaxxer.hikari.HikariDataSource) db.dataSource()).getJdbcUrl(),
                "PARTYMAP_DB_USER", server.user(), "PARTYMAP_DB_PASSWORD", server.password());
    }

    public static ProcessBuilder builder(Path home, Map<String, String> env, String... args) {
        var command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.partymap.Main"));
        command.addAll(List.of(args));
        var pb = new ProcessBuilder(command);
        Map<String, String> environment = pb.environment();
        environment.keySet().removeIf(k -> k.startsWith("PARTYMAP_"));
        var settings = new HashMap<String, String>();
        settings.put("PARTYMAP_HOME", home.toString());
        settings.put("PARTYMAP_PORT", "0");
        settings.put("PARTYMAP_DATA", Path.of("data").toAbsolutePath().toString());
        settings.putAll(env);
        environment.putAll(settings);
        return pb;
    }

    public static Result run(Path home, Map<String, String> env, String... args) {
        return runWithInput(home, env, "", args);
    }

    /** Runs a command with {@code stdin} as its standard input (not a terminal). */
    public static Result runWithInput(Path home, Map<String, String> env, String stdin, String... args) {
        try {
            Path err = Files.createTempFile("partymap-cli", ".err");
            Process p = builder(home, env, args).redirectError(err.toFile()).start();
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("partymap " + String.join(" ", args) + " did not finish");
            }
            String stderr = Files.readString(err);
            Files.delete(err);
            return new Result(p.exitValue(), out, stderr);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A running server, the port it reported and what it printed before. */
    public record Server(Process process, int port, String output) {
    }

    /** Starts {@code serve} (or {@code demo}) and waits until it says where it serves. */
    public static Server serve(Path home, Map<String, String> env, String command, Duration timeout) {
        try {
            Path log = home.resolve("server-" + System.nanoTime() + ".log");
            Process p = builder(home, env, command).redirectError(log.toFile()).start();
            var reader = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            long deadline = System.nanoTime() + timeout.toNanos();
            String line;
            var output = new StringBuilder();
            while (System.nanoTime() < deadline && (line = reader.readLine()) != null) {
                output.append(line).append('\n');
                Matcher m = SERVING.matcher(line);
                if (m.find()) {
                    return new Server(p, Integer.parseInt(m.group(1)), output.toString());
                }
            }
            p.destroyForcibly();
            throw new AssertionError("the server did not start: " + Files.readString(log));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
