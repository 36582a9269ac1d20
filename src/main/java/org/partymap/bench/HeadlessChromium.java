package org.partymap.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Debian's chromium, headless with a fresh profile, driven over the DevTools protocol (a
 * WebSocket, no driver, no extra library) so that a benchmark can load a page the way a first
 * visitor does and read what the page itself measured (the Performance API).
 */
public final class HeadlessChromium implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    private HeadlessChromium(Process process, Path profile, WebSocket socket) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
    }

    /** Whether the browser is installed. */
    public static boolean available() {
        return Files.isExecutable(BINARY);
    }

    /** Starts the browser with a window of the given size and attaches to its first tab. */
    public static HeadlessChromium start(int width, int height) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("partymap-chromium");
        Process p = new ProcessBuilder(BINARY.toString(), "--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-gpu", "--no-first-run", "--remote-allow-origins=*",
                "--remote-debugging-port=0", "--user-data-dir=" + profile, "--window-size=" + width + "," + height,
                "about:blank").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String browserUrl = awaitListening(p);
            URI http = URI.create(browserUrl.replace("ws://", "http://").replaceAll("/devtools/.*", "/json/list"));
            String pageUrl = null;
            HttpClient client = HttpClient.newHttpClient();
            for (int attempt = 0; attempt < 50 && pageUrl == null; attempt++) {
                JsonNode tabs = JSON.readTree(client.send(HttpRequest.newBuilder(http).build(), HttpResponse.BodyHandlers.ofString()).body());
                for (JsonNode tab : tabs) {
                    if ("page".equals(tab.path("type").asText())) {
                        pageUrl = tab.path("webSocketDebuggerUrl").asText();
                    }
                }
                if (pageUrl == null) {
                    Thread.sleep(100);
                }
            }
            if (pageUrl == null) {
                throw new IOException("chromium opened no page to attach to");
            }
            var holder = new HeadlessChromium[1];
            WebSocket ws = client.newWebSocketBuilder().buildAsync(URI.create(pageUrl), new WebSocket.Listener() {
                private final StringBuilder text = new StringBuilder();

                @Override
                public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                    text.append(data);
                    if (last) {
                        holder[0].received(text.toString());
                        text.setLength(0);
                    }
                    webSocket.request(1);
                    return null;
                }
            }).get(10, TimeUnit.SECONDS);
            holder[0] = new HeadlessChromium(p, profile, ws);
            return holder[0];
        } catch (Exception e) {
            p.destroyForcibly();
            deleteTree(profile);
            throw e instanceof IOException io ? io : new IOException("chromium did not start: " + e.getMessage(), e);
        }
    }

    /** Opens a URL in the tab. */
    public void navigate(String url) throws IOException {
        send("Page.navigate", Map.of("url", url));
    }

    /** Evaluates an expression in the page; its value if it is a string, else empty. */
    public Optional<String> evaluate(String expression) throws IOException {
        JsonNode r = send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
        JsonNode value = r.path("result").path("result").path("value");
        return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }

    /** Evaluates the expression every 50 ms until it gives a string, or gives up after {@code timeout}. */
    public Optional<String> poll(String expression, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> v = evaluate(expression);
            if (v.isPresent()) {
                return v;
            }
            Thread.sleep(50);
        }
        return Optional.empty();
    }

    private JsonNode send(String method, Map<String, Object> params) throws IOException {
        int id = ids.incrementAndGet();
        var answer = new CompletableFuture<JsonNode>();
        pending.put(id, answer);
        socket.sendText(JSON.writeValueAsString(Map.of("id", id, "method", method, "params", params)), true);
        try {
            JsonNode r = answer.get(30, TimeUnit.SECONDS);
            if (r.has("error")) {
                throw new IOException(method + ": " + r.get("error"));
            }
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (Exception e) {
            throw e instanceof IOException io ? io : new IOException(method + " got no answer: " + e.getMessage(), e);
        } finally {
            pending.remove(id);
        }
    }

    private void received(String message) {
        try {
            JsonNode m = JSON.readTree(message);
            if (m.has("id")) {
                var f = pending.get(m.get("id").asInt());
                if (f != null) {
                    f.complete(m);
                }
            }
        } catch (IOException ignored) {
            // events we do not read
        }
    }

    private static String awaitListening(Process p) throws IOException {
        var err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = err.readLine()) != null) {
            var m = LISTENING.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        err.transferTo(java.io.Writer.nullWriter());
                    } catch (IOException ignored) {
                        // the browser is gone
                    }
                }, "chromium-stderr");
                drain.setDaemon(true);
                drain.start();
                return m.group(1);
            }
        }
        throw new IOException("chromium exited before it opened its DevTools port");
    }

    @Override
    public void close() {
        socket.abort();
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteTree(profile);
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory
        }
    }
}
