package org.kylinupgrade.rules;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.kylinupgrade.cuboid.V15Cuboids;
import org.kylinupgrade.cuboid.V1Cuboids;

/**
 * What a v1 cube desc says about its cuboids, as Kylin loads it: the row key, its mandatory columns, the
 * hierarchies and the old aggregation groups. The input of an {@link AggregationGroupPlanner}.
 */
public final class V1AggregationRules implements Serializable {
  private static final long serialVersionUID = 2L;

  private final String descName;
  private final List<String> rowKeyColumns;
  private final List<String> mandatoryColumns;
  private final List<List<String>> declaredHierarchies;
  private final List<List<String>> hierarchies;
  private final List<List<String>> oldGroups;
  /** Not serialized: a planner on an executor gets the rules it plans for there, with their cuboids. */
  private final transient V1Cuboids cuboids;
  private final int maxCombination;

  /**
   * @param descName the desc's name
   * @param rowKeyColumns the row key columns in row key order, named as Kylin's first step leaves them (upper-cased;
   *     as written when that step could not rewrite the desc); cuboid bit i is column {@code size - 1 - i}
   * @param mandatoryColumns the row key columns marked mandatory, in row key order
   * @param declaredHierarchies each hierarchy dimension's columns as the desc writes them (case kept, a lookup key
   *     kept), in dimension order
   * @param hierarchies the same hierarchies with every level named by its row key column (a lookup's primary key
   *     replaced by the fact table's foreign key), for the descs whose levels all resolve
   * @param oldGroups the old aggregation groups, named like the row key columns, in order; empty when the desc has
   *     none
   */
  public V1AggregationRules(String descName, List<String> rowKeyColumns, List<String> mandatoryColumns,
      List<List<String>> declaredHierarchies, List<List<String>> hierarchies, List<List<String>> oldGroups) {
    this(descName, rowKeyColumns, mandatoryColumns, declaredHierarchies, hierarchies, oldGroups, null);
  }

  /**
   * As {@link #V1AggregationRules(String, List, List, List, List, List)}, with the cuboids Kylin 1.3.0 builds for
   * the desc as stored (read with its model), or null when they could not be computed.
   */
  public V1AggregationRules(String descName, List<String> rowKeyColumns, List<String> mandatoryColumns,
      List<List<String>> declaredHierarchies, List<List<String>> hierarchies, List<List<String>> oldGroups,
      V1Cuboids cuboids) {
    this(descName, rowKeyColumns, mandatoryColumns, declaredHierarchies, hierarchies, oldGroups, cuboids,
        V15Cuboids.DEFAULT_MAX_COMBINATION);
  }

  /**
   * As {@link #V1AggregationRules(String, List, List, List, List, List, V1Cuboids)}, planned for a Kylin whose {@code
   * kylin.cube.aggrgroup.max.combination} is {@code maxCombination}.
   */
  public V1AggregationRules(String descName, List<String> rowKeyColumns, List<String> mandatoryColumns,
      List<List<String>> declaredHierarchies, List<List<String>> hierarchies, List<List<String>> oldGroups,
      V1Cuboids cuboids, int maxCombination) {
    this.maxCombination = maxCombination;
    this.cuboids = cuboids;
    this.descName = descName;
    this.rowKeyColumns = copy(rowKeyColumns);
    this.mandatoryColumns = copy(mandatoryColumns);
    this.declaredHierarchies = copyAll(declaredHierarchies);
    this.hierarchies = copyAll(hierarchies);
    this.oldGroups = copyAll(oldGroups);
  }

  public String descName() {
    return descName;
  }

  public List<String> rowKeyColumns() {
    return rowKeyColumns;
  }

  public List<String> mandatoryColumns() {
    return mandatoryColumns;
  }

  /** As written in the desc: Kylin's own conversion matches these against the groups, case-insensitively. */
  public List<List<String>> declaredHierarchies() {
    return declaredHierarchies;
  }

  /** Levels named by their row key columns; what Kylin 1.3.0's cuboid rules use. */
  public List<List<String>> hierarchies() {
    return hierarchies;
  }

  public List<List<String>> oldGroups() {
    return oldGroups;
  }

  /**
   * The cuboids Kylin 1.3.0 builds for the desc, computed from the desc as stored and its model; null when the
   * caller had none to give (then a planner has only the rules above).
   */
  public V1Cuboids cuboids() {
    return cuboids;
  }

  /**
   * The most combinations the target Kylin loads in one aggregation group ({@code
   * kylin.cube.aggrgroup.max.combination}): every group a plan gives must keep to it.
   */
  public int maxCombination() {
    return maxCombination;
  }

  private static List<String> copy(List<String> values) {
    return Collections.unmodifiableList(new ArrayList<String>(values));
  }

  private static List<List<String>> copyAll(List<List<String>> lists) {
    List<List<String>> out = new ArrayList<List<String>>();
    for (List<String> list : lists) {
      out.add(copy(list));
    }
    return Collections.unmodifiableList(out);
  }

  @Override
  public String toString() {
    return "V1AggregationRules[" + descName + ": rowkey " + rowKeyColumns + ", mandatory " + mandatoryColumns
        + ", hierarchies " + declaredHierarchies + ", groups " + oldGroups + "]";
  }
}
