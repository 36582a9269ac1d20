package org.partymap.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where exceptions become HTTP responses: every error leaves as
 * {@code application/problem+json}. Client errors carry their message; anything unexpected is a
 * 500 with only a request id, and its stack trace goes to the log, never to the client.
 */
public final class ErrorMapper {

    public static final String REQUEST_ID = "requestId";
    private static final Logger log = LoggerFactory.getLogger(ErrorMapper.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private ErrorMapper() {
    }

    public static void install(JavalinConfig config) {
        config.routes.before(ctx -> {
            // not UUID.randomUUID(): its SecureRandom is one lock that every request thread queues on
            String id = Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE).substring(0, 13);
            ctx.attribute(REQUEST_ID, id);
            ctx.header("X-Request-Id", id);
        });
        config.routes.exception(ApiException.class, (e, ctx) -> write(ctx, e.toProblem()));
        config.routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, fromJavalin(e)));
        config.routes.exception(JsonProcessingException.class, (e, ctx) -> write(ctx,
                ApiException.badRequest("bad-json", "the body is not valid JSON: " + e.getOriginalMessage()).toProblem()));
        config.routes.exception(Exception.class, ErrorMapper::unexpected);
        config.routes.error(404, ctx -> {
            if (!isProblem(ctx)) {
                write(ctx, ApiException.notFound("not-found", "nothing at " + ctx.path()).toProblem());
            }
        });
        config.routes.error(405, ctx -> {
            if (!isProblem(ctx)) {
                write(ctx, new ApiException(405, "method-not-allowed", "Method not allowed",
                        ctx.method() + " is not allowed on " + ctx.path()).toProblem());
            }
        });
    }

    /**
     * Writes a problem as the response, with the request's path and id. Under {@code /ogc} it is
     * the exception of OGC API - Features (JSON with code and description) carrying the same
     * members. A response that is already on its way (a streamed page) cannot become a problem:
     * it stays cut short, which the client's JSON parser notices.
     */
    public static void write(Context ctx, Problem problem) {
        if (ctx.res().isCommitted()) {
            log.warn("request {} {} failed after its response began: {} {}", ctx.method(), ctx.path(),
                    problem.status(), problem.detail());
            return;
        }
        Problem full = problem.withInstance(ctx.path());
        String id = ctx.attribute(REQUEST_ID);
        if (id != null) {
            full = full.with("requestId", id);
        }
        boolean ogc = OgcException.appliesTo(ctx.path());
        ctx.status(problem.status()).contentType(ogc ? OgcException.MEDIA_TYPE : Problem.MEDIA_TYPE);
        Object retryAfter = problem.extensions().get("retryAfter");
        if (retryAfter != null) {
            ctx.header("Retry-After", retryAfter.toString());
        }
        try {
            // bytes, not a String: Jetty would encode a String for application/problem+json as ISO-8859-1
            ctx.result(JSON.writeValueAsBytes(ogc ? OgcException.of(full) : full));
        } catch (JsonProcessingException e) {
            ctx.result("{\"status\":" + problem.status() + "}");
        }
    }

    private static void unexpected(Exception e, Context ctx) {
        Throwable cause = e;
        while (cause.getCause() != null && cause != cause.getCause()) {
            if (cause instanceof ApiException api) {
                write(ctx, api.toProblem());
                return;
            }
            cause = cause.getCause();
        }
        if (cause instanceof ApiException api) {
            write(ctx, api.toProblem());
            return;
        }
        if (databaseAway(e)) {
            // not a bug of this server: one line, and a 503 the client may retry
            log.warn("request {} {} found no database (request id {}): {}", ctx.method(), ctx.path(), ctx.attribute(REQUEST_ID),
                    firstLine(e.getMessage()));
            ctx.header("Retry-After", "5");
            write(ctx, new Problem("/problems/database-unavailable", "Service unavailable", 503,
                    "the database does not answer; try again in a few seconds", null, null));
            return;
        }
        log.error("request {} {} failed (request id {})", ctx.method(), ctx.path(), ctx.attribute(REQUEST_ID), e);
        write(ctx, new Problem("/problems/internal", "Internal server error", 500,
                "the server could not answer this request; quote the request id when reporting it", null, null));
    }

    /**
     * Whether a failure is the database being away: a connection that could not be had in time or
     * broke (SQLSTATE class 08, or 57P01–57P03: the server is shutting down or terminated the session).
     */
    static boolean databaseAway(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    private static Problem fromJavalin(HttpResponseException e) {
        int status = e.getStatus();
        String slug = switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 413 -> "too-large";
            case 415 -> "unsupported-media-type";
            case 429 -> "too-many-requests";
            default -> "http-" + status;
        };
        var problem = new Problem("/problems/" + slug, io.javalin.http.HttpStatus.forStatus(status).getMessage(),
                status, e.getMessage(), null, null);
        return e.getDetails().isEmpty() ? problem : problem.with("errors", e.getDetails());
    }

    private static boolean isProblem(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && (type.startsWith(Problem.MEDIA_TYPE)
                || OgcException.appliesTo(ctx.path()) && type.startsWith(OgcException.MEDIA_TYPE));
    }
}
