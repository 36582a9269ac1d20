package org.partymap.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The words of the service history, from {@code data/demo/}: residents' questions and workers'
 * answers per topic ({@code questions.txt}, {@code answers.txt}), transfer reasons, follow-ups and
 * booking purposes ({@code service_phrases.txt}), and community notices ({@code notices.txt}).
 * Placeholders in braces are filled by {@link #fill}.
 */
final class ServicePhrases {

    /** The section of answers that fits any topic. */
    static final String ANY = "*";

    /** A notice template: its kind (the notice table's code), title and body. */
    record NoticeText(String kind, String title, String body) {
    }

    final Map<String, List<String>> questions;
    final Map<String, List<String>> answers;
    final Map<String, List<String>> phrases;
    final List<NoticeText> notices = new ArrayList<>();

    ServicePhrases(DemoInputs inputs) {
        questions = sections(inputs.lines("questions.txt"), "questions.txt");
        answers = sections(inputs.lines("answers.txt"), "answers.txt");
        phrases = sections(inputs.lines("service_phrases.txt"), "service_phrases.txt");
        for (String line : inputs.lines("notices.txt")) {
            String[] f = line.split("\\|", 3);
            if (f.length != 3) {
                throw new IllegalStateException("notices.txt: not kind|title|body: " + line);
            }
            notices.add(new NoticeText(f[0], f[1], f[2].replace("\\n", "\n")));
        }
    }

    /** Lines under {@code [name]} headers, by name, in file order. */
    static Map<String, List<String>> sections(List<String> lines, String file) {
        var out = new LinkedHashMap<String, List<String>>();
        List<String> current = null;
        for (String line : lines) {
            if (line.startsWith("[") && line.endsWith("]")) {
                current = out.computeIfAbsent(line.substring(1, line.length() - 1), k -> new ArrayList<>());
            } else if (current == null) {
                throw new IllegalStateException(file + ": a line before the first [section]: " + line);
            } else {
                current.add(line);
            }
        }
        return out;
    }

    List<String> phrases(String section) {
        List<String> p = phrases.get(section);
        if (p == null || p.isEmpty()) {
            throw new IllegalStateException("service_phrases.txt has no [" + section + "]");
        }
        return p;
    }

    static <T> T pick(SplittableRandom rnd, List<T> from) {
        return from.get(rnd.nextInt(from.size()));
    }

    /** The text with each {@code {key}} replaced by its value; keys without a value stay as they are. */
    static String fill(String text, Map<String, String> values) {
        String out = text;
        for (var e : values.entrySet()) {
            out = out.replace("{" + e.getKey() + "}", e.getValue());
        }
        return out;
    }
}
