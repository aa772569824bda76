package org.kylinupgrade.validate;

import static org.kylinupgrade.validate.Finding.Kind.AGGREGATION_GROUP;
import static org.kylinupgrade.validate.Finding.Kind.ENGINE_STORAGE;
import static org.kylinupgrade.validate.Finding.Kind.MISSING_DESC;
import static org.kylinupgrade.validate.Finding.Kind.MISSING_MODEL;
import static org.kylinupgrade.validate.Finding.Kind.SIGNATURE;
import static org.kylinupgrade.validate.Finding.Kind.UNLOADABLE;
import static org.kylinupgrade.validate.Finding.Kind.V1_SEGMENTS_ON_SHARDED_STORAGE;
import static org.kylinupgrade.validate.Finding.Kind.VERSION_LABEL;
import static org.kylinupgrade.validate.V15Store.cube;
import static org.kylinupgrade.validate.V15Store.desc;
import static org.kylinupgrade.validate.V15Store.model;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/** Faults planted in a {@link V15Store}, each in a group of its own, with exactly what validate must report. */
public final class PlantedFaults15 {
  private PlantedFaults15() {
  }

  /** One fault: how to plant it, and the findings it causes in the planted store. */
  public record Fault(String name, Consumer<V15Store> plant, Function<V15Store, List<Finding>> expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Fault fault(String name, Consumer<V15Store> plant, Finding.Kind kind, String path, String message) {
    return new Fault(name, plant, store -> List.of(new Finding(kind, path, message)));
  }

  public static List<Fault> all() {
    return List.of(
        new Fault("a desc's content changed under its signature", s -> s.edit(desc(1),
                d -> ((ObjectNode) d.at("/rowkey/rowkey_columns/5")).put("encoding", "fixed_length:20")),
            s -> List.of(new Finding(SIGNATURE, desc(1), "signature '" + V15Store.valid().signatureOf(1).value()
                + "' does not match its content, whose signature is '" + s.signatureOf(1).value() + "'"))),
        fault("a desc on sharded storage serves a cube with a v1 segment",
            s -> s.edit(cube(2), c -> PlantedFaults.addSegment(c, null)),
            V1_SEGMENTS_ON_SHARDED_STORAGE, desc(2),
            "storage_type 2 (sharded) but cube kylin_sales_cube_2 has segments in the unsharded v1 layout"),
        fault("a desc's model is gone", s -> s.delete(model(3)),
            MISSING_MODEL, desc(3), "model 'kylin_sales_model_3' does not exist"),
        fault("a joint of one column", s -> s.edit(desc(4), d -> ((ObjectNode) d.at("/aggregation_groups/0/select_rule"))
                .putArray("joint_dims").addArray().add("LSTG_SITE_ID")),
            AGGREGATION_GROUP, desc(4), "Kylin 1.5 cannot load this cube desc: Aggregation group 0 require at least 2"
                + " dims in a joint (used by cube kylin_sales_cube_4)"),
        fault("a group includes a column the row key does not have", s -> s.edit(desc(5),
                d -> ((ArrayNode) d.at("/aggregation_groups/0/includes")).add("NO_SUCH_COLUMN")),
            AGGREGATION_GROUP, desc(5), "Kylin 1.5 cannot load this cube desc: Aggregation group 0: column"
                + " NO_SUCH_COLUMN does not exist in row key desc (used by cube kylin_sales_cube_5)"),
        fault("a cube without the version label", s -> s.edit(cube(6), c -> c.remove("version")),
            VERSION_LABEL, cube(6), "1 JSON resource has no version label of Kylin 1.5 (its upgrade writes"
                + " \"version\" : \"1.5.1\" into every JSON resource outside /dict and /table_snapshot): "
                + cube(6) + " (no version)"),
        fault("an engine id Kylin 1.5 does not have (signed with it)", s -> {
              s.edit(desc(7), d -> d.put("engine_type", 7));
              s.edit(desc(7), d -> d.put("signature", s.signatureOf(7).value()));
            },
            ENGINE_STORAGE, desc(7), "engine_type 7 is not a cube engine of Kylin 1.5 (0 = MR_V1, 2 = MR_V2)"),
        fault("a row key encoding Kylin 1.5 does not have", s -> s.edit(desc(8),
                d -> ((ObjectNode) d.at("/rowkey/rowkey_columns/1")).put("encoding", "bogus")),
            UNLOADABLE, desc(8), "Kylin 1.5 cannot load this cube desc: Not supported row key col encoding: 'bogus'"
                + " (used by cube kylin_sales_cube_8)"),
        fault("a cube's desc is gone", s -> s.delete(desc(9)),
            MISSING_DESC, cube(9), "cube desc 'kylin_sales_cube_desc_9' does not exist"),
        fault("a model Kylin 1.5 cannot load", s -> s.edit(model(10), m -> ((ObjectNode) m.get("partition_desc"))
                .put("partition_date_column", "DEFAULT.KYLIN_SALES.NO_SUCH_COLUMN")),
            UNLOADABLE, model(10), "Kylin 1.5 cannot load this model: The column 'DEFAULT.KYLIN_SALES.NO_SUCH_COLUMN'"
                + " provided in 'partition_date_column' doesn't exist. (so Kylin 1.5 cannot load its cube descs"
                + " either: kylin_sales_cube_desc_10)"));
  }

  /** The valid store with every fault planted at once. */
  public static V15Store plantAll() {
    V15Store store = V15Store.valid();
    all().forEach(f -> f.plant().accept(store));
    return store;
  }

  /** Everything validate must report for {@link #plantAll()}, sorted. */
  public static List<Finding> expectedForAll(V15Store planted) {
    List<Finding> expected = new ArrayList<>();
    all().forEach(f -> expected.addAll(f.expected().apply(planted)));
    expected.sort(null);
    return expected;
  }
}
