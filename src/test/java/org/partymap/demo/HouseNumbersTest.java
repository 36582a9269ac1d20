package org.partymap.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HouseNumbersTest {

    @ParameterizedTest
    @CsvSource({"0,true,1", "0,false,2", "15.9,true,1", "16,true,3", "16,false,4", "160,false,22", "-3,true,1"})
    void numbersRiseAlongTheStreetOddOnTheLeft(double metres, boolean left, int number) {
        assertEquals(number, HouseNumbers.at(metres, left));
    }
}
