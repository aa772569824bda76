package org.kylinupgrade.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.kylinupgrade.cuboid.V15Cuboids;
import org.kylinupgrade.rules.LoadedModel.ResolvedLookup;
import org.kylinupgrade.rules.v15.AggregationGroup;
import org.kylinupgrade.rules.v15.CubeDesc;
import org.kylinupgrade.rules.v15.Dimension;
import org.kylinupgrade.rules.v15.Measure;
import org.kylinupgrade.rules.v15.RowKeyColumn;
import org.kylinupgrade.rules.v15.SelectRule;
import org.kylinupgrade.rules.v2.HBaseColumn;
import org.kylinupgrade.rules.v2.HBaseColumnFamily;
import org.kylinupgrade.rules.v2.Parameter;

/**
 * Kylin 1.5.4.1's {@code CubeDesc.init} (with {@code validate}, {@code DimensionDesc.init}, {@code FunctionDesc.init},
 * {@code RowKeyColDesc.init}, {@code AggregationGroup.init}, {@code HBaseMappingDesc.init}): normalises the desc in
 * place and fails where Kylin 1.5 fails to load it, including where it dies of a NullPointerException. Kylin reads
 * its limit of combinations per aggregation group from its configuration ({@code
 * kylin.cube.aggrgroup.max.combination}, by default {@link V15Cuboids#DEFAULT_MAX_COMBINATION}): the caller gives it.
 */
final class CubeDescInit15 {
  private static final Set<String> ENCODINGS = new HashSet<String>();

  static {
    for (String name : new String[] {"dict", "fixed_length", "int", "integer", "fixed_length_hex", "date", "time"}) {
      ENCODINGS.add(name);
    }
  }

  private final CubeDesc desc;
  private final ModelTables model;
  private final TableCatalog tables;
  private final int maxCombination;

  private final Map<Dimension, DimensionContext> contexts = new IdentityHashMap<Dimension, DimensionContext>();
  private final DimensionColumns dimensionColumns = new DimensionColumns();
  /** {@code RowKeyDesc}'s column map: which columns the row key has. */
  private final Map<ColumnRef, RowKeyColumn> rowKeyColumns = new HashMap<ColumnRef, RowKeyColumn>();

  private CubeDescInit15(CubeDesc desc, ModelTables model, TableCatalog tables, int maxCombination) {
    this.maxCombination = maxCombination;
    this.desc = desc;
    this.model = model;
    this.tables = tables;
  }

  private static final class DimensionContext {
    TableCatalog.Table table;
    ResolvedLookup join;
  }

  /**
   * @param model the initialised model named by the desc's {@code model_name}, or null when Kylin 1.5 has none
   * @param maxCombination Kylin's {@code kylin.cube.aggrgroup.max.combination}
   */
  static void run(CubeDesc desc, ModelTables model, TableCatalog tables, int maxCombination)
      throws NotLoadableException {
    try {
      new CubeDescInit15(desc, model, tables, maxCombination).run();
    } catch (RuntimeException e) {
      // any other runtime failure makes CubeDescManager skip the desc just the same
      throw new NotLoadableException("init failed: " + e);
    }
  }

  private void run() throws NotLoadableException {
    if (desc.modelName == null || desc.modelName.isEmpty()) {
      throw new NotLoadableException("The cubeDesc '" + desc.name + "' doesn't have data model specified.");
    }
    validateAggregationGroups();
    if (model == null) {
      throw new NotLoadableException("No data model found with name '" + desc.modelName + "'.");
    }
    if (desc.dimensions == null) {
      throw npe("dimensions is missing");
    }
    for (Dimension dimension : desc.dimensions) {
      initDimension(dimension);
    }
    for (Dimension dimension : desc.dimensions) {
      initDimensionColumns(dimension);
    }
    initMeasures();
    Map<String, ColumnRef> byName = nonDerivedColumnsByName();
    initRowKey(byName);
    for (AggregationGroup group : desc.aggregationGroups) {
      initAggregationGroup(group, byName);
    }
    initHBaseMapping();
    checkMeasureRefs();
    checkRowKeyCount();
  }

  /** {@code CubeDesc.validate}, with Kylin's int arithmetic for the number of combinations. */
  private void validateAggregationGroups() throws NotLoadableException {
    if (desc.aggregationGroups == null) {
      throw npe("aggregation_groups is missing");
    }
    int index = 0;
    for (AggregationGroup group : desc.aggregationGroups) {
      if (group == null) {
        throw npe("aggregation group " + index + " is null");
      }
      if (group.includes == null) {
        throw new NotLoadableException("Aggregation group " + index + " includes field not set");
      }
      if (group.selectRule == null) {
        throw new NotLoadableException("Aggregation group " + index + " select rule field not set");
      }
      SelectRule rule = group.selectRule;
      int combination = 1;
      Set<String> includes = caseInsensitive(group.includes);
      Set<String> mandatory = caseInsensitive(rule.mandatoryDims);
      List<Set<String>> hierarchyList = new ArrayList<Set<String>>();
      Set<String> hierarchies = caseInsensitive(null);
      collect(hierarchyList, hierarchies, rule.hierarchyDims);
      for (Set<String> hierarchy : hierarchyList) {
        combination = combination * (hierarchy.size() + 1);
      }
      List<Set<String>> jointList = new ArrayList<Set<String>>();
      Set<String> joints = caseInsensitive(null);
      collect(jointList, joints, rule.jointDims);
      if (jointList.size() > 0) {
        combination = combination * (1 << jointList.size());
      }
      if (!includes.containsAll(mandatory) || !includes.containsAll(hierarchies) || !includes.containsAll(joints)) {
        throw new NotLoadableException("Aggregation group " + index + " Include dims not containing all the used dims");
      }
      Set<String> normal = caseInsensitive(includes);
      normal.removeAll(mandatory);
      normal.removeAll(hierarchies);
      normal.removeAll(joints);
      combination = combination * (1 << normal.size());
      if (combination > maxCombination) {
        throw new NotLoadableException("Aggregation group " + index + " has too many combinations (" + combination
            + "), use 'mandatory'/'hierarchy'/'joint' to optimize; or update 'kylin.cube.aggrgroup.max.combination' "
            + "to a bigger value.");
      }
      if (containsAny(hierarchies, joints)) {
        throw new NotLoadableException("Aggregation group " + index + " hierarchy dims overlap with joint dims");
      }
      if (hasSingle(hierarchyList)) {
        throw new NotLoadableException("Aggregation group " + index + " require at least 2 dims in a hierarchy");
      }
      if (hasSingle(jointList)) {
        throw new NotLoadableException("Aggregation group " + index + " require at least 2 dims in a joint");
      }
      if (hasOverlap(hierarchyList, hierarchies)) {
        throw new NotLoadableException("Aggregation group " + index + " a dim exist in more than one hierarchy");
      }
      if (hasOverlap(jointList, joints)) {
        throw new NotLoadableException("Aggregation group " + index + " a dim exist in more than one joint");
      }
      index++;
    }
  }

  private static void collect(List<Set<String>> list, Set<String> all, String[][] sets) {
    if (sets != null) {
      for (String[] set : sets) {
        Set<String> one = caseInsensitive(null);
        for (String s : set) {
          one.add(s);
          all.add(s);
        }
        list.add(one);
      }
    }
  }

  private static boolean containsAny(Set<String> a, Set<String> b) {
    for (String s : a) {
      if (b.contains(s)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasSingle(List<Set<String>> sets) {
    for (Set<String> set : sets) {
      if (set.size() < 2) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasOverlap(List<Set<String>> sets, Set<String> all) {
    int size = 0;
    for (Set<String> set : sets) {
      size += set.size();
    }
    return size != all.size();
  }

  private static Set<String> caseInsensitive(Object values) {
    Set<String> set = new TreeSet<String>(String.CASE_INSENSITIVE_ORDER);
    if (values instanceof String[]) {
      for (String value : (String[]) values) {
        set.add(value);
      }
    } else if (values instanceof Collection) {
      for (Object value : (Collection<?>) values) {
        set.add((String) value);
      }
    }
    return set;
  }

  private void initDimension(Dimension dimension) throws NotLoadableException {
    if (dimension == null) {
      throw npe("a dimension is null");
    }
    dimension.name = Names.upper(dimension.name);
    dimension.table = Names.upper(dimension.table);
    DimensionContext context = new DimensionContext();
    context.table = dimension.table == null ? null : tables.find(dimension.table);
    if (context.table == null) {
      throw new NotLoadableException("Can't find table " + dimension.table + " for dimension " + dimension.name);
    }
    for (ResolvedLookup lookup : model.lookups) {
      if (lookup.table().equalsIgnoreCase(dimension.table)) {
        context.join = lookup.hasJoin() ? lookup : null;
        break;
      }
    }
    if (dimension.derived != null && dimension.derived.length == 0) {
      dimension.derived = null;
    }
    if (dimension.derived != null) {
      for (int i = 0; i < dimension.derived.length; i++) {
        if (dimension.derived[i] != null) {
          dimension.derived[i] = Names.upper(dimension.derived[i]);
        }
      }
    }
    if (dimension.derived != null && context.join == null) {
      throw new NotLoadableException("Derived can only be defined on lookup table, dimension " + dimension.name
          + " on table " + dimension.table);
    }
    contexts.put(dimension, context);
  }

  private void initDimensionColumns(Dimension dimension) throws NotLoadableException {
    DimensionContext context = contexts.get(dimension);
    ResolvedLookup join = context.join;
    List<ColumnRef> hostColumns = new ArrayList<ColumnRef>();
    String column = dimension.column;
    if ((column == null && dimension.derived != null) || Dimension.FOREIGN_KEYS.equalsIgnoreCase(column)) {
      if (join == null) {
        throw npe("dimension " + dimension.name + " uses " + Dimension.FOREIGN_KEYS + " but its table has no join");
      }
      for (ColumnRef foreignKey : join.foreignKey()) {
        hostColumns.add(dimensionColumns.register(foreignKey));
      }
    } else {
      if (column == null || column.isEmpty()) {
        throw new NotLoadableException("Dimension column must not be blank: dimension " + dimension.name);
      }
      hostColumns.add(dimensionColumns.resolve(dimension.name, context.table, join, column));
    }

    dimensionColumns.derive(dimension.name, context.table, join, hostColumns, dimension.derived);
  }

  private void initMeasures() throws NotLoadableException {
    if (desc.measures == null || desc.measures.isEmpty()) {
      return;
    }
    for (Measure measure : desc.measures) {
      if (measure == null || measure.name == null) {
        throw npe("a measure has no name");
      }
      measure.name = Names.upper(measure.name);
      measure.dependentMeasureRef = Names.upper(measure.dependentMeasureRef);
      if (measure.function == null || measure.function.expression == null) {
        throw npe("measure " + measure.name + " has no function expression");
      }
      measure.function.expression = Names.upper(measure.function.expression);
      KylinDataTypes.KYLIN_1_5.normalise(measure.function.returnType);
      for (Parameter p = measure.function.parameter; p != null; p = p.nextParameter) {
        if (p.value == null) {
          throw npe("measure " + measure.name + " has a parameter without value");
        }
        p.value = Names.upper(p.value);
      }
      for (Parameter p = measure.function.parameter; p != null; p = p.nextParameter) {
        if (p.isColumn()) {
          requireMeasureColumn(p.value);
        }
      }
      if (measure.function.parameter == null) {
        throw npe("measure " + measure.name + " has no parameter");
      }
    }
  }

  private void requireMeasureColumn(String name) throws NotLoadableException {
    if (model.factTable.findColumn(name) != null) {
      return;
    }
    for (TableCatalog.Table lookup : model.lookupTables) {
      if (lookup.findColumn(name) != null) {
        return;
      }
    }
    throw new NotLoadableException("Column is not found in any table from the model: " + name);
  }

  /** {@code buildColumnNameAbbreviation}: non-derived dimension columns by name, case-insensitively, the last wins. */
  private Map<String, ColumnRef> nonDerivedColumnsByName() {
    Map<String, ColumnRef> byName = new TreeMap<String, ColumnRef>(String.CASE_INSENSITIVE_ORDER);
    for (ColumnRef column : dimensionColumns.nonDerived()) {
      byName.put(column.name(), column);
    }
    return byName;
  }

  /** {@code RowKeyDesc.init} and {@code RowKeyColDesc.init}: a dictionary on a date or time column becomes that type. */
  private void initRowKey(Map<String, ColumnRef> byName) throws NotLoadableException {
    if (desc.rowkey == null || desc.rowkey.rowkeyColumns == null) {
      throw npe("rowkey or rowkey_columns is missing");
    }
    for (RowKeyColumn column : desc.rowkey.rowkeyColumns) {
      if (column == null || column.column == null) {
        throw npe("a rowkey column has no name");
      }
      column.column = Names.upper(column.column);
      ColumnRef ref = byName.get(column.column);
      if (ref == null) {
        throw new NotLoadableException("Cannot find rowkey column " + column.column + " in cube " + desc.name);
      }
      initEncoding(column, ref);
      rowKeyColumns.put(ref, column);
    }
  }

  /** {@code RowKeyColDesc.init}: a known encoding that fits the column's type; dict on a date or time becomes it. */
  private void initEncoding(RowKeyColumn column, ColumnRef ref) throws NotLoadableException {
    if (column.encoding == null || column.encoding.isEmpty()) {
      throw new NotLoadableException("rowkey column " + column.column + " has no encoding");
    }
    String[] parts = column.encoding.split("\\s*[(),:]\\s*");
    if (parts.length == 0 || parts[0].isEmpty()) {
      throw new NotLoadableException("Not supported row key col encoding: '" + column.encoding + "'");
    }
    String encoding = parts[0];
    if (!ENCODINGS.contains(encoding)) {
      throw new NotLoadableException("Not supported row key col encoding: '" + column.encoding + "'");
    }
    if (RowKeyColumn.DICT.equals(encoding)) {
      V15DataType type = typeOf(ref);
      if (type.isDate()) {
        column.encoding = encoding = RowKeyColumn.DATE;
      }
      if (type.isTimeFamily()) {
        column.encoding = encoding = RowKeyColumn.TIME;
      }
    }
    if (RowKeyColumn.DATE.equals(encoding) && !typeOf(ref).isDate()) {
      throw new NotLoadableException(ref + " type is " + typeOf(ref) + " and cannot apply date encoding");
    }
    if (RowKeyColumn.TIME.equals(encoding) && !typeOf(ref).isTimeFamily()) {
      throw new NotLoadableException(ref + " type is " + typeOf(ref) + " and cannot apply time encoding");
    }
  }

  private V15DataType typeOf(ColumnRef ref) throws NotLoadableException {
    TableCatalog.Column column = tables.find(ref.table()).findColumn(ref.name());
    V15DataType type = V15DataType.parse(column.datatype());
    if (type == null) {
      throw npe("column " + ref + " has no data type");
    }
    return type;
  }

  private void initAggregationGroup(AggregationGroup group, Map<String, ColumnRef> byName)
      throws NotLoadableException {
    if (group.includes.length == 0) {
      throw new NotLoadableException("AggregationGroup incomplete");
    }
    SelectRule rule = group.selectRule;
    requireRowKeyColumns(group.includes, byName);
    requireRowKeyColumns(rule.mandatoryDims, byName);
    if (rule.hierarchyDims != null) {
      for (String[] hierarchy : rule.hierarchyDims) {
        requireRowKeyColumns(hierarchy, byName);
      }
    }
    if (rule.jointDims != null) {
      for (String[] joint : rule.jointDims) {
        requireRowKeyColumns(joint, byName);
      }
    }
  }

  /** {@code rowKeyDesc.getColumnBitIndex(colNameAbbr.get(dim))}: Kylin dies of a NullPointerException otherwise. */
  private void requireRowKeyColumns(String[] columns, Map<String, ColumnRef> byName) throws NotLoadableException {
    if (columns == null) {
      return;
    }
    for (String column : columns) {
      ColumnRef ref = column == null ? null : byName.get(column);
      if (ref == null || !rowKeyColumns.containsKey(ref)) {
        throw npe("Column " + (ref == null ? column : ref) + " does not exist in row key desc");
      }
    }
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
        if (column.measureRefs != null) {
          for (int i = 0; i < column.measureRefs.length; i++) {
            if (column.measureRefs[i] != null) {
              column.measureRefs[i] = Names.upper(column.measureRefs[i]);
            }
          }
        }
      }
    }
  }

  /** {@code initMeasureReferenceToColumnFamily}. */
  private void checkMeasureRefs() throws NotLoadableException {
    if (desc.measures == null || desc.measures.isEmpty()) {
      return;
    }
    if (desc.hbaseMapping == null) {
      throw npe("hbase_mapping is missing");
    }
    Set<String> measureNames = new HashSet<String>();
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

  /** Where Kylin 1.5 itself dies of a NullPointerException. */
  private static NotLoadableException npe(String what) {
    return new NotLoadableException("NullPointerException: " + what);
  }
}
