package org.partymap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientIpTest {

    @ParameterizedTest(name = "peer {0}, X-Forwarded-For {1}, trusted {2} → {3}")
    @CsvSource(nullValues = "-", delimiter = '|', value = {
            "10.0.0.9      | 203.0.113.7              | false | 10.0.0.9",
            "10.0.0.9      | 203.0.113.7              | true  | 203.0.113.7",
            "10.0.0.9      | 1.2.3.4, 203.0.113.7     | true  | 203.0.113.7",
            "10.0.0.9      | 203.0.113.7, evil        | true  | 10.0.0.9",
            "10.0.0.9      | 2001:db8::1              | true  | 2001:db8::1",
            "10.0.0.9      | ::::::                   | true  | 10.0.0.9",
            "10.0.0.9      | 999.1.1.1                | true  | 10.0.0.9",
            "10.0.0.9      | cafe.babe                | true  | 10.0.0.9",
            "[::1]         | -                        | true  | ::1"})
    void theClientIsThePeerUnlessATrustedProxyAppendedIt(String peer, String forwarded, boolean trusted, String expected) {
        assertEquals(expected, ClientIp.resolve(peer, forwarded, trusted));
    }
}
