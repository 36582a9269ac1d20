package org.partymap.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partymap.testing.CliProcess;
import org.partymap.testing.TestDatabase;

/** {@code partymap user ...} against the database of a running demo server, as an operator would use it. */
class UserCliIT {

    private static final Pattern ONE_TIME = Pattern.compile("one-time password: (\\S+)");
    private static Path home;
    private static CliProcess.Server demo;

    @BeforeAll
    static void startDemo() {
        home = TestDatabase.newHome("partymap-user-cli");
        // the first start generates the district (45-65 s seen on two shared cores) and imports its register (28-34 s)
        demo = CliProcess.serve(home, Map.of(), "demo", Duration.ofSeconds(300));
    }

    @AfterAll
    static void stopDemo() throws InterruptedException {
        demo.process().destroy();
        demo.process().waitFor(60, TimeUnit.SECONDS);
        TestDatabase.deleteTree(home);
    }

    private static CliProcess.Result user(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "user";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliProcess.run(home, Map.of(), all);
    }

    private static HttpResponse<String> login(String username, String password) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + demo.port() + "/api/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\": \"" + username + "\", \"password\": \"" + password + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theDemoCreatesOneAccountOfEachRoleAndPrintsTheirOneTimePasswords() throws Exception {
        String out = demo.output();
        Matcher admin = Pattern.compile("admin\\s+admin\\s+(\\S+)").matcher(out);
        assertTrue(admin.find(), out);
        assertTrue(out.matches("(?s).*planner\\s+planner\\s+\\S+\\s+scope: 320902001 先锋街道.*"), out);
        assertTrue(out.matches("(?s).*worker\\s+grid_worker\\s+\\S+\\s+scope: 320902001001001 莲花路社区第一网格, 320902001001002 莲花路社区第二网格.*"), out);
        assertTrue(out.matches("(?s).*member\\s+party_member\\s+\\S+\\s+scope: \\d+ 莲花路社区[^\\n]*党小组.*"), out);
        HttpResponse<String> r = login("admin", admin.group(1));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"must_change_password\":true"), r.body());
    }

    @Test
    void anOperatorAddsAWorkerSetsAPasswordListsAndDisablesItWhileTheServerRuns() throws Exception {
        CliProcess.Result added = user("add", "zhang.wei", "--role", "grid_worker", "--scope", "320902001002001，320902001002002", "--name", "张伟");
        assertEquals(0, added.exitCode(), added.stderr());
        assertTrue(added.stdout().contains("created grid_worker zhang.wei (scope: 320902001002001 健康路社区第一网格, 320902001002002 健康路社区第二网格)"),
                added.stdout());
        Matcher oneTime = ONE_TIME.matcher(added.stdout());
        assertTrue(oneTime.find());
        assertEquals(200, login("zhang.wei", oneTime.group(1)).statusCode());

        CliProcess.Result passwd = CliProcess.runWithInput(home, Map.of(), "a passphrase from stdin\n", "user", "passwd", "zhang.wei");
        assertEquals(0, passwd.exitCode(), passwd.stderr());
        assertEquals(401, login("zhang.wei", oneTime.group(1)).statusCode());
        HttpResponse<String> withNew = login("zhang.wei", "a passphrase from stdin");
        assertEquals(200, withNew.statusCode());
        assertTrue(withNew.body().contains("\"must_change_password\":false"));

        CliProcess.Result list = user("list");
        assertEquals(0, list.exitCode(), list.stderr());
        assertTrue(list.stdout().matches("(?s).*zhang\\.wei\\s+grid_worker\\s+active\\s+.*320902001002001 健康路社区第一网格.*"), list.stdout());

        CliProcess.Result disabled = user("disable", "zhang.wei");
        assertEquals(0, disabled.exitCode(), disabled.stderr());
        assertEquals(401, login("zhang.wei", "a passphrase from stdin").statusCode());
    }

    @Test
    void mistakesAreOneLineAndChangeNothing() {
        CliProcess.Result noRole = user("add", "someone");
        assertEquals(2, noRole.exitCode());
        assertTrue(noRole.stderr().contains("needs --role") && noRole.stderr().contains("; see ./partymap help")
                && noRole.stderr().lines().count() == 1, noRole.stderr());

        CliProcess.Result badRole = user("add", "someone", "--role", "emperor");
        assertEquals(2, badRole.exitCode());
        assertTrue(badRole.stderr().contains("unknown role 'emperor'"), badRole.stderr());

        CliProcess.Result badScope = user("add", "someone", "--role", "planner", "--scope", "火星街道");
        assertEquals(1, badScope.exitCode());
        assertEquals("partymap: no subdistrict has the name or code 火星街道", lastLine(badScope.stderr()));

        CliProcess.Result weak = CliProcess.runWithInput(home, Map.of(), "short\n", "user", "passwd", "planner");
        assertEquals(1, weak.exitCode());
        assertEquals("partymap: the password must have at least 12 characters", lastLine(weak.stderr()));

        CliProcess.Result nobody = CliProcess.runWithInput(home, Map.of(), "a long enough password\n", "user", "passwd", "nobody");
        assertEquals(1, nobody.exitCode());
        assertEquals("partymap: there is no user 'nobody'", lastLine(nobody.stderr()));

        assertFalse(user("list").stdout().contains("someone"));
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines[lines.length - 1];
    }
}
