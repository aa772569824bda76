package org.kylinupgrade.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kylinupgrade.rules.LoadedModel.ResolvedLookup;
import org.kylinupgrade.rules.v2.CubeDesc;
import org.kylinupgrade.rules.v2.CubeDimension;
import org.kylinupgrade.rules.v2.HBaseColumn;
import org.kylinupgrade.rules.v2.HBaseColumnFamily;
import org.kylinupgrade.rules.v2.Measure;
import org.kylinupgrade.rules.v2.Parameter;
import org.kylinupgrade.rules.v2.RowKeyColumn;
import org.kylinupgrade.util.Immutables;

/**
 * Kylin 1.4-alpha's {@code CubeDesc.init} (with {@code DimensionDesc.init}, {@code FunctionDesc.init},
 * {@code RowKeyDesc.init}, {@code HBaseMappingDesc.init}): normalises the desc in place (names upper-cased, column
 * references resolved, defaults filled in, as v2 holds it once loaded) and fails exactly where v2 fails to load it,
 * including the places where v2 dies of a NullPointerException.
 * With {@link DescInitRules#KYLIN_1_5_OLD_FORMAT} it is Kylin 1.5.4.1's copy of that code for the old format, which
 * its upgrade runs first.
 */
final class CubeDescInit {
  private static final String FK_PLACEHOLDER = "{FK}";

  private final CubeDesc desc;
  private final ModelTables model;
  private final TableCatalog tables;
  private final DescInitRules rules;

  private final Map<CubeDimension, DimensionContext> contexts = new IdentityHashMap<>();
  private final DimensionColumns dimensionColumns = new DimensionColumns();
  /** Fact column names of the measures' column parameters, in measure and parameter-chain order. */
  private final List<String> metricColumns = new ArrayList<>();

  private CubeDescInit(CubeDesc desc, ModelTables model, TableCatalog tables, DescInitRules rules) {
    this.desc = desc;
    this.model = model;
    this.tables = tables;
    this.rules = rules;
  }

  /** What init resolved besides mutating the desc. */
  static final class Result {
    private final List<String> metricColumns;
    private final List<List<String>> hierarchies;

    Result(List<String> metricColumns, List<List<String>> hierarchies) {
      this.metricColumns = Collections.unmodifiableList(new ArrayList<String>(metricColumns));
      this.hierarchies = Collections.unmodifiableList(new ArrayList<List<String>>(hierarchies));
    }

    /** The columns of the measures' column parameters, in measure and parameter-chain order. */
    List<String> metricColumns() {
      return metricColumns;
    }

    /** Each hierarchy dimension's levels as the row key names them (a lookup key stands for its foreign key). */
    List<List<String>> hierarchies() {
      return hierarchies;
    }
  }

  /** Kylin 1.4-alpha's init. */
  static Result run(CubeDesc desc, LoadedModel model, TableCatalog tables) throws NotLoadableException {
    return run(desc, model == null ? null : model.tables, tables, DescInitRules.KYLIN_1_4_ALPHA);
  }

  /** The init of the release {@code rules} describes; {@code model} null when the desc's model does not load. */
  static Result run(CubeDesc desc, ModelTables model, TableCatalog tables, DescInitRules rules)
      throws NotLoadableException {
    return new CubeDescInit(desc, model, tables, rules).run();
  }

  private static final class DimensionContext {
    TableCatalog.Table table;
    /** The lookup's join when the dimension's table is a lookup with a join ({@code DimensionDesc.getJoin()}). */
    ResolvedLookup join;
    boolean hasHierarchyLevels;
    /** Column refs of the hierarchy levels; stays null when the host columns come from {@code {FK}}. */
    List<ColumnRef> hierarchyRefs;
  }

  private Result run() throws NotLoadableException {
    requireModel();
    if (desc.dimensions == null) {
      throw npe("dimensions is missing");
    }
    for (CubeDimension dimension : desc.dimensions) {
      initDimension(dimension);
    }
    sortDimensionsAndMeasures();
    for (CubeDimension dimension : desc.dimensions) {
      initDimensionColumns(dimension);
    }
    initMeasures();
    initRowKey();
    initHBaseMapping();
    checkMeasureRefs();
    checkRowKeyCount();
    return new Result(metricColumns, resolvedHierarchies());
  }

  private List<List<String>> resolvedHierarchies() {
    List<List<String>> hierarchies = new ArrayList<List<String>>();
    for (CubeDimension dimension : desc.dimensions) {
      List<ColumnRef> levels = contexts.get(dimension).hierarchyRefs;
      if (levels != null) {
        List<String> names = new ArrayList<String>();
        for (ColumnRef level : levels) {
          names.add(level.name());
        }
        hierarchies.add(names);
      }
    }
    return hierarchies;
  }

  private void requireModel() throws NotLoadableException {
    if (desc.modelName == null || desc.modelName.isEmpty()) {
      throw new NotLoadableException("The cubeDesc '" + desc.name + "' doesn't have data model specified.");
    }
    if (model == null) {
      throw new NotLoadableException("No data model found with name '" + desc.modelName + "'.");
    }
  }

  private void initDimension(CubeDimension dimension) throws NotLoadableException {
    if (dimension == null) {
      throw npe("a dimension is null");
    }
    dimension.name = Names.upper(dimension.name);
    dimension.table = Names.upper(dimension.table);
    if (dimension.table == null) {
      throw npe("dimension " + dimension.name + " has no table");
    }
    DimensionContext context = new DimensionContext();
    context.table = tables.find(dimension.table);
    if (context.table == null) {
      throw new NotLoadableException("Can't find table " + dimension.table + " for dimension " + dimension.name);
    }
    for (ResolvedLookup lookup : model.lookups) {
      if (lookup.table().equalsIgnoreCase(dimension.table)) {
        context.join = lookup.hasJoin() ? lookup : null;
        break;
      }
    }
    if (dimension.hierarchy) {
      if (dimension.column == null) {
        throw npe("hierarchy dimension " + dimension.name + " has no column");
      }
      context.hasHierarchyLevels = dimension.column.length > 0;
      if (context.hasHierarchyLevels && Arrays.asList(dimension.column).contains(null)) {
        throw npe("hierarchy dimension " + dimension.name + " has a null column");
      }
    }
    if (dimension.derived != null && dimension.derived.length == 0) {
      dimension.derived = null;
    }
    Names.upperInPlace(dimension.derived);
    if (dimension.derived != null && context.join == null) {
      throw new NotLoadableException("Derived can only be defined on lookup table, dimension " + dimension.name
          + " on table " + dimension.table);
    }
    contexts.put(dimension, context);
  }

  private void sortDimensionsAndMeasures() throws NotLoadableException {
    desc.dimensions.sort(Comparator.comparingInt(d -> d.id));
    if (desc.measures == null) {
      desc.measures = new ArrayList<>();
    }
    if (desc.measures.contains(null)) {
      throw npe("a measure is null");
    }
    if (!rules.sortsMeasuresById()) {
      return;
    }
    desc.measures.sort(Comparator.comparingInt(m -> m.id));
  }

  private void initDimensionColumns(CubeDimension dimension) throws NotLoadableException {
    DimensionContext context = contexts.get(dimension);
    ResolvedLookup join = context.join;
    String[] columns = dimension.column;
    List<ColumnRef> hostColumns = new ArrayList<>();
    boolean hostsAreForeignKeys = (columns == null && dimension.derived != null)
        || (columns != null && Arrays.asList(columns).contains(FK_PLACEHOLDER));
    if (hostsAreForeignKeys) {
      if (join == null) {
        throw npe("dimension " + dimension.name + " uses " + FK_PLACEHOLDER + " but its table has no join");
      }
      for (ColumnRef foreignKey : join.foreignKey()) {
        hostColumns.add(dimensionColumns.register(foreignKey));
      }
    } else {
      if (columns == null || columns.length == 0) {
        throw new NotLoadableException("Dimension column must not be blank: dimension " + dimension.name);
      }
      for (String column : columns) {
        hostColumns.add(dimensionColumns.resolve(dimension.name, context.table, join, column));
      }
      if (context.hasHierarchyLevels) {
        context.hierarchyRefs = Immutables.copyOfList(hostColumns);
      }
    }

    dimensionColumns.derive(dimension.name, context.table, join, hostColumns, dimension.derived);
  }

  private void initMeasures() throws NotLoadableException {
    for (Measure measure : desc.measures) {
      if (measure.name == null) {
        throw npe("a measure has no name");
      }
      measure.name = Names.upper(measure.name);
      measure.dependentMeasureRef = Names.upper(measure.dependentMeasureRef);
      if (measure.function == null) {
        throw npe("measure " + measure.name + " has no function");
      }
      if (measure.function.expression == null) {
        throw npe("measure " + measure.name + " has no expression");
      }
      measure.function.expression = Names.upper(measure.function.expression);
      String returnType = rules.dataTypes().normalise(measure.function.returnType);
      for (Parameter p = measure.function.parameter; p != null; p = p.nextParameter) {
        if (p.value == null) {
          throw npe("measure " + measure.name + " has a parameter without value");
        }
        p.value = Names.upper(p.value);
      }
      for (Parameter p = measure.function.parameter; p != null; p = p.nextParameter) {
        if (p.isColumn()) {
          metricColumns.add(measureColumn(measure, p.value).ref().name());
        }
      }
      if (measure.function.parameter == null) {
        throw npe("measure " + measure.name + " has no parameter");
      }
      if (rules.requiresDependentMeasureOfHolisticCountDistinct()
          && "COUNT_DISTINCT".equalsIgnoreCase(measure.function.expression) && isBigInt(returnType)
          && Names.isBlank(measure.dependentMeasureRef)) {
        throw new NotLoadableException("measure " + measure.name
            + " is a holistic count distinct but it has no DependentMeasureRef defined!");
      }
    }
  }

  /** A normalised type string names bigint, with or without a precision. */
  private static boolean isBigInt(String type) {
    return type != null && (type.equals("bigint") || type.startsWith("bigint("));
  }

  /** {@code FunctionDesc.init}'s lookup of a column parameter. */
  private TableCatalog.Column measureColumn(Measure measure, String name) throws NotLoadableException {
    TableCatalog.Column column = model.factTable.findColumn(name);
    if (column != null) {
      return column;
    }
    if (!rules.findsMeasureColumnsInLookups()) {
      throw npe("measure " + measure.name + " parameter '" + name + "' is not a column of fact table "
          + model.factTable.identity());
    }
    for (TableCatalog.Table lookup : model.lookupTables) {
      column = lookup.findColumn(name);
      if (column != null) {
        return column;
      }
    }
    throw new NotLoadableException("Column is not found in any table from the model: " + name);
  }

  /** The row key: every aggregation group column and every hierarchy level must be one of its columns. */
  private void initRowKey() throws NotLoadableException {
    if (desc.rowkey == null) {
      throw npe("rowkey is missing");
    }
    Map<String, ColumnRef> byName = nonDerivedColumnsByName();
    Map<ColumnRef, RowKeyColumn> rowKeyColumns = rowKeyColumns(byName);
    requireAggregationColumnsInRowKey(byName, rowKeyColumns);
    requireHierarchyLevelsInRowKey(rowKeyColumns);
  }

  /** The row key columns, upper-cased, by the dimension column each names. */
  private Map<ColumnRef, RowKeyColumn> rowKeyColumns(Map<String, ColumnRef> byName) throws NotLoadableException {
    if (desc.rowkey.rowkeyColumns == null) {
      throw npe("rowkey_columns is missing");
    }
    Map<ColumnRef, RowKeyColumn> rowKeyColumns = new HashMap<>();
    for (RowKeyColumn rowKeyColumn : desc.rowkey.rowkeyColumns) {
      if (rowKeyColumn == null || rowKeyColumn.column == null) {
        throw npe("a rowkey column has no name");
      }
      String name = rowKeyColumn.column;
      rowKeyColumn.column = Names.upper(name);
      ColumnRef ref = byName.get(Names.upper(name));
      if (ref == null) {
        throw new NotLoadableException("Cannot find rowkey column " + name + " in cube " + desc.name);
      }
      rowKeyColumns.put(ref, rowKeyColumn);
    }
    return rowKeyColumns;
  }

  /** Upper-cases the aggregation groups (an absent list becomes empty) and checks each column is in the row key. */
  private void requireAggregationColumnsInRowKey(Map<String, ColumnRef> byName,
      Map<ColumnRef, RowKeyColumn> rowKeyColumns) throws NotLoadableException {
    if (desc.rowkey.aggregationGroups == null) {
      desc.rowkey.aggregationGroups = new String[0][];
    }
    for (String[] group : desc.rowkey.aggregationGroups) {
      Names.upperInPlace(group);
    }
    for (String[] group : desc.rowkey.aggregationGroups) {
      if (group == null) {
        throw npe("an aggregation group is null");
      }
      for (String column : group) {
        if (column == null) {
          throw npe("an aggregation group has a null column");
        }
        ColumnRef ref = byName.get(column);
        if (ref == null) {
          throw new NotLoadableException("Can't find aggregation column " + column + " in  cube " + desc.name);
        }
        if (!rowKeyColumns.containsKey(ref)) {
          throw npe("Column " + ref + " does not exist in row key desc");
        }
      }
    }
  }

  private void requireHierarchyLevelsInRowKey(Map<ColumnRef, RowKeyColumn> rowKeyColumns)
      throws NotLoadableException {
    for (CubeDimension dimension : desc.dimensions) {
      DimensionContext context = contexts.get(dimension);
      if (!context.hasHierarchyLevels) {
        continue;
      }
      for (int level = 0; level < dimension.column.length; level++) {
        ColumnRef ref = context.hierarchyRefs == null ? null : context.hierarchyRefs.get(level);
        if (ref == null || !rowKeyColumns.containsKey(ref)) {
          throw npe("hierarchy column " + (ref == null ? dimension.column[level] : ref)
              + " does not exist in row key desc");
        }
      }
    }
  }

  /** {@code buildColumnNameAbbreviation}: non-derived dimension columns by upper-cased name, the last one wins. */
  private Map<String, ColumnRef> nonDerivedColumnsByName() {
    Map<String, ColumnRef> byName = new LinkedHashMap<>();
    for (ColumnRef column : dimensionColumns.nonDerived()) {
      byName.put(Names.upper(column.name()), column);
    }
    return byName;
  }

  private void initHBaseMapping() throws NotLoadableException {
    if (desc.hbaseMapping == null) {
      return;
    }
    if (desc.hbaseMapping.columnFamily == null) {
      throw npe("hbase_mapping has no column_family");
    }
    for (HBaseColumnFamily family : desc.hbaseMapping.columnFamily) {
      if (family == null || family.name == null || family.columns == null) {
        throw npe("an hbase column family has no name or no columns");
      }
      family.name = Names.upper(family.name);
      for (HBaseColumn column : family.columns) {
        if (column == null || column.qualifier == null) {
          throw npe("an hbase column has no qualifier");
        }
        column.qualifier = Names.upper(column.qualifier);
        Names.upperInPlace(column.measureRefs);
      }
    }
  }

  private void checkMeasureRefs() throws NotLoadableException {
    if (desc.measures.isEmpty()) {
      return;
    }
    if (desc.hbaseMapping == null) {
      throw npe("hbase_mapping is missing");
    }
    Set<String> measureNames = new HashSet<>();
    for (Measure measure : desc.measures) {
      measureNames.add(measure.name);
    }
    for (HBaseColumnFamily family : desc.hbaseMapping.columnFamily) {
      for (HBaseColumn column : family.columns) {
        if (column.measureRefs == null) {
          throw npe("hbase column " + family.name + ":" + column.qualifier + " has no measure_refs");
        }
        for (String ref : column.measureRefs) {
          if (!measureNames.contains(ref)) {
            throw npe("hbase column " + family.name + ":" + column.qualifier + " refers to unknown measure " + ref);
          }
        }
      }
    }
  }

  private void checkRowKeyCount() throws NotLoadableException {
    int nonDerived = dimensionColumns.nonDerived().size();
    int rowKeyCount = desc.rowkey.rowkeyColumns.length;
    if (rowKeyCount != nonDerived) {
      throw new NotLoadableException("RowKey columns count (" + rowKeyCount
          + ") does not match dimension columns count (" + nonDerived + "). ");
    }
  }

  /** Where Kylin v2 itself dies of a NullPointerException. */
  private static NotLoadableException npe(String what) {
    return new NotLoadableException("NullPointerException: " + what);
  }
}
