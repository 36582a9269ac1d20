package org.partymap.demo;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.partymap.StartupException;

/**
 * The small committed inputs the demo district grows from ({@code data/demo/}): the street
 * skeleton, the names of subdistricts, communities, streets, estates and places, people's names,
 * duties and services, and the settings in {@code district.properties}. Lines starting with
 * {@code #} are comments; CSV files have a header and no quoting (no field holds a comma).
 */
final class DemoInputs {

    private final Path dir;
    private final Properties settings = new Properties();

    private DemoInputs(Path dir) {
        this.dir = dir;
    }

    /** Reads {@code dataDir/demo}. */
    static DemoInputs read(Path dataDir) {
        var inputs = new DemoInputs(dataDir.resolve("demo"));
        try {
            inputs.settings.load(new StringReader(inputs.text("district.properties")));
        } catch (IOException e) {
            throw new StartupException("cannot read district.properties: " + e.getMessage());
        }
        return inputs;
    }

    long seed() {
        return Long.parseLong(setting("seed"));
    }

    int integer(String key) {
        return Integer.parseInt(setting(key));
    }

    double number(String key) {
        return Double.parseDouble(setting(key));
    }

    private String setting(String key) {
        String v = settings.getProperty(key);
        if (v == null) {
            throw new StartupException("data/demo/district.properties has no '" + key + "'");
        }
        return v.strip();
    }

    /** The non-comment, non-blank lines of a text file. */
    List<String> lines(String file) {
        var out = new ArrayList<String>();
        for (String line : text(file).split("\n")) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("#")) {
                out.add(l);
            }
        }
        return out;
    }

    /** The rows of a CSV file, header dropped, each split on commas. */
    List<String[]> rows(String file) {
        List<String> lines = lines(file);
        int columns = lines.get(0).split(",", -1).length;
        var out = new ArrayList<String[]>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            if (f.length != columns) {
                throw new StartupException("data/demo/" + file + ": '" + line + "' has " + f.length + " fields, not " + columns);
            }
            out.add(Arrays.stream(f).map(String::strip).toArray(String[]::new));
        }
        return out;
    }

    /** Whitespace-separated words of every line (for character lists). */
    static List<String> words(String text) {
        return Arrays.stream(text.strip().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }

    private String text(String file) {
        Path p = dir.resolve(file);
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new StartupException("the demo's base input " + p + " is missing (is PARTYMAP_DATA right?)");
        } catch (IOException e) {
            throw new StartupException("cannot read " + p + ": " + e.getMessage());
        }
    }
}
