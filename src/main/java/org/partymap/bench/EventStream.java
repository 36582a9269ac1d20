package org.partymap.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A client of a server-sent event stream, as an EventSource reads one: each event (its name and
 * data lines) goes to a listener on arrival, stamped with {@link System#nanoTime()}, and to a
 * queue a test can wait on. For the live inbox's tests and its benchmark.
 */
public final class EventStream implements AutoCloseable {

    /** One event as it arrived. */
    public record Event(String name, String data, long receivedNanos) {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile Stream<String> lines;
    private volatile int status;

    private EventStream(HttpClient http, URI uri, String cookie, Consumer<Event> listener) {
        var request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").header("Cookie", cookie).GET().build();
        this.response = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(r -> {
            status = r.statusCode();
            lines = r.body();
            String name = "message";
            var data = new StringBuilder();
            try {
                for (var it = r.body().iterator(); it.hasNext(); ) {
                    String line = it.next();
                    if (line.isEmpty()) {
                        if (data.length() > 0) {
                            var event = new Event(name, data.toString(), System.nanoTime());
                            if (listener != null) {
                                listener.accept(event);
                            }
                            events.add(event);
                        }
                        name = "message";
                        data.setLength(0);
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        if (data.length() > 0) {
                            data.append('\n');
                        }
                        data.append(line.substring(5).strip());
                    }
                }
            } catch (RuntimeException closed) {
                // the stream was closed (by us or the server): nothing more arrives
            }
        });
    }

    /** Opens a stream with a session cookie ({@code name=value}); events go to {@code listener} too, if given. */
    public static EventStream open(HttpClient http, URI uri, String cookie, Consumer<Event> listener) {
        return new EventStream(http, uri, cookie, listener);
    }

    /** The next event named {@code name} within {@code timeout}, skipping others; null when none came. */
    public Event next(String name, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = end - System.nanoTime();
            Event e = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
            if (e == null || e.name().equals(name)) {
                return e;
            }
        }
    }

    /** Every event that has arrived and not been taken. */
    public java.util.List<Event> drain() {
        var all = new java.util.ArrayList<Event>();
        events.drainTo(all);
        return all;
    }

    /** The HTTP status, once the answer has begun (0 before). */
    public int status() {
        return status;
    }

    @Override
    public void close() {
        response.cancel(true);
        Stream<String> open = lines;
        if (open != null) {
            open.close();
        }
    }
}
