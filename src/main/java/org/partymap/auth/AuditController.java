package org.partymap.auth;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.partymap.auth.AuditLog.Actor;
import org.partymap.http.ApiException;
import org.partymap.http.ClientIp;
import org.partymap.http.Params;
import org.partymap.http.Responses;

/**
 * {@code GET /api/admin/audit} (newest first, a page at a time) and
 * {@code GET /api/admin/audit/export} (CSV). Filters: {@code action}, {@code user},
 * {@code target_type}, {@code target_id}, {@code from} and {@code to} (ISO dates, taken in China
 * Standard Time, or ISO date-times), {@code before} (an entry id, for the next page). Reading
 * the log is itself logged.
 */
public final class AuditController {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final int EXPORT_MAX = 1_000_000;

    private final AuditLog audit;

    public AuditController(AuditLog audit) {
        this.audit = audit;
    }

    public void list(Context ctx) {
        var filter = filter(ctx, Params.integer(ctx, "limit", 100, 1, 1000, true));
        List<AuditLog.Entry> entries = audit.find(filter);
        record(ctx, "audit_read", filter);
        var out = new LinkedHashMap<String, Object>();
        out.put("entries", entries);
        out.put("next_before", entries.size() == filter.limit() ? entries.get(entries.size() - 1).id() : null);
        Responses.jsonOf(ctx, out);
    }

    public void export(Context ctx) throws IOException {
        var filter = filter(ctx, EXPORT_MAX);
        record(ctx, "audit_export", filter);
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"partymap-audit.csv\"");
        try (Writer out = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8)) {
            audit.exportCsv(filter, out);
        }
    }

    private void record(Context ctx, String action, AuditLog.Filter f) {
        var detail = new LinkedHashMap<String, Object>();
        f.action().ifPresent(v -> detail.put("action", v));
        f.username().ifPresent(v -> detail.put("user", v));
        f.targetType().ifPresent(v -> detail.put("target_type", v));
        f.targetId().ifPresent(v -> detail.put("target_id", v));
        f.from().ifPresent(v -> detail.put("from", v.toString()));
        f.to().ifPresent(v -> detail.put("to", v.toString()));
        audit.record(Actor.of(AccessControl.requireUser(ctx), ClientIp.of(ctx)), action, "audit_log", null, detail);
    }

    private static AuditLog.Filter filter(Context ctx, int limit) {
        return new AuditLog.Filter(
                Params.optionalLongId(ctx, "before"),
                Params.text(ctx, "action", 64),
                Params.text(ctx, "user", 64),
                Params.text(ctx, "target_type", 64),
                Params.text(ctx, "target_id", 64),
                time(ctx, "from"),
                time(ctx, "to"),
                limit);
    }

    private static Optional<OffsetDateTime> time(Context ctx, String name) {
        return Params.text(ctx, name, 40).map(raw -> {
            try {
                return raw.length() == 10 ? LocalDate.parse(raw).atStartOfDay(CHINA).toOffsetDateTime() : OffsetDateTime.parse(raw);
            } catch (DateTimeParseException e) {
                throw ApiException.badParameter(name, name + " must be a date (2026-05-01) or a date-time with offset (2026-05-01T08:00:00+08:00), not '" + raw + "'");
            }
        });
    }
}
