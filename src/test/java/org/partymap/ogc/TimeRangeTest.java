package org.partymap.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.partymap.http.ApiException;

class TimeRangeTest {

    private static Optional<OffsetDateTime> at(String text) {
        return Optional.of(OffsetDateTime.parse(text));
    }

    @Test
    void anInstantCoversOneMicrosecond() {
        TimeRange r = TimeRange.parse("2024-05-01T08:00:00Z");
        assertEquals(at("2024-05-01T08:00:00Z"), r.from());
        assertEquals(at("2024-05-01T08:00:00.000001Z"), r.until());
    }

    @Test
    void anInstantKeepsItsOffset() {
        assertTrue(TimeRange.parse("2024-05-01T16:00:00+08:00").from().orElseThrow().isEqual(OffsetDateTime.parse("2024-05-01T08:00:00Z")));
    }

    @Test
    void aDateCoversTheWholeUtcDay() {
        TimeRange r = TimeRange.parse("2024-05-01");
        assertEquals(at("2024-05-01T00:00:00Z"), r.from());
        assertEquals(at("2024-05-02T00:00:00Z"), r.until());
    }

    @ParameterizedTest
    @CsvSource({
        "2024-01-01T00:00:00Z/2024-02-01T00:00:00Z, 2024-01-01T00:00:00Z, 2024-02-01T00:00:00.000001Z",
        "2024-01-01T00:00:00Z/.., 2024-01-01T00:00:00Z, ",
        "2024-01-01T00:00:00Z/, 2024-01-01T00:00:00Z, ",
        "../2024-02-01T00:00:00Z, , 2024-02-01T00:00:00.000001Z",
        "/2024-02-01, , 2024-02-02T00:00:00Z",
        "2024-01-01/2024-01-31, 2024-01-01T00:00:00Z, 2024-02-01T00:00:00Z",
        "2024-01-01t00:00:00z/.., 2024-01-01T00:00:00Z, "})
    void intervalsMayBeOpenAtEitherEnd(String raw, String from, String until) {
        TimeRange r = TimeRange.parse(raw);
        assertEquals(Optional.ofNullable(from).map(OffsetDateTime::parse), r.from());
        assertEquals(Optional.ofNullable(until).map(OffsetDateTime::parse), r.until());
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2024-13-01", "2024-05-01T08:00:00", "2024-05-01 08:00:00Z", "../..", "/",
        "..", "2024-02-01T00:00:00Z/2024-01-01T00:00:00Z", "2024-01-01/2024-02-01/2024-03-01", "1714550400",
        "2024-05-01T25:00:00Z"})
    void anythingElseIsA400ThatNamesDatetime(String raw) {
        ApiException e = assertThrows(ApiException.class, () -> TimeRange.parse(raw));
        assertEquals(400, e.status());
        assertEquals("datetime", e.toProblem().extensions().get("parameter"));
        assertTrue(e.getMessage().contains(raw), e.getMessage());
    }
}
