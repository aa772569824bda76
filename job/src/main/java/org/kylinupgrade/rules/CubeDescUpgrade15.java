package org.kylinupgrade.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import org.kylinupgrade.cuboid.V1Cuboids;
import org.kylinupgrade.rules.v15.AggregationGroup;
import org.kylinupgrade.rules.v15.CubeDesc;
import org.kylinupgrade.rules.v15.Dimension;
import org.kylinupgrade.rules.v15.Function;
import org.kylinupgrade.rules.v15.Measure;
import org.kylinupgrade.rules.v15.RowKey;
import org.kylinupgrade.rules.v15.RowKeyColumn;
import org.kylinupgrade.rules.v15.SelectRule;
import org.kylinupgrade.rules.v2.CubeDimension;
import org.kylinupgrade.rules.v2.HBaseMapping;
import org.kylinupgrade.rules.v2.Parameter;

/**
 * Kylin 1.5.4.1's {@code CubeDescUpgrade_v_1_5_1}: a desc of the old format into the 1.5 format.
 * <ul>
 * <li>a derived dimension becomes one dimension on {@code {FK}}; a normal or hierarchy dimension one dimension per
 * column, each with the dimension's name; ids and the hierarchy flag go;</li>
 * <li>a row key column's encoding is {@code dict} when its {@code dictionary} is "true", else
 * {@code fixed_length:<length>} (neither: not convertible);</li>
 * <li>the HBase mapping is copied through JSON; measures, names, dates, engine and storage types are copied; the
 * signature and the overridden properties are not;</li>
 * <li>the aggregation groups are whatever the {@link AggregationGroupPlanner} makes of the old ones.</li>
 * </ul>
 *
 * <p>A hierarchy dimension with its own derived columns is the one case where Kylin's rule loses columns: it becomes
 * a single {@code {FK}} dimension, so its hierarchy columns are no dimension columns any more and Kylin 1.5 refuses a
 * desc whose row key holds them. For such a desc the conversion can be asked for one of two other
 * {@link DerivedHierarchy} forms, which keep every hierarchy column as a dimension of its own.
 */
final class CubeDescUpgrade15 {
  private CubeDescUpgrade15() {
  }

  /** What a hierarchy dimension that has its own derived columns becomes. */
  enum DerivedHierarchy {
    /** Kylin's rule: one dimension on {@code {FK}} with the derived columns; the hierarchy columns go. */
    KYLIN,
    /**
     * One dimension per hierarchy column, then one on {@code {FK}} with the derived columns: the lookup's key hosts
     * them, which determines every column of the lookup table. Kylin 1.5 loads it only where the foreign keys are
     * row key columns.
     */
    FOREIGN_KEY_HOST,
    /**
     * One dimension per hierarchy column, the last (finest) level carrying the derived columns: in a hierarchy the
     * finest level determines the coarser ones, so it identifies the lookup rows that all the levels together, the
     * old host, identified.
     */
    FINEST_LEVEL_HOST
  }

  /** A converted desc and the plan its aggregation groups come from. */
  static final class Result {
    /** Null when the plan is not expressible. */
    final CubeDesc desc;
    final GroupPlan plan;
    /** The hierarchy dimensions with derived columns converted otherwise than by Kylin's rule, by name. */
    final List<String> rewrittenHierarchies;

    Result(CubeDesc desc, GroupPlan plan, List<String> rewrittenHierarchies) {
      this.desc = desc;
      this.plan = plan;
      this.rewrittenHierarchies = rewrittenHierarchies;
    }
  }

  /**
   * @param old the desc as Kylin's first step left it (initialised and re-read, or as bound when that step did not
   *     write it)
   * @param configurations each measure's {@code function.configuration} as Kylin 1.5 binds it, by measure index
   * @param hierarchies the hierarchies with levels named by their row key columns (see {@link V1AggregationRules})
   * @param cuboids the cuboids Kylin 1.3.0 builds for the desc as stored, or null when they are not known
   * @param maxCombination the target Kylin's {@code kylin.cube.aggrgroup.max.combination}, which the planned groups
   *     keep to
   * @return the converted desc and the plan; only the plan when the planner finds the cuboids not expressible
   * @throws NotLoadableException when Kylin's conversion fails
   */
  static Result convert(org.kylinupgrade.rules.v2.CubeDesc old, List<HashMap<String, String>> configurations,
      List<List<String>> hierarchies, AggregationGroupPlanner planner, V1Cuboids cuboids, int maxCombination)
      throws NotLoadableException {
    return convert(old, configurations, hierarchies, planner, cuboids, maxCombination, DerivedHierarchy.KYLIN);
  }

  /**
   * As {@link #convert(org.kylinupgrade.rules.v2.CubeDesc, List, List, AggregationGroupPlanner, V1Cuboids, int)}, with
   * the hierarchy dimensions that have derived columns converted in the given form. The aggregation groups do not
   * depend on the form: Kylin's rule declares no hierarchy for such a dimension, and neither form adds one.
   */
  static Result convert(org.kylinupgrade.rules.v2.CubeDesc old, List<HashMap<String, String>> configurations,
      List<List<String>> hierarchies, AggregationGroupPlanner planner, V1Cuboids cuboids, int maxCombination,
      DerivedHierarchy form) throws NotLoadableException {
    CubeDesc converted = new CubeDesc();
    copyUnchanged(old, converted, configurations);
    List<String> rewritten = new ArrayList<String>();
    List<List<String>> declaredHierarchies = convertDimensions(old, converted, form, rewritten);
    List<String> rowKeyColumns = new ArrayList<String>();
    List<String> mandatory = new ArrayList<String>();
    convertRowKey(old, converted, rowKeyColumns, mandatory);
    converted.hbaseMapping = old.hbaseMapping == null ? null
        : KylinJson.MAPPER.convertValue(old.hbaseMapping, HBaseMapping.class);
    V1AggregationRules v1 = new V1AggregationRules(old.name, rowKeyColumns, mandatory, declaredHierarchies,
        hierarchies, oldGroups(old), cuboids, maxCombination);
    GroupPlan plan = planner.plan(v1);
    if (!plan.isExpressible()) {
      return new Result(null, plan, rewritten);
    }
    converted.aggregationGroups = new ArrayList<AggregationGroup>();
    for (AggregationGroupSpec group : plan.groups()) {
      converted.aggregationGroups.add(toAggregationGroup(group));
    }
    return new Result(converted, plan, rewritten);
  }

  private static void copyUnchanged(org.kylinupgrade.rules.v2.CubeDesc old, CubeDesc converted,
      List<HashMap<String, String>> configurations) {
    converted.uuid = old.uuid;
    converted.lastModified = old.lastModified;
    converted.name = old.name;
    converted.modelName = old.modelName;
    converted.description = old.description;
    converted.nullStrings = old.nullStrings;
    converted.measures = convertMeasures(old.measures, configurations);
    converted.notifyList = old.notifyList;
    converted.statusNeedNotify = old.statusNeedNotify;
    converted.partitionDateStart = old.partitionDateStart;
    converted.partitionDateEnd = old.partitionDateEnd;
    converted.autoMergeTimeRanges = old.autoMergeTimeRanges;
    converted.retentionRange = old.retentionRange;
    converted.storageType = old.storageType;
    converted.engineType = old.engineType;
  }

  /** 1.5's measure is the old one without its id (and with a function configuration, which v1 never had). */
  private static List<Measure> convertMeasures(List<org.kylinupgrade.rules.v2.Measure> measures,
      List<HashMap<String, String>> configurations) {
    if (measures == null) {
      return null;
    }
    List<Measure> converted = new ArrayList<Measure>();
    for (int i = 0; i < measures.size(); i++) {
      org.kylinupgrade.rules.v2.Measure old = measures.get(i);
      if (old == null) {
        converted.add(null);
        continue;
      }
      Measure measure = new Measure();
      measure.name = old.name;
      measure.dependentMeasureRef = old.dependentMeasureRef;
      if (old.function != null) {
        measure.function = new Function();
        measure.function.expression = old.function.expression;
        measure.function.parameter = old.function.parameter == null ? null
            : KylinJson.MAPPER.convertValue(old.function.parameter, Parameter.class);
        measure.function.returnType = old.function.returnType;
        HashMap<String, String> configuration = i < configurations.size() ? configurations.get(i) : null;
        measure.function.configuration = configuration == null ? new HashMap<String, String>() : configuration;
      }
      converted.add(measure);
    }
    return converted;
  }

  /** Whether the desc has a hierarchy dimension with derived columns, which Kylin's rule turns into {@code {FK}}. */
  static boolean hasHierarchyWithDerived(org.kylinupgrade.rules.v2.CubeDesc old) {
    if (old.dimensions == null) {
      return false;
    }
    for (CubeDimension dimension : old.dimensions) {
      if (dimension != null && dimension.hierarchy && dimension.derived != null && dimension.column != null
          && dimension.column.length > 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code upgradeDimension}, a hierarchy with derived columns in the given form; returns the old hierarchies that
   * Kylin's rule declares, each as its dimension's column array.
   */
  private static List<List<String>> convertDimensions(org.kylinupgrade.rules.v2.CubeDesc old, CubeDesc converted,
      DerivedHierarchy form, List<String> rewritten) throws NotLoadableException {
    if (old.dimensions == null) {
      throw new NotLoadableException("dimensions is null");
    }
    List<List<String>> hierarchies = new ArrayList<List<String>>();
    List<Dimension> dimensions = new ArrayList<Dimension>();
    for (CubeDimension dimension : old.dimensions) {
      if (dimension == null) {
        throw new NotLoadableException("NullPointerException: a dimension is null");
      }
      boolean hierarchyWithColumns = dimension.hierarchy && dimension.column != null && dimension.column.length > 0;
      if (dimension.derived != null && hierarchyWithColumns && form != DerivedHierarchy.KYLIN) {
        rewritten.add(dimension.name);
        int last = dimension.column.length - 1;
        for (int i = 0; i <= last; i++) {
          String[] derived = form == DerivedHierarchy.FINEST_LEVEL_HOST && i == last ? dimension.derived : null;
          dimensions.add(new Dimension(dimension.name, dimension.table, dimension.column[i], derived));
        }
        if (form == DerivedHierarchy.FOREIGN_KEY_HOST) {
          dimensions.add(new Dimension(dimension.name, dimension.table, Dimension.FOREIGN_KEYS, dimension.derived));
        }
        continue;
      }
      if (dimension.derived != null) {
        dimensions.add(new Dimension(dimension.name, dimension.table, Dimension.FOREIGN_KEYS, dimension.derived));
        continue;
      }
      if (dimension.column == null) {
        throw new NotLoadableException("NullPointerException: dimension " + dimension.name + " has no column");
      }
      if (dimension.hierarchy) {
        hierarchies.add(Arrays.asList(dimension.column));
      }
      for (String column : dimension.column) {
        dimensions.add(new Dimension(dimension.name, dimension.table, column, null));
      }
    }
    converted.dimensions = dimensions;
    return hierarchies;
  }

  /** {@code upgradeRowKey}: same columns, same order, an encoding each. */
  private static void convertRowKey(org.kylinupgrade.rules.v2.CubeDesc old, CubeDesc converted,
      List<String> rowKeyColumns, List<String> mandatory) throws NotLoadableException {
    if (old.rowkey == null) {
      throw new NotLoadableException("RowKeyDesc is null");
    }
    if (old.rowkey.rowkeyColumns == null) {
      throw new NotLoadableException("RowKeyDesc.getRowKeyColumns is null");
    }
    RowKeyColumn[] columns = new RowKeyColumn[old.rowkey.rowkeyColumns.length];
    int index = 0;
    for (org.kylinupgrade.rules.v2.RowKeyColumn column : old.rowkey.rowkeyColumns) {
      if (column == null || column.column == null) {
        throw new NotLoadableException("NullPointerException: a rowkey column has no name");
      }
      rowKeyColumns.add(column.column);
      if (column.mandatory) {
        mandatory.add(column.column);
      }
      columns[index++] = new RowKeyColumn(column.column, encoding(column));
    }
    converted.rowkey = new RowKey(columns);
  }

  /** {@code dict} for a dictionary, {@code fixed_length:<length>} for a positive length. */
  static String encoding(org.kylinupgrade.rules.v2.RowKeyColumn column) throws NotLoadableException {
    if (column.dictionary != null && "true".equalsIgnoreCase(column.dictionary)) {
      return RowKeyColumn.DICT;
    }
    if (column.length > 0) {
      return RowKeyColumn.FIXED_LENGTH + ":" + column.length;
    }
    throw new NotLoadableException("Unknow encoding: Dictionary " + column.dictionary + ", length: " + column.length);
  }

  private static List<List<String>> oldGroups(org.kylinupgrade.rules.v2.CubeDesc old) throws NotLoadableException {
    List<List<String>> groups = new ArrayList<List<String>>();
    String[][] declared = old.rowkey.aggregationGroups;
    if (declared == null) {
      return groups;
    }
    for (String[] group : declared) {
      if (group == null || Arrays.asList(group).contains(null)) {
        throw new NotLoadableException("NullPointerException: an aggregation group is null or has a null column");
      }
      groups.add(Arrays.asList(group));
    }
    return groups;
  }

  private static AggregationGroup toAggregationGroup(AggregationGroupSpec spec) {
    String[][] hierarchies = new String[spec.hierarchies().size()][];
    for (int i = 0; i < hierarchies.length; i++) {
      hierarchies[i] = spec.hierarchies().get(i).toArray(new String[0]);
    }
    String[][] joints = new String[spec.joints().size()][];
    for (int i = 0; i < joints.length; i++) {
      joints[i] = spec.joints().get(i).toArray(new String[0]);
    }
    SelectRule rule = new SelectRule(hierarchies, spec.mandatory().toArray(new String[0]), joints);
    return new AggregationGroup(spec.includes().toArray(new String[0]), rule);
  }
}
