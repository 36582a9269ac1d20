package org.partymap.resident;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneMaskTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(nullValues = "-", value = {
            "10012345678,     100****5678",
            "0515-01234567,   0515-****4567",
            "025-01234567,    025-****4567",
            "+86 100 1234 5678, +86 1** **** 5678",
            "1234567,         ***4567",
            "12345,           ***45",
            "-,               -"})
    void listsShowEnoughToTellNumbersApartAndNoMore(String phone, String masked) {
        assertEquals(masked, PhoneMask.mask(phone));
    }
}
