package org.partymap.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Password hashing and the password rules. Hashes are Argon2id with the parameters OWASP
 * recommends for servers (19 MiB of memory, 2 passes, 1 lane, a 16-byte random salt), stored as
 * PHC strings so that the parameters can be raised later without breaking old hashes.
 */
public final class Passwords {

    public static final int MIN_LENGTH = 12;
    /** Long enough for any passphrase, short enough that nobody makes the server hash a megabyte. */
    public static final int MAX_LENGTH = 200;

    private static final Argon2Function ARGON2 = Argon2Function.getInstance(19 * 1024, 2, 1, 32, Argon2.ID);
    /** Verified against when an account does not exist, so that the answer takes as long either way. */
    private static final String DECOY = hash("decoy password that no account has");
    /** No 0/O, 1/l/I: one-time passwords are read off a screen and typed. */
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Digits, spaces and symbols at either end: what people add to a common password to make it long enough. */
    private static final Pattern PADDING = Pattern.compile("^[^\\p{L}]+|[^\\p{L}]+$");
    /** data/passwords/common.txt, already lower-cased and without padding (data/README.md). */
    private static final Set<String> COMMON = load("/passwords/common.txt");

    private Passwords() {
    }

    public static String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2).getResult();
    }

    /** True when {@code password} matches the stored hash; false for a wrong password or an unreadable hash. */
    public static boolean verify(String password, String storedHash) {
        if (storedHash == null || !storedHash.startsWith("$argon2id$")) {
            return false;
        }
        try {
            return Argon2Function.getInstanceFromHash(storedHash).check(password, storedHash);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Spends the time a verification takes, for an account that does not exist. */
    public static void verifyDecoy(String password) {
        verify(password, DECOY);
    }

    /** Why {@code password} may not be used by {@code username}, or empty when it may. */
    public static Optional<String> problem(String password, String username) {
        if (password.length() < MIN_LENGTH) {
            return Optional.of("the password must have at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("the password must have at most " + MAX_LENGTH + " characters");
        }
        if (password.codePoints().distinct().count() < 4) {
            return Optional.of("the password repeats too few different characters");
        }
        if (username != null && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("the password must not contain the user name");
        }
        if (isCommon(password)) {
            return Optional.of("the password is one of the most common passwords (perhaps with digits or symbols added); choose another");
        }
        return Optional.empty();
    }

    /** True when the password, lower-cased and without digits or symbols at either end, is a common password. */
    static boolean isCommon(String password) {
        return COMMON.contains(PADDING.matcher(password.toLowerCase(Locale.ROOT)).replaceAll(""));
    }

    private static Set<String> load(String resource) {
        try (InputStream in = Passwords.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath (the build copies it from data/passwords)");
            }
            var words = new HashSet<String>();
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(line.strip());
                }
            }
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    /** A random one-time password such as {@code k7Qm-XpR4-w2Zd-H9tc} (about 95 bits). */
    public static String oneTime() {
        var sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                sb.append('-');
            }
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
