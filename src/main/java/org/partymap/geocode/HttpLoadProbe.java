package org.partymap.geocode;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Load on {@code /api/geocode} as a benchmark tool such as wrk makes it: {@code clients}
 * keep-alive HTTP/1.1 connections on plain sockets, each sending its next query as soon as the
 * last answer is read, timing every request. A light client, so that the figures are the
 * server's and not the load generator's (the JDK's HttpClient costs more per request than the
 * geocoder does).
 */
public final class HttpLoadProbe {

    /** Requests per second over all clients, latency percentiles in milliseconds, non-200 answers. */
    public record Figures(int clients, long requests, double seconds, double perSecond, double p50, double p99, long errors) {
        public String format() {
            return String.format(Locale.ROOT, "HTTP /api/geocode, %d clients: %,.0f requests/s (%,d in %.1f s), p50 %.2f ms, p99 %.2f ms, %d errors",
                    clients, perSecond, requests, seconds, p50, p99, errors);
        }
    }

    private HttpLoadProbe() {
    }

    /** @param base the server, such as http://127.0.0.1:7070 */
    public static Figures measure(URI base, List<String> queries, int clients, Duration duration)
            throws IOException, InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + duration.toNanos();
        long begin = System.nanoTime();
        var results = new ArrayList<Future<long[]>>();
        for (int c = 0; c < clients; c++) {
            int offset = c * queries.size() / clients;
            results.add(pool.submit(() -> client(base, queries, offset, end)));
        }
        pool.shutdown();
        var latencies = new ArrayList<Long>();
        long errors = 0;
        for (Future<long[]> f : results) {
            try {
                long[] r = f.get();
                errors += r[0];
                for (int i = 1; i < r.length; i++) {
                    latencies.add(r[i]);
                }
            } catch (ExecutionException e) {
                throw new IOException("a load client failed: " + e.getCause().getMessage(), e.getCause());
            }
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        latencies.sort(null);
        int n = latencies.size();
        return new Figures(clients, n, seconds, n / seconds, n == 0 ? 0 : latencies.get(n / 2) / 1e6,
                n == 0 ? 0 : latencies.get((int) (n * 0.99)) / 1e6, errors);
    }

    /** One connection's run: the count of non-200 answers first, then every latency in nanoseconds. */
    private static long[] client(URI base, List<String> queries, int offset, long end) throws IOException {
        var latencies = new ArrayList<Long>();
        long errors = 0;
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            String host = "Host: " + base.getHost() + ":" + base.getPort() + "\r\n\r\n";
            for (int i = 0; System.nanoTime() < end; i++) {
                String q = URLEncoder.encode(queries.get((offset + i) % queries.size()), StandardCharsets.UTF_8);
                long t0 = System.nanoTime();
                out.write(("GET /api/geocode?q=" + q + " HTTP/1.1\r\n" + host).getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String status = line(in);
                int length = -1;
                for (String header = line(in); !header.isEmpty(); header = line(in)) {
                    if (header.regionMatches(true, 0, "content-length:", 0, 15)) {
                        length = Integer.parseInt(header.substring(15).strip());
                    }
                }
                if (length < 0) {
                    throw new IOException("an answer without Content-Length: " + status);
                }
                in.readNBytes(length);
                latencies.add(System.nanoTime() - t0);
                if (!status.startsWith("HTTP/1.1 200")) {
                    errors++;
                }
            }
        }
        long[] out = new long[latencies.size() + 1];
        out[0] = errors;
        for (int i = 0; i < latencies.size(); i++) {
            out[i + 1] = latencies.get(i);
        }
        return out;
    }

    private static String line(InputStream in) throws IOException {
        var s = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("the server closed the connection");
            }
            if (c != '\r') {
                s.append((char) c);
            }
        }
        return s.toString();
    }
}
