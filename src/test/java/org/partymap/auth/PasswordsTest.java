package org.partymap.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PasswordsTest {

    @Test
    void hashesAreArgon2idWithTheServerParametersAndARandomSalt() {
        String a = Passwords.hash("correct horse battery");
        String b = Passwords.hash("correct horse battery");
        assertTrue(a.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), a);
        assertNotEquals(a, b, "a fresh salt every time");
        assertTrue(Passwords.verify("correct horse battery", a));
        assertTrue(Passwords.verify("correct horse battery", b));
        assertFalse(Passwords.verify("correct horse batterY", a));
    }

    @Test
    void anythingButAnArgon2idHashNeverVerifies() {
        assertFalse(Passwords.verify("x", null));
        assertFalse(Passwords.verify("x", "x"));
        assertFalse(Passwords.verify("x", "$2a$10$abcdefghijklmnopqrstuuKcV0n1mRr0b8hI7lh9H1pGk2Xy5oX2"));
        assertFalse(Passwords.verify("x", "$argon2id$v=19$m=19456,t=2,p=1$broken"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "correct horse battery       | ",
            "十二个汉字的密码也是可以的吗好  | ",
            "short                       | at least 12",
            "aaaaaaaaaaaaaaaaaaaa        | too few different",
            "my-name-wang.li-is-here     | must not contain the user name",
            "password2026!!              | most common passwords",
            "2026.iloveyou               | most common passwords",
            "SUNSHINE1234567             | most common passwords",
            "   Dragon_______1           | most common passwords",
            "qwertyui12345678            | most common passwords",
            "dragons and more dragons    | ",
            "sunshine over the canal 2026 | "})
    void thePasswordRules(String password, String problem) {
        Optional<String> found = Passwords.problem(password, "wang.li");
        if (problem == null) {
            assertEquals(Optional.empty(), found);
        } else {
            assertTrue(found.orElseThrow().contains(problem), found.toString());
        }
    }

    @Test
    void theCommonPasswordListIsLoadedWhole() {
        // first, middle and last lines of data/passwords/common.txt
        for (String word : new String[] {"password", "iloveyou", "vader"}) {
            assertTrue(Passwords.isCommon(word + "2026"), word);
        }
        assertFalse(Passwords.isCommon("# Common passwords"), "the header is no password");
    }

    @Test
    void tooLongIsRefusedBeforeAnyoneHashesIt() {
        assertTrue(Passwords.problem("x1".repeat(101), "u").orElseThrow().contains("at most 200"));
    }

    @Test
    void oneTimePasswordsFollowTheRulesAndAreNeverTheSame() {
        String a = Passwords.oneTime();
        assertTrue(a.matches("([a-km-zA-HJ-NP-Z2-9]{4}-){3}[a-km-zA-HJ-NP-Z2-9]{4}"), a);
        assertEquals(Optional.empty(), Passwords.problem(a, "admin"));
        assertNotEquals(a, Passwords.oneTime());
    }
}
