package org.partymap.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads a YAML file that ships in the jar (definitions written by people: the OGC collection
 * table, the OpenAPI description of /api) as a Jackson tree. SnakeYAML's safe constructor builds
 * plain maps and lists only, and resolves anchors and aliases, which Jackson's YAML reader does not.
 */
public final class YamlResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private YamlResource() {
    }

    /** The resource at {@code path} on the class path (no leading slash), as a JSON tree. */
    public static JsonNode read(String path) {
        try (InputStream in = YamlResource.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the resource " + path + " is missing from the jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the resource " + path, e);
        }
    }

    public static JsonNode parse(String yaml) {
        Object tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        return JSON.valueToTree(tree);
    }
}
