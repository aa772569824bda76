package org.kylinupgrade.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.kylinupgrade.cuboid.AggregationGroupMapping;
import org.kylinupgrade.cuboid.V1Cuboids;

/**
 * The planner that keeps what was built: the 1.5 groups must give exactly the cuboids Kylin 1.3.0 builds for the
 * desc, with the same row key order, since the HTables of built segments are keyed by cuboid id.
 * <ul>
 * <li>Where Kylin's own converter rule keeps that cuboid set and its groups load, its groups
 * ({@link KylinAggregationGroupPlanner}), so that the desc comes out as Kylin writes it;</li>
 * <li>else groups built from the v1 semantics that keep the set ({@link AggregationGroupMapping}), reported as a
 * deviation from Kylin's converter;</li>
 * <li>else not expressible: the desc is reported and left as it is.</li>
 * </ul>
 * The v1 cuboids come with the rules ({@link V1AggregationRules#cuboids()}); rules without them are turned into a
 * desc named by row key columns (hierarchy levels resolved to row key columns).
 */
public final class CuboidAggregationGroupPlanner implements AggregationGroupPlanner {
  private static final long serialVersionUID = 1L;

  public static final CuboidAggregationGroupPlanner INSTANCE = new CuboidAggregationGroupPlanner();

  @Override
  public GroupPlan plan(V1AggregationRules v1) {
    AggregationGroupMapping.Result mapping = mapping(v1);
    if (!mapping.expressible()) {
      String kylin = mapping.kylinRuleNote();
      String reason = "no aggregation groups keep the v1 cuboid set: " + mapping.notExpressibleReason()
          + (kylin == null ? "" : " (Kylin's converter would have " + kylin + ")");
      return mapping.tooLargeToCheck() ? GroupPlan.tooLargeToCheck(reason) : GroupPlan.notExpressible(reason);
    }
    if (mapping.keptByKylinRule()) {
      GroupPlan kylins = KylinAggregationGroupPlanner.INSTANCE.plan(v1);
      if (kylins.isExpressible()) {
        return kylins;
      }
    }
    return GroupPlan.deviatingFromKylin(specs(mapping.groups()), mapping.kylinRuleNote() != null
        ? mapping.kylinRuleNote() : "written other aggregation groups");
  }

  /** The v1 cuboids mapped to groups within the rules' limit of combinations. */
  private static AggregationGroupMapping.Result mapping(V1AggregationRules v1) {
    return v1.cuboids() != null
        ? AggregationGroupMapping.map(v1.cuboids(), V1Cuboids.DEFAULT_BOUND, v1.maxCombination())
        : AggregationGroupMapping.map(descOf(v1), v1.maxCombination());
  }

  /** The mapping's {@code aggregation_groups} as the conversion writes them. */
  static List<AggregationGroupSpec> specs(ArrayNode groups) {
    List<AggregationGroupSpec> specs = new ArrayList<AggregationGroupSpec>();
    for (JsonNode group : groups) {
      JsonNode rule = group.path("select_rule");
      specs.add(new AggregationGroupSpec(texts(group.path("includes")), texts(rule.path("mandatory_dims")),
          textArrays(rule.path("hierarchy_dims")), textArrays(rule.path("joint_dims"))));
    }
    return specs;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<String>();
    for (JsonNode value : array) {
      out.add(value.asText());
    }
    return out;
  }

  private static List<List<String>> textArrays(JsonNode arrays) {
    List<List<String>> out = new ArrayList<List<String>>();
    for (JsonNode array : arrays) {
      out.add(texts(array));
    }
    return out;
  }

  /**
   * A v1 desc saying what the rules say: the row key with its mandatory flags and old groups, and one hierarchy
   * dimension per hierarchy, its levels named by their row key columns.
   */
  static ObjectNode descOf(V1AggregationRules v1) {
    JsonNodeFactory json = JsonNodeFactory.instance;
    ObjectNode desc = json.objectNode();
    desc.put("name", v1.descName());
    ArrayNode dimensions = desc.putArray("dimensions");
    int id = 1;
    for (List<String> hierarchy : v1.hierarchies()) {
      ObjectNode dimension = dimensions.addObject();
      dimension.put("id", id++);
      dimension.put("table", "");
      ArrayNode columns = dimension.putArray("column");
      for (String column : hierarchy) {
        columns.add(column);
      }
      dimension.put("hierarchy", true);
    }
    ObjectNode rowkey = desc.putObject("rowkey");
    ArrayNode columns = rowkey.putArray("rowkey_columns");
    for (String column : v1.rowKeyColumns()) {
      ObjectNode entry = columns.addObject();
      entry.put("column", column);
      entry.put("mandatory", containsIgnoringCase(v1.mandatoryColumns(), column));
    }
    if (!v1.oldGroups().isEmpty()) {
      ArrayNode groups = rowkey.putArray("aggregation_groups");
      for (List<String> group : v1.oldGroups()) {
        ArrayNode array = groups.addArray();
        for (String column : group) {
          array.add(column);
        }
      }
    }
    return desc;
  }

  private static boolean containsIgnoringCase(List<String> values, String value) {
    for (String v : values) {
      if (v.equalsIgnoreCase(value)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "aggregation groups that keep the v1 cuboid set (Kylin's rule where it keeps them)";
  }
}
