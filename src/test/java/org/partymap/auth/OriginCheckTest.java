package org.partymap.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OriginCheckTest {

    private static final OriginCheck BEHIND_PROXY = new OriginCheck(Optional.of(URI.create("https://map.example.org")));

    @ParameterizedTest(name = "Origin {0}, Sec-Fetch-Site {1}, Host {2} → {3}")
    @CsvSource(nullValues = "-", value = {
            "-,                           -,           localhost:7070,  pass",
            "http://localhost:7070,        same-origin, localhost:7070,  pass",
            "http://LOCALHOST:7070,        -,           localhost:7070,  pass",
            "-,                            none,        localhost:7070,  pass",
            "https://map.example.org,      same-origin, 10.0.0.5:7070,   pass",
            "https://evil.example,         -,           localhost:7070,  refuse",
            "https://evil.example,         same-origin, localhost:7070,  refuse",
            "-,                            cross-site,  localhost:7070,  refuse",
            "-,                            same-site,   localhost:7070,  refuse",
            "null,                         -,           localhost:7070,  refuse",
            "http://localhost:7071,        -,           localhost:7070,  refuse",
            "http://map.example.org,       -,           10.0.0.5:7070,   refuse",
            "not a uri at all,             -,           localhost:7070,  refuse",
            "http://localhost:7070,        -,           -,               refuse"})
    void aStateChangingRequestPassesOnlyFromThisOrigin(String origin, String site, String host, String expected) {
        assertEquals(expected.equals("pass"), BEHIND_PROXY.refusal(origin, site, host).isEmpty());
    }
}
