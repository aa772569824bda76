package org.kylinupgrade.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.kylinupgrade.metadata.Resource;

/**
 * Random v1-style metadata stores: several models sharing four tables, cube descs (lower-case names, missing or
 * present v2 fields, derived and hierarchy dimensions, measure chains, stale or missing signatures), cubes with and
 * without segments sharing descs, some models already filled, and a few descs v2 deliberately cannot load.
 */
final class MetadataGenerator {
  private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final ObjectMapper COMPACT = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String FACT = "DEFAULT.FACT";
  private static final List<String> FACT_DIMENSION_COLUMNS = List.of("SELLER_ID", "FORMAT_NAME", "SLR_CD", "TRANS_ID");

  /** A lookup table: its join keys and its other columns. */
  private record LookupTable(String table, String foreignKey, String primaryKey, List<String> otherColumns) {
  }

  private static final List<LookupTable> LOOKUPS = List.of(
      new LookupTable("EDW.CAL", "CAL_DT", "CAL_DT", List.of("WEEK_BEG_DT", "MONTH_BEG_DT", "YEAR_BEG_DT")),
      new LookupTable("DEFAULT.CAT", "CAT_ID", "CAT_ID", List.of("CAT_NAME", "L1", "L2", "L3", "UPD_USER")),
      new LookupTable("EDW.SITES", "SITE_ID", "SITE_ID", List.of("SITE_NAME", "CRE_USER")));

  /** The generated store, and the descs generated so that Kylin v2 cannot load them. */
  record Generated(Map<String, Resource> resources, Set<String> unloadableDescs) {
  }

  private final Random random;
  private final Map<String, Resource> resources = new TreeMap<>();
  private final Set<String> unloadable = new LinkedHashSet<>();

  private MetadataGenerator(long seed) {
    this.random = new Random(seed);
  }

  static Generated generate(long seed) {
    MetadataGenerator generator = new MetadataGenerator(seed);
    generator.tables();
    int models = 1 + generator.random.nextInt(4);
    int descNumber = 0;
    for (int m = 0; m < models; m++) {
      ObjectNode model = generator.model("model_" + m);
      int descs = generator.random.nextInt(5);
      for (int d = 0; d < descs; d++) {
        generator.descWithCubes("desc_" + m + "_" + descNumber++, model);
      }
    }
    return new Generated(Collections.unmodifiableMap(generator.resources), generator.unloadable);
  }

  private void tables() {
    table("DEFAULT", "FACT", "TRANS_ID:bigint", "CAL_DT:date", "SELLER_ID:bigint", "CAT_ID:int", "SITE_ID:int",
        "PRICE:decimal(19,4)", "QTY:int", "FORMAT_NAME:string", "SLR_CD:smallint");
    table("EDW", "CAL", "CAL_DT:date", "WEEK_BEG_DT:date", "MONTH_BEG_DT:date", "YEAR_BEG_DT:date");
    table("DEFAULT", "CAT", "CAT_ID:int", "CAT_NAME:string", "L1:string", "L2:string", "L3:string", "UPD_USER:string");
    table("EDW", "SITES", "SITE_ID:int", "SITE_NAME:string", "CRE_USER:string");
  }

  private void table(String database, String name, String... columns) {
    ObjectNode table = NODES.objectNode().put("uuid", "t-" + name).put("name", name);
    ArrayNode array = table.putArray("columns");
    for (int i = 0; i < columns.length; i++) {
      String[] parts = columns[i].split(":");
      array.addObject().put("id", Integer.toString(i + 1)).put("name", parts[0]).put("datatype", parts[1]);
    }
    table.put("database", database).put("last_modified", 0);
    put("/table/" + database + "." + name + ".json", table);
  }

  private ObjectNode model(String name) {
    ObjectNode model = NODES.objectNode().put("uuid", "m-" + name).put("name", name);
    ArrayNode lookups = model.putArray("lookups");
    for (LookupTable lookup : LOOKUPS) {
      if (random.nextInt(4) > 0) {
        ObjectNode join = lookups.addObject().put("table", maybeLower(lookup.table())).putObject("join");
        join.put("type", random.nextBoolean() ? "inner" : "left");
        join.putArray("primary_key").add(maybeLower(lookup.primaryKey()));
        join.putArray("foreign_key").add(maybeLower(lookup.foreignKey()));
      }
    }
    model.put("capacity", pick("SMALL", "MEDIUM", "LARGE")).put("last_modified", 1422435345324L);
    model.put("fact_table", maybeLower(FACT)).putNull("filter_condition");
    if (random.nextInt(5) > 0) {
      ObjectNode partition = model.putObject("partition_desc");
      partition.put("partition_date_column", maybeLower(FACT) + "." + maybeLower("CAL_DT"));
      partition.put("partition_date_start", random.nextBoolean() ? 0L : 1380000000000L + random.nextInt(1000));
      if (random.nextBoolean()) {
        partition.put("partition_date_format", "yyyy-MM-dd");
      }
      partition.put("partition_type", "APPEND");
    }
    switch (random.nextInt(6)) {
      case 0 -> model.putArray("dimensions").addObject().put("table", FACT).putArray("columns").add("SELLER_ID");
      case 1 -> model.putArray("metrics").add("PRICE");
      case 2 -> model.putNull("dimensions").putNull("metrics");
      default -> {
      }
    }
    put("/model_desc/" + name + ".json", model);
    return model;
  }

  private void descWithCubes(String name, ObjectNode model) {
    String descName = random.nextInt(3) == 0 ? name.toUpperCase(Locale.ROOT) : name;
    ObjectNode desc = desc(descName, model);
    String path = "/cube_desc/" + descName + ".json";
    put(path, desc);
    int cubes = random.nextInt(4);
    for (int c = 0; c < cubes; c++) {
      cube(descName + "_cube_" + c, descName);
    }
  }

  private ObjectNode desc(String name, ObjectNode model) {
    ObjectNode desc = NODES.objectNode().put("uuid", "d-" + name).put("name", name).putNull("description");
    List<String> rowKey = new ArrayList<>();
    List<ObjectNode> dimensions = new ArrayList<>();
    boolean noDimensions = random.nextInt(12) == 0;
    if (!noDimensions) {
      for (String column : FACT_DIMENSION_COLUMNS) {
        if (dimensions.isEmpty() || random.nextInt(3) == 0) {
          dimensions.add(dimension(column, FACT, new String[] {column}, null, false));
          rowKey.add(column);
        }
      }
      for (var lookup : model.withArray("lookups")) {
        LookupTable table = lookupTable(lookup.get("table").asText());
        switch (random.nextInt(4)) {
          case 0 -> {
            List<String> derived = someOf(table.otherColumns());
            dimensions.add(dimension(table.foreignKey(), table.table(), null, derived.toArray(new String[0]), false));
            rowKey.add(table.foreignKey());
          }
          case 1 -> {
            List<String> levels = someOf(table.otherColumns());
            dimensions.add(dimension(table.table() + "_H", table.table(), levels.toArray(new String[0]), null, true));
            rowKey.addAll(levels);
          }
          case 2 -> {
            dimensions.add(dimension(table.primaryKey() + "_PK", table.table(), new String[] {table.primaryKey()},
                null, false));
            rowKey.add(table.foreignKey());
          }
          default -> {
          }
        }
      }
    }
    Collections.shuffle(rowKey, random);
    ArrayNode dimensionArray = desc.putArray("dimensions");
    List<Integer> ids = shuffledIds(dimensions.size(), 0);
    for (int i = 0; i < dimensions.size(); i++) {
      ObjectNode dimension = dimensions.get(i);
      dimension.put("id", ids.get(i));
      dimensionArray.add(dimension);
    }

    List<String> measureNames = measures(desc);
    rowKey(desc, rowKey);
    desc.put("signature", random.nextInt(4) == 0 ? null : "stale" + random.nextInt(100) + "==");
    desc.put("last_modified", 1422435345330L).put("model_name", maybeLower(model.get("name").asText()));
    desc.putNull("null_string");
    ArrayNode families = desc.putObject("hbase_mapping").putArray("column_family");
    ArrayNode refs = families.addObject().put("name", maybeLower("F1")).putArray("columns").addObject()
        .put("qualifier", maybeLower("M")).putArray("measure_refs");
    measureNames.forEach(measure -> refs.add(maybeLower(measure)));
    desc.putNull("notify_list");
    if (random.nextInt(4) == 0) {
      boolean v2 = random.nextBoolean();
      desc.put("engine_type", v2 ? 2 : 0).put("storage_type", v2 ? 2 : 0);
      desc.putArray("status_need_notify").add("ERROR");
      desc.put("partition_date_start", random.nextBoolean() ? 0 : 1390000000000L);
      desc.putObject("override_kylin_properties").put("kylin.job.cubing.inMem", "true");
    }
    if (random.nextInt(6) == 0) {
      desc.put("legacy_property", "dropped by v2");
    }
    return desc;
  }

  private ObjectNode dimension(String name, String table, String[] columns, String[] derived, boolean hierarchy) {
    ObjectNode dimension = NODES.objectNode();
    dimension.put("name", maybeLower(name)).put("table", maybeLower(table));
    strings(dimension, "column", columns);
    strings(dimension, "derived", derived);
    dimension.put("hierarchy", hierarchy);
    return dimension;
  }

  private List<String> measures(ObjectNode desc) {
    List<String> names = new ArrayList<>();
    List<ObjectNode> measures = new ArrayList<>();
    measures.add(measure("TRANS_CNT", "COUNT", "constant", "1", null, "bigint"));
    if (random.nextBoolean()) {
      measures.add(measure("GMV_SUM", "SUM", "column", "PRICE", null, "decimal(19,4)"));
      measures.add(measure("GMV_MAX", "max", "column", "price", null, "decimal(19,4)"));
    }
    if (random.nextBoolean()) {
      measures.add(measure("QTY_SUM", "SUM", "column", "qty", null, "long"));
    }
    if (random.nextBoolean()) {
      measures.add(measure("SELLER_CNT", "COUNT_DISTINCT", "column", "SELLER_ID", null, pick("hllc(10)", "hllc12")));
    }
    if (random.nextBoolean()) {
      measures.add(measure("TOP_SELLER", "TOP_N", "column", "PRICE", "seller_id", "topn(100)"));
    }
    switch (random.nextInt(12)) {
      case 0 -> {
        measures.add(measure("SELLER_BITMAP", "COUNT_DISTINCT", "column", "SELLER_ID", null, "bitmap"));
        unloadable.add("/cube_desc/" + desc.get("name").asText() + ".json");
      }
      case 1 -> {
        measures.add(measure("PAIR_SUM", "SUM", "column", "PRICE,QTY", null, "decimal(19,4)"));
        unloadable.add("/cube_desc/" + desc.get("name").asText() + ".json");
      }
      default -> {
      }
    }
    ArrayNode array = desc.putArray("measures");
    List<Integer> ids = shuffledIds(measures.size(), 1);
    for (int i = 0; i < measures.size(); i++) {
      ObjectNode measure = measures.get(i);
      measure.put("id", ids.get(i));
      names.add(measure.get("name").asText());
      array.add(measure);
    }
    return names;
  }

  private ObjectNode measure(String name, String expression, String type, String value, String next, String returnType) {
    ObjectNode measure = NODES.objectNode().put("name", maybeLower(name));
    ObjectNode function = measure.putObject("function").put("expression", expression);
    ObjectNode parameter = function.putObject("parameter").put("type", type).put("value", value);
    if (next != null) {
      parameter.putObject("next_parameter").put("type", "column").put("value", next);
    }
    function.put("returntype", returnType);
    measure.putNull("dependent_measure_ref");
    return measure;
  }

  private void rowKey(ObjectNode desc, List<String> columns) {
    ObjectNode rowKey = desc.putObject("rowkey");
    ArrayNode array = rowKey.putArray("rowkey_columns");
    for (String column : columns) {
      boolean dictionary = random.nextBoolean();
      array.addObject().put("column", maybeLower(column)).put("length", dictionary ? 0 : 10)
          .put("dictionary", dictionary ? "true" : null).put("mandatory", random.nextInt(5) == 0);
    }
    switch (random.nextInt(3)) {
      case 0 -> rowKey.putNull("aggregation_groups");
      case 1 -> {
        ArrayNode group = rowKey.putArray("aggregation_groups").addArray();
        someOf(columns).forEach(column -> group.add(column.toLowerCase(Locale.ROOT)));
      }
      default -> {
      }
    }
  }

  private void cube(String name, String descName) {
    ObjectNode cube = NODES.objectNode().put("uuid", "c-" + name).put("name", name).put("owner", "ADMIN");
    cube.put("version", "1.3.0").put("descriptor", maybeLower(descName)).put("create_time", "legacy");
    switch (random.nextInt(5)) {
      case 0 -> {
      }
      case 1 -> cube.putNull("segments");
      case 2 -> cube.putArray("segments");
      default -> {
        ArrayNode segments = cube.putArray("segments");
        for (int s = 1 + random.nextInt(2); s > 0; s--) {
          segments.addObject().put("uuid", name + "-" + s).put("name", "FULL_BUILD")
              .put("status", pick("READY", "NEW"));
        }
      }
    }
    put("/cube/" + name + ".json", cube);
  }

  private static LookupTable lookupTable(String name) {
    return LOOKUPS.stream().filter(l -> l.table().equalsIgnoreCase(name)).findFirst().orElseThrow();
  }

  private List<Integer> shuffledIds(int count, int first) {
    List<Integer> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(first + i);
    }
    Collections.shuffle(ids, random);
    return ids;
  }

  private List<String> someOf(List<String> values) {
    List<String> chosen = new ArrayList<>();
    for (String value : values) {
      if (chosen.isEmpty() || random.nextBoolean()) {
        chosen.add(value);
      }
    }
    return chosen;
  }

  private static void strings(ObjectNode node, String field, String[] values) {
    if (values == null) {
      node.putNull(field);
    } else {
      ArrayNode array = node.putArray(field);
      for (String value : values) {
        array.add(value);
      }
    }
  }

  private String maybeLower(String name) {
    return random.nextInt(3) == 0 ? name.toLowerCase(Locale.ROOT) : name;
  }

  private String pick(String... values) {
    return values[random.nextInt(values.length)];
  }

  private void put(String path, ObjectNode json) {
    try {
      byte[] bytes = (random.nextInt(4) == 0 ? COMPACT : PRETTY).writeValueAsBytes(json);
      resources.put(path, new Resource(path, bytes, 1422435345000L + resources.size()));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
