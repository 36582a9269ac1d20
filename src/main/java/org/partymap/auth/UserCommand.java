package org.partymap.auth;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.partymap.auth.AuditLog.Actor;
import org.partymap.http.ApiException;

/**
 * {@code partymap user ...}: accounts from the command line, which works while a server runs
 * (it attaches to the server's database). The subcommands:
 * <pre>
 *   user add NAME --role R [--scope S] [--name DISPLAY]   prints a one-time password
 *   user passwd NAME                                        prompts, or reads a line from stdin
 *   user list
 *   user set NAME [--role R] [--scope S] [--name DISPLAY]
 *   user disable NAME / user enable NAME
 * </pre>
 * A scope is comma-separated: subdistrict names or codes for a planner; grid codes, or whole communities
 * by code or name, for a grid worker; party groups by name or number for a party member.
 */
public final class UserCommand {

    public static final String USAGE = """
              user add NAME --role admin|planner|grid_worker|party_member [--scope S] [--name DISPLAY]
                                         create an account; prints its one-time password
                                         (scope: subdistrict names or codes for a planner; grid
                                         codes, or communities by code or name, for a grid
                                         worker; 楼栋党小组 names or numbers for a party
                                         member; separated by commas)
              user passwd NAME           set a password (prompts; reads stdin when not a terminal)
              user list                  list the accounts with their roles and scopes
              user set NAME [--role R] [--scope S] [--name DISPLAY]
                                         change an account's role, scope or display name
              user disable NAME | user enable NAME
                                         stop (or allow again) an account's logins; disabling ends its sessions
            """;

    private static final Set<String> OPTIONS = Set.of("--role", "--scope", "--name");

    /** A wrong command line: the caller prints usage and exits 2. */
    public static final class UsageError extends RuntimeException {
        public UsageError(String message) {
            super(message);
        }
    }

    /** An operator error (an unknown user, a weak password): one line, exit 1. */
    public static final class Failure extends RuntimeException {
        public Failure(String message) {
            super(message);
        }
    }

    private final Accounts accounts;
    private final PrintStream out;
    private final InputStream in;
    private final Console console;

    public UserCommand(Accounts accounts, PrintStream out, InputStream in, Console console) {
        this.accounts = accounts;
        this.out = out;
        this.in = in;
        this.console = console;
    }

    /** Checks the command line before anything touches the database. */
    public static void checkArguments(List<String> args) {
        parse(args);
    }

    public int run(List<String> args) {
        Parsed p = parse(args);
        try {
            switch (p.command) {
                case "add" -> add(p);
                case "passwd" -> passwd(p.name);
                case "list" -> list();
                case "set" -> set(p);
                case "disable", "enable" -> {
                    Account a = accounts.get(p.name);
                    accounts.update(a.id(), Optional.empty(), Optional.empty(), Optional.of(p.command.equals("disable")), Optional.empty(), Actor.commandLine());
                    out.println((p.command.equals("disable") ? "disabled " : "enabled ") + a.username());
                }
                default -> throw new UsageError("unknown user command '" + p.command + "'");
            }
            return 0;
        } catch (ApiException e) {
            throw new Failure(e.getMessage());
        }
    }

    private void add(Parsed p) {
        Role role = role(p.options.get("--role")).orElseThrow(() -> new UsageError("user add needs --role admin|planner|grid_worker|party_member"));
        var created = accounts.create(p.name, p.options.get("--name"), role, scope(p), Actor.commandLine());
        out.println("created " + describe(created.account()));
        out.println("one-time password: " + created.oneTimePassword());
        out.println("(shown only now; " + created.account().username() + " must change it at the first login)");
    }

    private void passwd(String name) {
        accounts.get(name);
        String password;
        if (console != null) {
            char[] first = console.readPassword("new password for %s: ", name);
            char[] second = console.readPassword("again: ");
            if (first == null || second == null || !Arrays.equals(first, second)) {
                throw new Failure("the two passwords differ; nothing changed");
            }
            password = new String(first);
        } else {
            try {
                String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
                if (line == null || line.isEmpty()) {
                    throw new Failure("no password on standard input; nothing changed");
                }
                password = line;
            } catch (IOException e) {
                throw new Failure("cannot read the password from standard input: " + e.getMessage());
            }
        }
        accounts.setPassword(name, password, Actor.commandLine());
        out.println("password set for " + name + "; its sessions have ended");
    }

    private void list() {
        var all = accounts.list();
        if (all.isEmpty()) {
            out.println("no accounts yet; create the first admin with: ./partymap user add NAME --role admin");
            return;
        }
        out.printf("%-20s %-12s %-9s %-20s %s%n", "user", "role", "state", "last login", "scope");
        for (Account a : all) {
            String state = a.disabled() ? "disabled" : a.mustChangePassword() ? "new" : "active";
            String last = a.lastLoginAt() == null ? "never" : a.lastLoginAt().substring(0, Math.min(16, a.lastLoginAt().length())).replace('T', ' ');
            out.printf("%-20s %-12s %-9s %-20s %s%n", a.username(), a.role(), state, last, scopeText(a));
        }
    }

    private void set(Parsed p) {
        Account a = accounts.get(p.name);
        Optional<Role> role = role(p.options.get("--role"));
        Optional<List<String>> scope = p.options.containsKey("--scope") ? Optional.of(scope(p)) : Optional.empty();
        if (role.isEmpty() && scope.isEmpty() && !p.options.containsKey("--name")) {
            throw new UsageError("user set needs --role, --scope or --name");
        }
        out.println("changed " + describe(accounts.update(a.id(), role, scope, Optional.empty(), Optional.ofNullable(p.options.get("--name")), Actor.commandLine())));
    }

    private static String describe(Account a) {
        return a.role() + " " + a.username() + (a.scope().isEmpty() ? "" : " (scope: " + scopeText(a) + ")");
    }

    private static String scopeText(Account a) {
        return a.scope().stream().map(s -> s.code() + " " + s.name()).collect(Collectors.joining(", "));
    }

    private static List<String> scope(Parsed p) {
        String raw = p.options.get("--scope");
        return raw == null ? List.of() : Arrays.stream(raw.split("[,，、]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static Optional<Role> role(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Role.ofAccount(text));
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
    }

    private record Parsed(String command, String name, Map<String, String> options) {
    }

    private static Parsed parse(List<String> args) {
        if (args.isEmpty()) {
            throw new UsageError("user needs a command: add, passwd, list, set, disable, enable");
        }
        String command = args.get(0);
        var positional = new ArrayList<String>();
        var options = new LinkedHashMap<String, String>();
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            String key = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (OPTIONS.contains(key)) {
                String value = a.contains("=") ? a.substring(a.indexOf('=') + 1) : i + 1 < args.size() ? args.get(++i) : null;
                if (value == null) {
                    throw new UsageError(a + " needs a value");
                }
                options.put(key, value);
            } else if (a.startsWith("-")) {
                throw new UsageError("unknown option " + a);
            } else {
                positional.add(a);
            }
        }
        int wanted = command.equals("list") ? 0 : 1;
        if (!List.of("add", "passwd", "list", "set", "disable", "enable").contains(command)) {
            throw new UsageError("unknown user command '" + command + "'");
        }
        if (positional.size() != wanted) {
            throw new UsageError("user " + command + (wanted == 0 ? " takes no name" : " takes one NAME"));
        }
        if (!command.equals("add") && !command.equals("set") && !options.isEmpty()) {
            throw new UsageError("user " + command + " takes no options");
        }
        return new Parsed(command, wanted == 0 ? null : positional.get(0), options);
    }
}
