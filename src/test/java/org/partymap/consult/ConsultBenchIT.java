package org.partymap.consult;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partymap.testing.CliProcess;
import org.partymap.testing.TestDatabase;

/** {@code partymap bench consult} runs end to end, briefly: every push arrives (the latencies are not checked here). */
class ConsultBenchIT {

    private static Path home;

    @BeforeAll
    static void newHome() {
        home = TestDatabase.newHome("partymap-bench-consult-it");
    }

    @AfterAll
    static void removeHome() {
        TestDatabase.deleteTree(home);
    }

    @Test
    void aShortRunDeliversEveryQuestionToEveryWorkerOfItsGrid() {
        var r = CliProcess.run(home, Map.of(), "bench", "consult", "--workers", "24", "--per-grid", "3", "--rate", "10", "--seconds", "2");
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
        assertTrue(r.stdout().contains("24 workers connected"), r.stdout());
        assertTrue(r.stdout().contains("questions posted: 20 (0 failed)"), r.stdout());
        var pushes = Pattern.compile("pushes expected: (\\d+)  delivered: (\\d+)  lost: 0").matcher(r.stdout());
        assertTrue(pushes.find(), r.stdout());
        assertEquals(60, Integer.parseInt(pushes.group(1)), "3 workers for each of 20 questions");
        assertTrue(r.stdout().contains("inbox page (GET /api/inbox) under the load"), r.stdout());
    }

    @Test
    void aBadOptionIsOneLine() {
        var r = CliProcess.run(home, Map.of(), "bench", "consult", "--rate", "0");
        assertEquals(2, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("rate 1..1000"), r.stderr());
    }
}
