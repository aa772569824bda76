package org.kylinupgrade.validate;

import static org.kylinupgrade.validate.Finding.Kind.DUPLICATE_NAME;
import static org.kylinupgrade.validate.Finding.Kind.ENGINE_STORAGE;
import static org.kylinupgrade.validate.Finding.Kind.MISSING_DESC;
import static org.kylinupgrade.validate.Finding.Kind.MISSING_FIELD;
import static org.kylinupgrade.validate.Finding.Kind.MISSING_MODEL;
import static org.kylinupgrade.validate.Finding.Kind.MISSING_REALIZATION;
import static org.kylinupgrade.validate.Finding.Kind.MISSING_TABLE;
import static org.kylinupgrade.validate.Finding.Kind.NOT_JSON;
import static org.kylinupgrade.validate.Finding.Kind.SIGNATURE;
import static org.kylinupgrade.validate.Finding.Kind.UNLOADABLE;
import static org.kylinupgrade.validate.Finding.Kind.V1_SEGMENTS_ON_SHARDED_STORAGE;
import static org.kylinupgrade.validate.V2Store.PROJECT;
import static org.kylinupgrade.validate.V2Store.cube;
import static org.kylinupgrade.validate.V2Store.desc;
import static org.kylinupgrade.validate.V2Store.model;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/** Faults planted in a {@link V2Store}, each in a group of its own, with exactly what validate must report. */
public final class PlantedFaults {
  static final String BITMAP_REASON = "bad data type -- bitmap, does not match (any|char|varchar|boolean|binary"
      + "|integer|tinyint|smallint|bigint|decimal|numeric|float|real|double|date|time|datetime|timestamp|byte|int"
      + "|short|long|string|hllc|topn|_literal_type|_derived_type)\\s*(?:[(]([\\d\\s,]+)[)])?";

  private PlantedFaults() {
  }

  /** One fault: how to plant it, and the findings it causes in the planted store. */
  public record Fault(String name, Consumer<V2Store> plant, Function<V2Store, List<Finding>> expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Fault fault(String name, Consumer<V2Store> plant, Finding.Kind kind, String path, String message) {
    return new Fault(name, plant, store -> List.of(new Finding(kind, path, message)));
  }

  public static List<Fault> all() {
    return List.of(
        fault("a cube's desc is gone", s -> s.delete(desc(1)),
            MISSING_DESC, cube(1), "cube desc 'kylin_sales_cube_desc_1' does not exist"),
        fault("a desc's model is gone", s -> s.delete(model(2)),
            MISSING_MODEL, desc(2), "model 'kylin_sales_model_2' does not exist"),
        fault("a dimension's table does not exist", s -> s.edit(desc(3),
                d -> ((ObjectNode) d.get("dimensions").get(0)).put("table", "DEFAULT.NO_SUCH_TABLE")),
            MISSING_TABLE, desc(3), "dimension CAL_DT: table 'DEFAULT.NO_SUCH_TABLE' does not exist"),
        fault("a model's lookup table does not exist", s -> s.edit(model(4),
                m -> ((ObjectNode) m.get("lookups").get(1)).put("table", "DEFAULT.NO_SUCH_LOOKUP")),
            MISSING_TABLE, model(4), "lookup table 'DEFAULT.NO_SUCH_LOOKUP' does not exist"
                + " (so Kylin v2 cannot load its cube descs either: kylin_sales_cube_desc_4)"),
        new Fault("a desc's content changed under its signature", s -> s.edit(desc(5),
                d -> ((ObjectNode) d.at("/rowkey/rowkey_columns/5")).put("length", 20)),
            s -> List.of(new Finding(SIGNATURE, desc(5), "signature '" + V2Store.valid().signatureOf(5).value()
                + "' does not match its content, whose signature is '" + s.signatureOf(5).value() + "'"))),
        new Fault("a desc has no signature", s -> s.edit(desc(6), d -> d.remove("signature")),
            s -> List.of(new Finding(SIGNATURE, desc(6), "no signature; its content's is '" + s.signatureOf(6).value()
                + "'"))),
        fault("an engine id Kylin v2 does not have", s -> s.edit(desc(7), d -> d.put("engine_type", 7)),
            ENGINE_STORAGE, desc(7), "engine_type 7 is not a cube engine of Kylin v2.0 (0 = MR_V1, 2 = MR_V2)"),
        fault("a storage id that is not a cube storage", s -> s.edit(desc(8), d -> d.put("storage_type", 1)),
            ENGINE_STORAGE, desc(8), "storage_type 1 is not a cube storage of Kylin v2.0 (0 = HBASE, 2 = SHARDED_HBASE)"),
        fault("a sharded desc serves a cube with a v1 segment", s -> s.edit(cube(9), c -> addSegment(c, null)),
            V1_SEGMENTS_ON_SHARDED_STORAGE, desc(9),
            "storage_type 2 (sharded) but cube kylin_sales_cube_9 has segments in the unsharded v1 layout"),
        fault("a project lists a cube that does not exist", s -> s.edit(PROJECT, p -> ((ArrayNode) p.get("realizations"))
                .addObject().put("type", "CUBE").put("realization", "no_such_cube")),
            MISSING_REALIZATION, PROJECT, "lists CUBE 'no_such_cube', which does not exist"),
        fault("a desc Kylin v2 cannot load (bitmap)", s -> s.edit(desc(11),
                d -> ((ObjectNode) d.at("/measures/4/function")).put("returntype", "bitmap")),
            UNLOADABLE, desc(11), "Kylin v2 cannot load this cube desc: " + BITMAP_REASON
                + " (used by cube kylin_sales_cube_11)"),
        fault("a cube without descriptor", s -> s.edit(cube(12), c -> c.remove("descriptor")),
            MISSING_FIELD, cube(12), "no descriptor (the name of its cube desc)"),
        fault("a cube that is not a JSON object", s -> s.put(cube(13), "[ \"kylin_sales_cube_13\" ]"),
            NOT_JSON, cube(13), "expected a JSON object, found ARRAY"),
        fault("a project lists a table that does not exist", s -> s.edit(PROJECT,
                p -> ((ArrayNode) p.get("tables")).add("DEFAULT.NO_SUCH_TABLE")),
            MISSING_TABLE, PROJECT, "lists table 'DEFAULT.NO_SUCH_TABLE', which does not exist"),
        fault("a hybrid lists a cube that does not exist", s -> s.put("/hybrid/kylin_sales_hybrid.json",
                "{ \"name\" : \"kylin_sales_hybrid\", \"realizations\" : [ { \"type\" : \"CUBE\", \"realization\" : "
                    + "\"kylin_sales_cube\" }, { \"type\" : \"CUBE\", \"realization\" : \"no_such_cube\" } ] }"),
            MISSING_REALIZATION, "/hybrid/kylin_sales_hybrid.json", "lists CUBE 'no_such_cube', which does not exist"),
        fault("two cubes with one name", s -> s.put("/cube/kylin_sales_cube_copy.json", s.tree("/cube/kylin_sales_cube.json")),
            DUPLICATE_NAME, "/cube/kylin_sales_cube_copy.json",
            "Kylin v2 skips it: /cube/kylin_sales_cube.json already has the name 'kylin_sales_cube'"));
  }

  /** Adds a READY segment; {@code totalShards} null means none recorded, as in a segment built by Kylin v1. */
  static void addSegment(ObjectNode cube, Integer totalShards) {
    ObjectNode segment = ((ArrayNode) cube.get("segments")).addObject()
        .put("uuid", "2b2a4ab6-3d33-4f7e-9d8f-94c2b8fb8e3b").put("name", "20120101000000_20130101000000")
        .put("status", "READY").put("storage_location_identifier", "KYLIN_5V8ZQZ3Y1P")
        .put("date_range_start", 1325376000000L).put("date_range_end", 1356998400000L);
    if (totalShards != null) {
      segment.put("total_shards", totalShards);
    }
  }

  /** The valid store with every fault planted at once. */
  public static V2Store plantAll() {
    V2Store store = V2Store.valid();
    all().forEach(f -> f.plant().accept(store));
    return store;
  }

  /** Everything validate must report for {@link #plantAll()}, sorted. */
  public static List<Finding> expectedForAll(V2Store planted) {
    List<Finding> expected = new ArrayList<>();
    all().forEach(f -> expected.addAll(f.expected().apply(planted)));
    expected.sort(null);
    return expected;
  }
}
