package org.partymap.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChineseNumeralsTest {

    @ParameterizedTest
    @CsvSource({"1,一", "3,三", "10,十", "12,十二", "20,二十", "21,二十一", "100,一百", "105,一百零五", "110,一百一十", "268,二百六十八",
            "1030,一千零三十"})
    void numbersAreWrittenAsInNames(int n, String chinese) {
        assertEquals(chinese, ChineseNumerals.of(n));
    }

    @ParameterizedTest
    @CsvSource({"501,五零一", "1203,一二零三", "12-1,一二-一"})
    void roomNumbersAreReadDigitByDigit(String number, String chinese) {
        assertEquals(chinese, ChineseNumerals.digits(number));
    }
}
