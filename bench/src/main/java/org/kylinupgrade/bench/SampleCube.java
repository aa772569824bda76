package org.kylinupgrade.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Kylin 1.3.0's sample cube, read from {@code examples/kylin-1.3.0-sample-cube}: one project, one model, one cube
 * desc, one cube, three tables. The v2 model {@code dimensions}/{@code metrics} come from Kylin's own upgrade of the
 * same folder ({@code testdata/v2-expected/kylin-1.3.0-sample-cube}).
 */
final class SampleCube {
  static final String FOLDER = "examples/kylin-1.3.0-sample-cube";
  static final String V2_MODEL = "testdata/v2-expected/kylin-1.3.0-sample-cube/model_desc/kylin_sales_model.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  final ObjectNode cubeDesc;
  final ObjectNode model;
  final ObjectNode cube;
  final ObjectNode project;
  /** File name (e.g. {@code DEFAULT.KYLIN_SALES.json}) to bytes, copied as they are. */
  final Map<String, byte[]> tables;
  final JsonNode v2ModelDimensions;
  final JsonNode v2ModelMetrics;

  private SampleCube(Path home) throws IOException {
    Path sample = home.resolve(FOLDER);
    cubeDesc = readObject(sample.resolve("cube_desc/kylin_sales_cube_desc.json"));
    model = readObject(sample.resolve("model_desc/kylin_sales_model.json"));
    cube = readObject(sample.resolve("cube/kylin_sales_cube.json"));
    project = readObject(sample.resolve("project/learn_kylin.json"));
    tables = readTables(sample.resolve("table"));
    ObjectNode v2Model = readObject(home.resolve(V2_MODEL));
    v2ModelDimensions = v2Model.required("dimensions");
    v2ModelMetrics = v2Model.required("metrics");
  }

  /** The sample under the project's root folder {@code home}. */
  static SampleCube readFrom(Path home) throws IOException {
    return new SampleCube(home);
  }

  private static ObjectNode readObject(Path file) throws IOException {
    return (ObjectNode) JSON.readTree(file.toFile());
  }

  /** Table identity ({@code DEFAULT.KYLIN_SALES}) to its column names. */
  Map<String, List<String>> columnsByTable() throws IOException {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Map.Entry<String, byte[]> table : tables.entrySet()) {
      JsonNode json = JSON.readTree(table.getValue());
      List<String> columns = new ArrayList<>();
      json.path("columns").forEach(column -> columns.add(column.path("name").asText()));
      out.put(table.getKey().replaceFirst("\\.json$", ""), columns);
    }
    return out;
  }

  private static Map<String, byte[]> readTables(Path folder) throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.sorted().toList()) {
        out.put(file.getFileName().toString(), Files.readAllBytes(file));
      }
    }
    return out;
  }
}
