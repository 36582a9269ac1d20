package org.partymap.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The error body OGC API - Features prescribes ({@code exception.yaml}: {@code code} and
 * {@code description}), written for every error under {@code /ogc}. It keeps the members of the
 * problem (type, status, the offending parameter, the request id), so one parser reads both.
 */
public final class OgcException {

    public static final String MEDIA_TYPE = "application/json";
    private static final String PREFIX = "/ogc";

    private OgcException() {
    }

    public static boolean appliesTo(String path) {
        return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
    }

    /** code (an OWS exception code), description, then the problem's own members. */
    public static Map<String, Object> of(Problem problem) {
        var body = new LinkedHashMap<String, Object>();
        body.put("code", code(problem.status()));
        body.put("description", problem.detail());
        body.put("type", problem.type());
        body.put("title", problem.title());
        body.put("status", problem.status());
        if (problem.instance() != null) {
            body.put("instance", problem.instance());
        }
        body.putAll(problem.extensions());
        return body;
    }

    static String code(int status) {
        return switch (status) {
            case 400 -> "InvalidParameterValue";
            case 404 -> "NotFound";
            case 405 -> "OperationNotSupported";
            case 406 -> "NotAcceptable";
            case 429 -> "TooManyRequests";
            case 503 -> "ServiceUnavailable";
            default -> status >= 500 ? "NoApplicableCode" : "HttpError" + status;
        };
    }
}
