package org.partymap.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error responses — a malformed URL, invalid UTF-8 in the path or query, headers
 * too large, a request Jetty refuses before Javalin sees it — written as problem+json with the
 * security headers, instead of Jetty's HTML page. The message is the HTTP reason Jetty gives
 * (such as "Bad UTF-8 encoding"); exception names and stack traces never reach the client.
 */
public final class JettyErrors extends ErrorHandler {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final SecurityHeaders headers;

    public JettyErrors(SecurityHeaders headers) {
        this.headers = headers;
        setShowStacks(false);
        setShowCauses(false);
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        var fields = response.getHeaders();
        fields.put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        headers.applyTo(fields::put);
        response.write(true, ByteBuffer.wrap(body(code, reason(code, message, cause))), callback);
    }

    /** The body of a problem+json for a status Jetty decided on. */
    static byte[] body(int code, String detail) {
        int status = code >= 400 && code <= 599 ? code : 500;
        String slug = switch (status) {
            case 400 -> "bad-request";
            case 413 -> "too-large";
            case 414 -> "uri-too-long";
            case 431 -> "headers-too-large";
            default -> "http-" + status;
        };
        var problem = new Problem("/problems/" + slug, HttpStatus.getMessage(status), status, detail, null, null);
        try {
            return JSON.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            return ("{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
        }
    }

    private static String reason(int code, String message, Throwable cause) {
        if (code >= 500) {
            return "the server could not answer this request";
        }
        String why = HttpStatus.getMessage(code);
        if (cause instanceof HttpException http && http.getReason() != null) {
            why = http.getReason();
        } else if (cause == null && message != null && message.length() <= 200) {
            why = message;
        }
        return "the request could not be read: " + why;
    }
}
