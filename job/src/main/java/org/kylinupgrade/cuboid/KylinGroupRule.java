package org.kylinupgrade.cuboid;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Kylin 1.5.4.1's converter rule for aggregation groups ({@code CubeDescUpgrade_v_1_5_1}): no old groups become one
 * group of every rowkey column; old groups sharing a column are refused; otherwise one new group per old group, with
 * {@code includes} = the rowkey columns of no earlier group (sorted by name), {@code mandatory_dims} = the old
 * mandatory columns (rowkey order), {@code hierarchy_dims} = the old hierarchies (of dimensions without a derived
 * list) lying wholly inside the old group, and one joint of the included columns that are neither mandatory nor
 * in the old group.
 */
final class KylinGroupRule {
  /** Kylin's groups, or null when Kylin refuses the desc. */
  final ArrayNode groups;
  /** Why Kylin refuses the desc, or null. */
  final String refusal;
  /**
   * Why the desc Kylin writes would not load for reasons outside the groups (its dimension conversion loses a
   * rowkey column), phrased to follow "Kylin's converter would have"; or null.
   */
  final String dimensionProblem;

  private KylinGroupRule(ArrayNode groups, String refusal, String dimensionProblem) {
    this.groups = groups;
    this.refusal = refusal;
    this.dimensionProblem = dimensionProblem;
  }

  private static TreeSet<String> ci() {
    return new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
  }

  static KylinGroupRule apply(V1Desc d) {
    TreeSet<String> allRowkey = ci();
    allRowkey.addAll(d.rowkey);
    List<String> mandatories = new ArrayList<>();
    for (int i = 0; i < d.rowkey.size(); i++) {
      if (d.mandatory[i]) {
        mandatories.add(d.rowkey.get(i));
      }
    }
    List<List<String>> hierarchies = new ArrayList<>();
    for (V1Desc.Dim dim : d.dims) {
      if (dim.derived == null && dim.hierarchy && dim.columns != null) {
        hierarchies.add(dim.columns);
      }
    }
    List<List<String>> old = new ArrayList<>(d.groups);
    if (old.isEmpty()) {
      old.add(new ArrayList<>(allRowkey));
    }
    int total = 0;
    Set<String> overall = ci();
    for (List<String> g : old) {
      Set<String> one = ci();
      one.addAll(g);
      overall.addAll(g);
      total += one.size();
    }
    String dimensionProblem = dimensionProblem(d);
    if (overall.size() != total) {
      return new KylinGroupRule(null, "rowKeyColExistsInMultipleAggGroup!", dimensionProblem);
    }
    JsonNodeFactory f = JsonNodeFactory.instance;
    ArrayNode out = f.arrayNode();
    Set<String> visited = ci();
    for (List<String> g : old) {
      TreeSet<String> remaining = ci();
      remaining.addAll(allRowkey);
      remaining.removeAll(visited);
      TreeSet<String> joint = ci();
      joint.addAll(remaining);
      joint.removeAll(mandatories);
      Set<String> groupAsSet = ci();
      groupAsSet.addAll(g);
      visited.addAll(groupAsSet);
      joint.removeAll(groupAsSet);

      ObjectNode group = out.addObject();
      ArrayNode includes = group.putArray("includes");
      for (String s : remaining) {
        includes.add(s);
      }
      ObjectNode rule = group.putObject("select_rule");
      ArrayNode hier = rule.putArray("hierarchy_dims");
      for (List<String> h : hierarchies) {
        if (groupAsSet.containsAll(h)) {
          ArrayNode a = hier.addArray();
          for (String s : h) {
            a.add(s);
          }
        }
      }
      ArrayNode mand = rule.putArray("mandatory_dims");
      for (String s : mandatories) {
        mand.add(s);
      }
      ArrayNode joints = rule.putArray("joint_dims");
      if (!joint.isEmpty()) {
        ArrayNode a = joints.addArray();
        for (String s : joint) {
          a.add(s);
        }
      }
    }
    return new KylinGroupRule(out, null, dimensionProblem);
  }

  /**
   * Kylin's dimension conversion turns a dimension with a derived list into one {@code {FK}} dimension (its own
   * columns, hierarchy levels included, are dropped) and every other dimension into one dimension per column;
   * 1.5.4.1 then needs every rowkey column among the non-derived dimension columns. Needs the model.
   */
  private static String dimensionProblem(V1Desc d) {
    if (!d.hasModel) {
      return null;
    }
    Set<String> columns = new LinkedHashSet<>();
    for (V1Desc.Dim dim : d.dims) {
      V1Desc.Lookup join = d.lookupOf(dim.table);
      if (dim.derived != null) {
        if (join != null) {
          columns.addAll(join.fk);
        }
      } else if (dim.columns != null) {
        for (String c : dim.columns) {
          int idx = join == null ? -1 : join.pk.indexOf(c);
          columns.add(idx >= 0 && idx < join.fk.size() ? join.fk.get(idx) : c);
        }
      }
    }
    for (String c : d.rowkey) {
      if (!columns.contains(c)) {
        return "dropped rowkey column " + c + " in its dimension conversion (a hierarchy dimension with its own "
            + "derived list becomes {FK}), so that 1.5.4.1 cannot load the desc";
      }
    }
    return null;
  }
}
