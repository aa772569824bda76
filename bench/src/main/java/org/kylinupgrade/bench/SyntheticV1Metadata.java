package org.kylinupgrade.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kylinupgrade.metadata.Resource;

/**
 * v1 metadata with N copies of the sample cube's shape: copy {@code i} is cube desc
 * {@code kylin_sales_cube_desc_<i>}, model {@code kylin_sales_model_<i>} and cube {@code kylin_sales_cube_<i>}, all
 * sharing the sample's three tables. Every 4th model has a non-zero {@code partition_date_start} (copied into its
 * desc by the upgrade), every 5th model already has v2 {@code dimensions}/{@code metrics}. With segments, the cube of
 * every odd copy is built: it has that many READY segments ({@link CubeSegments}). The cubes are spread over one or
 * more projects. Optionally, pass-through resources ({@link PassThroughResources}) bring the total up to a resource
 * count.
 *
 * <p>Every resource is a function of its index ({@link #resource}), so that a table can be filled in parallel
 * and two runs generate the same bytes. Index order: tables, projects, the copies (desc, model, cube), pass-through.
 * The JSON is the sample's, re-serialised once with placeholders for names and uuids and then filled in per copy.
 */
public final class SyntheticV1Metadata implements Serializable {
  private static final long serialVersionUID = 1L;
  /** 2012-01-01T00:00:00Z, the start date of the dated models. */
  static final long PARTITION_DATE_START = 1325376000000L;
  /** The store timestamp of every generated resource (2016-03-20), when one is needed. */
  static final long STORE_TIMESTAMP = 1458439200000L;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  static final String UUID_TOKEN = "@UUID@";
  static final String DESC_TOKEN = "@DESC@";
  static final String MODEL_TOKEN = "@MODEL@";
  static final String CUBE_TOKEN = "@CUBE@";
  private static final int RESOURCES_PER_COPY = 3;

  /**
   * What to generate: {@code totalResources} 0 means no pass-through resources; {@code segments} is the number of
   * segments of every odd copy's cube (0: no cube is built).
   */
  public record Shape(int descs, int projects, int totalResources, int segments) implements Serializable {
    public Shape {
      if (descs < 0 || projects < 1 || totalResources < 0 || segments < 0) {
        throw new IllegalArgumentException("descs >= 0, projects >= 1, totalResources >= 0, segments >= 0: " + this);
      }
    }

    public Shape(int descs, int projects, int totalResources) {
      this(descs, projects, totalResources, 0);
    }
  }

  /** What was (or will be) written. */
  public record Written(int descs, int modelsWithPartitionStart, int modelsAlreadyV2, int cubesWithSegments,
      int projects, int tables, int passThrough) {
    public int total() {
      return metadata() + passThrough;
    }

    /** Cube descs, models, cubes, projects and tables: what the upgrade reads. */
    public int metadata() {
      return RESOURCES_PER_COPY * descs + projects + tables;
    }

    @Override
    public String toString() {
      return String.format("%,d resources: %,d cube descs + models + cubes (%,d models with a partition start, "
          + "%,d already v2, %,d cubes with segments), %d project(s), %d tables, %,d pass-through", total(), descs,
          modelsWithPartitionStart, modelsAlreadyV2, cubesWithSegments, projects, tables, passThrough);
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

  private final String descTemplate;
  private final String cubeTemplate;
  private final String projectTemplate;
  private final CubeSegments segments;
  private final EnumMap<ModelVariant, String> modelTemplates = new EnumMap<>(ModelVariant.class);
  /** File name (e.g. {@code DEFAULT.KYLIN_SALES.json}) to bytes, copied as they are. */
  private final LinkedHashMap<String, byte[]> tables;
  private final PassThroughResources passThrough;

  public SyntheticV1Metadata(Path home) throws IOException {
    SampleCube sample = SampleCube.readFrom(home);
    this.descTemplate = descTemplate(sample);
    this.cubeTemplate = cubeTemplate(sample);
    this.projectTemplate = PRETTY.writeValueAsString(sample.project);
    for (ModelVariant variant : ModelVariant.values()) {
      modelTemplates.put(variant, modelTemplate(sample, variant));
    }
    this.tables = new LinkedHashMap<>(sample.tables);
    this.passThrough = new PassThroughResources(sample.columnsByTable());
    this.segments = new CubeSegments(passThrough.dictFolders(), lookupTables(sample));
  }

  private static String descTemplate(SampleCube sample) throws IOException {
    ObjectNode desc = sample.cubeDesc.deepCopy();
    desc.put("uuid", UUID_TOKEN).put("name", DESC_TOKEN).put("model_name", MODEL_TOKEN);
    return PRETTY.writeValueAsString(desc);
  }

  private static String cubeTemplate(SampleCube sample) throws IOException {
    ObjectNode cube = sample.cube.deepCopy();
    cube.put("uuid", UUID_TOKEN).put("name", CUBE_TOKEN).put("descriptor", DESC_TOKEN);
    return PRETTY.writeValueAsString(cube);
  }

  private static String modelTemplate(SampleCube sample, ModelVariant variant) throws IOException {
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

  private static List<String> lookupTables(SampleCube sample) {
    List<String> lookups = new ArrayList<>();
    sample.model.path("lookups").forEach(lookup -> lookups.add(lookup.path("table").asText()));
    return lookups;
  }

  /** The counts {@code shape} gives, without generating anything. */
  public Written describe(Shape shape) {
    int dated = 0;
    int alreadyV2 = 0;
    for (int i = 0; i < shape.descs(); i++) {
      ModelVariant variant = ModelVariant.of(i);
      dated += variant.dated ? 1 : 0;
      alreadyV2 += variant.alreadyV2 ? 1 : 0;
    }
    int built = shape.segments() == 0 ? 0 : shape.descs() / 2;
    int metadata = RESOURCES_PER_COPY * shape.descs() + shape.projects() + tables.size();
    return new Written(shape.descs(), dated, alreadyV2, built, shape.projects(), tables.size(),
        Math.max(0, shape.totalResources() - metadata));
  }

  /** The resource at {@code index} (0 ≤ index &lt; {@code describe(shape).total()}). */
  public Resource resource(Shape shape, long index) {
    if (index < tables.size()) {
      Map.Entry<String, byte[]> table = new ArrayList<>(tables.entrySet()).get((int) index);
      return new Resource("/table/" + table.getKey(), table.getValue(), STORE_TIMESTAMP);
    }
    long rest = index - tables.size();
    if (rest < shape.projects()) {
      return project(shape, (int) rest);
    }
    rest -= shape.projects();
    if (rest < (long) RESOURCES_PER_COPY * shape.descs()) {
      return copyResource(shape, (int) (rest / RESOURCES_PER_COPY), (int) (rest % RESOURCES_PER_COPY));
    }
    rest -= (long) RESOURCES_PER_COPY * shape.descs();
    return passThrough.resource(rest, STORE_TIMESTAMP);
  }

  private Resource copyResource(Shape shape, int i, int part) {
    String desc = descName(i);
    String model = "kylin_sales_model_" + i;
    String cube = cubeName(i);
    return switch (part) {
      case 0 -> text("/cube_desc/" + desc + ".json", descTemplate.replace(UUID_TOKEN, uuid("desc", i))
          .replace(DESC_TOKEN, desc).replace(MODEL_TOKEN, model));
      case 1 -> text("/model_desc/" + model + ".json", modelTemplates.get(ModelVariant.of(i))
          .replace(UUID_TOKEN, uuid("model", i)).replace(MODEL_TOKEN, model));
      default -> text("/cube/" + cube + ".json", cube(shape, i).replace(UUID_TOKEN, uuid("cube", i))
          .replace(CUBE_TOKEN, cube).replace(DESC_TOKEN, desc));
    };
  }

  private String cube(Shape shape, int i) {
    boolean built = shape.segments() > 0 && i % 2 == 1;
    return built ? segments.addTo(cubeTemplate, shape.segments()) : cubeTemplate;
  }

  private Resource project(Shape shape, int p) {
    String name = shape.projects() == 1 ? "learn_kylin" : "learn_kylin_" + p;
    try {
      ObjectNode project = (ObjectNode) JSON.readTree(projectTemplate);
      project.put("uuid", uuid("project", p)).put("name", name);
      ArrayNode realizations = project.putArray("realizations");
      for (int i = p; i < shape.descs(); i += shape.projects()) {
        realizations.addObject().put("name", cubeName(i)).put("type", "CUBE").put("realization", cubeName(i));
      }
      return text("/project/" + name + ".json", PRETTY.writeValueAsString(project));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the folder {@code target} (created; it must not hold resources already). */
  public Written write(Path target, Shape shape) throws IOException {
    Files.createDirectories(target);
    Written written = describe(shape);
    for (long index = 0; index < written.total(); index++) {
      Resource r = resource(shape, index);
      write(target.resolve(r.path().substring(1)), r.content());
    }
    return written;
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

  private static Resource text(String path, String json) {
    return Resource.ofText(path, json, STORE_TIMESTAMP);
  }

  static void write(Path file, byte[] bytes) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
  }
}
