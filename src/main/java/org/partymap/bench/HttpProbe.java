package org.partymap.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal HTTP/1.1 client on one kept-alive connection: GET, read the status, the headers and
 * the body (Content-Length or chunked), nothing more. A full client costs the 2-core machine
 * more CPU per request than the endpoints being measured; this one costs little, so the ratio
 * between HTTP and straight JDBC measures the server, not the client.
 */
public final class HttpProbe implements AutoCloseable {

    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private byte[] lastBody = new byte[0];

    public HttpProbe(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** Sends a GET and returns the status; the body is kept for {@link #lastBody()}. */
    public int get(String pathAndQuery) throws IOException {
        return get(pathAndQuery, "");
    }

    /** The same with request headers, each line ending in CRLF ({@code "Accept-Encoding: gzip\r\n"}). */
    public int get(String pathAndQuery, String headers) throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(30_000);
            in = new BufferedInputStream(socket.getInputStream(), 65_536);
            out = socket.getOutputStream();
        }
        out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n" + headers + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        String status = line();
        int code = Integer.parseInt(status.substring(9, 12));
        int length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String h = line(); !h.isEmpty(); h = line()) {
            String lower = h.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(h.substring(15).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        if (chunked) {
            var body = new java.io.ByteArrayOutputStream();
            for (int size = Integer.parseInt(line().split(";")[0].strip(), 16); size > 0;
                 size = Integer.parseInt(line().split(";")[0].strip(), 16)) {
                body.write(in.readNBytes(size));
                line();
            }
            line();
            lastBody = body.toByteArray();
        } else {
            lastBody = in.readNBytes(Math.max(0, length));
        }
        if (close) {
            close();
        }
        return code;
    }

    public String lastBody() {
        return new String(lastBody, StandardCharsets.UTF_8);
    }

    private String line() throws IOException {
        var sb = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                sb.append((char) c);
            }
        }
        if (c == -1 && sb.length() == 0) {
            throw new IOException("the server closed the connection");
        }
        return sb.toString();
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }
}
