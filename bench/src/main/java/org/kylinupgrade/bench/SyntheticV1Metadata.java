package org.kylinupgrade.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

/**
 * A v1 metadata folder with N copies of the sample cube's shape: copy {@code i} is cube desc
 * {@code kylin_sales_cube_desc_<i>}, model {@code kylin_sales_model_<i>} and cube {@code kylin_sales_cube_<i>}, all
 * sharing the sample's three tables. Every 4th model has a non-zero {@code partition_date_start} (copied into its
 * desc by the upgrade), every 5th model already has v2 {@code dimensions}/{@code metrics}. The cubes are spread over
 * one or more projects. Optionally, pass-through resources ({@link PassThroughResources}) bring the folder up to a
 * total resource count.
 *
 * <p>The JSON is the sample's, re-serialised once with placeholders for names and uuids and then filled in per copy.
 */
public final class SyntheticV1Metadata {
  /** 2012-01-01T00:00:00Z, the start date of the dated models. */
  static final long PARTITION_DATE_START = 1325376000000L;

  private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final String UUID_TOKEN = "@UUID@";
  private static final String DESC_TOKEN = "@DESC@";
  private static final String MODEL_TOKEN = "@MODEL@";
  private static final String CUBE_TOKEN = "@CUBE@";

  /** What to generate: {@code totalResources} 0 means no pass-through resources. */
  public record Shape(int descs, int projects, int totalResources) {
    public Shape {
      if (descs < 0 || projects < 1 || totalResources < 0) {
        throw new IllegalArgumentException("descs >= 0, projects >= 1, totalResources >= 0: " + this);
      }
    }
  }

  /** What was written. */
  public record Written(int descs, int modelsWithPartitionStart, int modelsAlreadyV2, int projects, int tables,
      int passThrough) {
    public int total() {
      return 3 * descs + projects + tables + passThrough;
    }

    @Override
    public String toString() {
      return String.format("%,d resources: %,d cube descs + models + cubes (%,d models with a partition start, "
          + "%,d already v2), %d project(s), %d tables, %,d pass-through", total(), descs, modelsWithPartitionStart,
          modelsAlreadyV2, projects, tables, passThrough);
    }
  }

  private enum ModelVariant {
    PLAIN(false, false), DATED(true, false), ALREADY_V2(false, true), DATED_ALREADY_V2(true, true);

    final boolean dated;
    final boolean alreadyV2;

    ModelVariant(boolean dated, boolean alreadyV2) {
      this.dated = dated;
      this.alreadyV2 = alreadyV2;
    }

    static ModelVariant of(int copy) {
      boolean dated = copy % 4 == 1;
      boolean alreadyV2 = copy % 5 == 2;
      return values()[(dated ? 1 : 0) + (alreadyV2 ? 2 : 0)];
    }
  }

  private final SampleCube sample;
  private final String descTemplate;
  private final String cubeTemplate;
  private final Map<ModelVariant, String> modelTemplates = new EnumMap<>(ModelVariant.class);

  public SyntheticV1Metadata(Path home) throws IOException {
    this.sample = SampleCube.readFrom(home);
    this.descTemplate = descTemplate();
    this.cubeTemplate = cubeTemplate();
    for (ModelVariant variant : ModelVariant.values()) {
      modelTemplates.put(variant, modelTemplate(variant));
    }
  }

  private String descTemplate() throws IOException {
    ObjectNode desc = sample.cubeDesc.deepCopy();
    desc.put("uuid", UUID_TOKEN).put("name", DESC_TOKEN).put("model_name", MODEL_TOKEN);
    return PRETTY.writeValueAsString(desc);
  }

  private String cubeTemplate() throws IOException {
    ObjectNode cube = sample.cube.deepCopy();
    cube.put("uuid", UUID_TOKEN).put("name", CUBE_TOKEN).put("descriptor", DESC_TOKEN);
    return PRETTY.writeValueAsString(cube);
  }

  private String modelTemplate(ModelVariant variant) throws IOException {
    ObjectNode model = sample.model.deepCopy();
    model.put("uuid", UUID_TOKEN).put("name", MODEL_TOKEN);
    if (variant.dated) {
      model.with("partition_desc").put("partition_date_start", PARTITION_DATE_START);
    }
    if (variant.alreadyV2) {
      model.set("dimensions", sample.v2ModelDimensions.deepCopy());
      model.set("metrics", sample.v2ModelMetrics.deepCopy());
    }
    return PRETTY.writeValueAsString(model);
  }

  /** Writes the folder {@code target} (created; it must not hold resources already). */
  public Written write(Path target, Shape shape) throws IOException {
    Files.createDirectories(target);
    for (Map.Entry<String, byte[]> table : sample.tables.entrySet()) {
      write(target.resolve("table").resolve(table.getKey()), table.getValue());
    }
    int dated = 0;
    int alreadyV2 = 0;
    for (int i = 0; i < shape.descs(); i++) {
      ModelVariant variant = ModelVariant.of(i);
      dated += variant.dated ? 1 : 0;
      alreadyV2 += variant.alreadyV2 ? 1 : 0;
      writeCopy(target, i, variant);
    }
    for (int p = 0; p < shape.projects(); p++) {
      writeProject(target, shape, p);
    }
    int base = 3 * shape.descs() + shape.projects() + sample.tables.size();
    int passThrough = Math.max(0, shape.totalResources() - base);
    new PassThroughResources(sample.columnsByTable()).write(target, passThrough);
    return new Written(shape.descs(), dated, alreadyV2, shape.projects(), sample.tables.size(), passThrough);
  }

  private void writeCopy(Path target, int i, ModelVariant variant) throws IOException {
    String desc = descName(i);
    String model = "kylin_sales_model_" + i;
    String cube = cubeName(i);
    write(target.resolve("cube_desc/" + desc + ".json"), descTemplate.replace(UUID_TOKEN, uuid("desc", i))
        .replace(DESC_TOKEN, desc).replace(MODEL_TOKEN, model));
    write(target.resolve("model_desc/" + model + ".json"), modelTemplates.get(variant)
        .replace(UUID_TOKEN, uuid("model", i)).replace(MODEL_TOKEN, model));
    write(target.resolve("cube/" + cube + ".json"), cubeTemplate.replace(UUID_TOKEN, uuid("cube", i))
        .replace(CUBE_TOKEN, cube).replace(DESC_TOKEN, desc));
  }

  private void writeProject(Path target, Shape shape, int p) throws IOException {
    String name = shape.projects() == 1 ? "learn_kylin" : "learn_kylin_" + p;
    ObjectNode project = sample.project.deepCopy();
    project.put("uuid", uuid("project", p)).put("name", name);
    ArrayNode realizations = project.putArray("realizations");
    for (int i = p; i < shape.descs(); i += shape.projects()) {
      realizations.addObject().put("name", cubeName(i)).put("type", "CUBE").put("realization", cubeName(i));
    }
    write(target.resolve("project/" + name + ".json"), PRETTY.writeValueAsString(project));
  }

  static String descName(int i) {
    return "kylin_sales_cube_desc_" + i;
  }

  static String cubeName(int i) {
    return "kylin_sales_cube_" + i;
  }

  /** A stable uuid per kind and copy, so that two runs generate the same folder. */
  static String uuid(String kind, long i) {
    return UUID.nameUUIDFromBytes((kind + "-" + i).getBytes(StandardCharsets.UTF_8)).toString();
  }

  private static void write(Path file, String text) throws IOException {
    write(file, text.getBytes(StandardCharsets.UTF_8));
  }

  static void write(Path file, byte[] bytes) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
  }
}
