package org.partymap.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PeopleTest {

    @Test
    void noIdNumberHasARightCheckDigitButEachCarriesRegionBirthAndSex() {
        var rnd = new SplittableRandom(1);
        for (int i = 0; i < 5000; i++) {
            boolean male = rnd.nextBoolean();
            String id = People.idNumber(rnd, 1950 + i % 60, 1 + i % 12, 1 + i % 28, male);
            assertTrue(id.matches("^320902(19|20)[0-9]{9}[0-9X]$"), id);
            assertFalse(People.validCheckDigit(id), id);
            assertEquals(male, (id.charAt(16) - '0') % 2 == 1, "the 17th digit is odd for a man: " + id);
        }
    }

    @Test
    void aRealIdNumbersCheckDigitIsRecognised() {
        // the worked example of GB 11643-1999
        assertTrue(People.validCheckDigit("11010519491231002X"));
    }

    @Test
    void phoneNumbersAreOfFormsNoRealNumberHas() {
        var rnd = new SplittableRandom(2);
        for (int i = 0; i < 1000; i++) {
            assertTrue(People.mobile(rnd).matches("^100[0-9]{8}$"));
            assertTrue(People.landline(rnd).matches("^0515-0[0-9]{7}$"));
        }
    }
}
