package org.partymap.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error that a client caused or can act on: the status, a short slug for the problem type and
 * a message that says what was wrong. The error mapper writes it as problem+json.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    public ApiException(int status, String slug, String title, String detail) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    /** Adds a member to the problem body, such as the offending fields or places. */
    public ApiException with(String key, Object value) {
        extensions.put(key, value);
        return this;
    }

    public Problem toProblem() {
        return new Problem("/problems/" + slug, title, status, getMessage(), null, extensions);
    }

    public int status() {
        return status;
    }

    /** 400: a parameter or body that cannot be used. */
    public static ApiException badRequest(String slug, String detail) {
        return new ApiException(400, slug, "Bad request", detail);
    }

    /** 400 about one named parameter. */
    public static ApiException badParameter(String name, String detail) {
        return badRequest("bad-parameter", detail).with("parameter", name);
    }

    /** 401: the request needs a login (or the session has ended). */
    public static ApiException unauthorized(String slug, String detail) {
        return new ApiException(401, slug, "Unauthorized", detail);
    }

    /** 403: logged in (or not), but not allowed to do this. */
    public static ApiException forbidden(String slug, String detail) {
        return new ApiException(403, slug, "Forbidden", detail);
    }

    /** 413: the body is larger than this endpoint accepts. */
    public static ApiException tooLarge(String detail) {
        return new ApiException(413, "too-large", "Content too large", detail);
    }

    /** 415: the body is not in the form this endpoint reads. */
    public static ApiException unsupportedMediaType(String detail) {
        return new ApiException(415, "unsupported-media-type", "Unsupported media type", detail);
    }

    /** 429: too many requests; the caller sets Retry-After on the response. */
    public static ApiException tooManyRequests(String slug, String detail, long retryAfterSeconds) {
        return new ApiException(429, slug, "Too many requests", detail).with("retryAfter", retryAfterSeconds);
    }

    /** 404: the thing asked for does not exist. */
    public static ApiException notFound(String slug, String detail) {
        return new ApiException(404, slug, "Not found", detail);
    }

    /** 409: the request conflicts with the current state (a stale version, a duplicate). */
    public static ApiException conflict(String slug, String detail) {
        return new ApiException(409, slug, "Conflict", detail);
    }

    /** 422: well-formed but unacceptable (an invalid geometry, an overlap). */
    public static ApiException unprocessable(String slug, String detail) {
        return new ApiException(422, slug, "Unprocessable content", detail);
    }
}
