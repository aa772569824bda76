package org.kylinupgrade.cuboid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kylinupgrade.TestData;

/** The generated v1 descs and Kylin's facts about them, from {@code testdata/cuboids/}. */
final class Corpus {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Corpus() {
  }

  static Path dir() {
    return TestData.cuboids();
  }

  static JsonNode json(Path file) {
    try {
      return MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode desc(String name) {
    return json(dir().resolve("metadata/cube_desc/" + name + ".json"));
  }

  static JsonNode model() {
    return json(dir().resolve("metadata/model_desc/cuboid_corpus_model_desc.json"));
  }

  static V1Cuboids v1(String name) {
    return V1Cuboids.of(desc(name), model());
  }

  /** A TSV file as rows of header name to value, in file order. */
  static List<Map<String, String>> tsv(String file) {
    try {
      List<String> lines = Files.readAllLines(dir().resolve(file));
      String[] header = lines.get(0).split("\t", -1);
      List<Map<String, String>> rows = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        if (line.isEmpty()) {
          continue;
        }
        String[] cells = line.split("\t", -1);
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < header.length; i++) {
          row.put(header[i], i < cells.length ? cells[i] : "");
        }
        rows.add(row);
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Rows of a TSV keyed by their {@code desc} column. */
  static Map<String, Map<String, String>> byDesc(String file) {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    for (Map<String, String> row : tsv(file)) {
      out.put(row.get("desc"), row);
    }
    return out;
  }

  static List<String> names() {
    return new ArrayList<>(byDesc("cuboids.tsv").keySet());
  }

  static CuboidSet ids(String spaceSeparated) {
    String s = spaceSeparated.trim();
    if (s.isEmpty()) {
      return CuboidSet.of();
    }
    String[] parts = s.split(" ");
    long[] ids = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      ids[i] = Long.parseLong(parts[i]);
    }
    return CuboidSet.of(ids);
  }

  /** A desc and its model from an example metadata folder. */
  static JsonNode exampleDesc(String example, String name) {
    return json(TestData.example(example).resolve("cube_desc/" + name + ".json"));
  }

  static JsonNode exampleModel(String example, String descName) {
    JsonNode desc = exampleDesc(example, descName);
    return json(TestData.example(example).resolve("model_desc/" + desc.get("model_name").asText() + ".json"));
  }
}
