package org.kylinupgrade.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.rules.v2.DataModel;
import org.kylinupgrade.rules.v2.Join;
import org.kylinupgrade.rules.v2.Lookup;
import org.kylinupgrade.rules.v2.ModelDimension;
import org.kylinupgrade.rules.v2.Partition;
import org.kylinupgrade.util.Immutables;

/**
 * A model as Kylin v2 holds it after {@code DataModelDesc.init}: the (mutated) JSON object plus the resolved
 * tables and join columns that cube desc loading needs.
 */
final class LoadedModel {
  final DataModel desc;
  final TableCatalog.Table factTable;
  final List<ResolvedLookup> lookups;
  final ModelTables tables;

  private LoadedModel(DataModel desc, TableCatalog.Table factTable, List<ResolvedLookup> lookups,
      TableCatalog catalog) {
    this.desc = desc;
    this.factTable = factTable;
    this.lookups = lookups;
    this.tables = new ModelTables(factTable, lookups, catalog);
  }

  /** A lookup table and, when it has a join, the join's resolved key columns (same length, same order). */
  static final class ResolvedLookup {
    private final String table;
    private final Join join;
    private final List<ColumnRef> primaryKey;
    private final List<ColumnRef> foreignKey;

    ResolvedLookup(String table, Join join, List<ColumnRef> primaryKey, List<ColumnRef> foreignKey) {
      this.table = table;
      this.join = join;
      this.primaryKey = primaryKey;
      this.foreignKey = foreignKey;
    }

    public String table() {
      return table;
    }

    public Join join() {
      return join;
    }

    public List<ColumnRef> primaryKey() {
      return primaryKey;
    }

    public List<ColumnRef> foreignKey() {
      return foreignKey;
    }

    boolean hasJoin() {
      return join != null;
    }

    @Override
    public boolean equals(Object o) {
      if (this == o) {
        return true;
      }
      if (!(o instanceof ResolvedLookup)) {
        return false;
      }
      ResolvedLookup other = (ResolvedLookup) o;
      return Objects.equals(table, other.table)
          && Objects.equals(join, other.join)
          && Objects.equals(primaryKey, other.primaryKey)
          && Objects.equals(foreignKey, other.foreignKey);
    }

    /** The hash of a record of these components, so that hash-ordered collections keep their order. */
    @Override
    public int hashCode() {
      int h = 0;
      h = 31 * h + Objects.hashCode(table);
      h = 31 * h + Objects.hashCode(join);
      h = 31 * h + Objects.hashCode(primaryKey);
      h = 31 * h + Objects.hashCode(foreignKey);
      return h;
    }

    @Override
    public String toString() {
      return "ResolvedLookup[table=" + table + ", join=" + join + ", primaryKey=" + primaryKey + ", foreignKey="
          + foreignKey + "]";
    }
  }

  /** Binds and initialises like {@code MetadataManager.reloadDataModelDescAt}. */
  static LoadedModel load(Resource resource, TableCatalog tables) throws NotLoadableException {
    DataModel model = KylinJson.bind(resource, DataModel.class);
    try {
      return init(model, tables);
    } catch (RuntimeException e) {
      // anything else v2's init would trip over makes MetadataManager skip the model just the same
      throw new NotLoadableException("init failed: " + e);
    }
  }

  private static LoadedModel init(DataModel model, TableCatalog tables) throws NotLoadableException {
    if (model.factTable == null) {
      throw new NotLoadableException("NullPointerException: fact_table is missing");
    }
    model.factTable = Names.upper(model.factTable);
    TableCatalog.Table fact = tables.find(model.factTable);
    if (fact == null) {
      throw new NotLoadableException("Fact table does not exist:" + model.factTable);
    }
    List<ResolvedLookup> lookups = resolveLookups(model.lookups, model.name, model.factTable, fact, tables, true);
    if (model.dimensions != null) {
      for (ModelDimension dimension : model.dimensions) {
        if (dimension == null || dimension.table == null) {
          throw new NotLoadableException("NullPointerException: a model dimension has no table");
        }
        dimension.table = Names.upper(dimension.table);
        Names.upperInPlace(dimension.columns);
      }
    }
    if (model.partitionDesc != null) {
      model.partitionDesc.partitionDateColumn = initPartitionColumn(model.partitionDesc.partitionDateColumn,
          model.partitionDesc.partitionConditionBuilder, tables);
    }
    return new LoadedModel(model, fact, lookups, tables);
  }

  /**
   * The lookups of a model ({@code DataModelDesc.initJoinColumns}): tables and join keys upper-cased, keys resolved in
   * place. {@code keyTypesMustMatch}: 1.4-alpha refuses a join whose key types differ, 1.5 only logs it.
   */
  static List<ResolvedLookup> resolveLookups(Lookup[] lookups, String modelName, String factTableName,
      TableCatalog.Table fact, TableCatalog tables, boolean keyTypesMustMatch) throws NotLoadableException {
    if (lookups == null) {
      throw new NotLoadableException("NullPointerException: lookups is missing");
    }
    ArrayList<ResolvedLookup> resolved = new ArrayList<>();
    for (Lookup lookup : lookups) {
      if (lookup == null || lookup.table == null) {
        throw new NotLoadableException("NullPointerException: a lookup has no table");
      }
      lookup.table = Names.upper(lookup.table);
      TableCatalog.Table lookupTable = tables.find(lookup.table);
      if (lookupTable == null) {
        throw new NotLoadableException("Table " + lookup.table + " does not exist for DataModelDesc [name="
            + modelName + "]");
      }
      Join join = lookup.join;
      if (join == null) {
        resolved.add(new ResolvedLookup(lookup.table, null, Collections.<ColumnRef>emptyList(),
            Collections.<ColumnRef>emptyList()));
        continue;
      }
      Names.upperInPlace(join.foreignKey);
      Names.upperInPlace(join.primaryKey);
      List<ColumnRef> pk = resolveKeys(join.primaryKey, lookupTable);
      List<ColumnRef> fk = resolveKeys(join.foreignKey, fact);
      if (pk.size() != fk.size()) {
        throw new NotLoadableException("Primary keys(" + lookup.table + ")" + Arrays.toString(join.primaryKey)
            + " are not consistent with Foreign keys(" + factTableName + ") "
            + Arrays.toString(join.foreignKey));
      }
      for (int i = 0; i < fk.size(); i++) {
        String fkType = typeOf(fact, fk.get(i));
        String pkType = typeOf(lookupTable, pk.get(i));
        if (fkType == null) {
          throw new NotLoadableException("NullPointerException: foreign key " + fk.get(i) + " has no datatype");
        }
        if (keyTypesMustMatch && !fkType.equals(pkType)) {
          throw new NotLoadableException("Primary key " + lookup.table + "." + pk.get(i).name() + "." + pkType
              + " are not consistent with Foreign key " + factTableName + "." + fk.get(i).name() + "." + fkType);
        }
      }
      resolved.add(new ResolvedLookup(lookup.table, join, Immutables.copyOfList(pk), Immutables.copyOfList(fk)));
    }
    return Immutables.copyOfList(resolved);
  }

  /** Resolves key names in place: each becomes the table's own column name (any {@code DB.TABLE.} prefix gone). */
  private static List<ColumnRef> resolveKeys(String[] keys, TableCatalog.Table table) throws NotLoadableException {
    if (keys == null) {
      throw new NotLoadableException("NullPointerException: a join has no keys");
    }
    ArrayList<ColumnRef> refs = new ArrayList<>();
    for (int i = 0; i < keys.length; i++) {
      TableCatalog.Column column = table.findColumn(keys[i]);
      if (column == null) {
        throw new NotLoadableException("Can't find column " + keys[i] + " in table " + table.identity());
      }
      keys[i] = column.ref().name();
      refs.add(column.ref());
    }
    return refs;
  }

  private static String typeOf(TableCatalog.Table table, ColumnRef ref) throws NotLoadableException {
    return table.findColumn(ref.name()).datatype();
  }

  /**
   * {@code PartitionDesc.init}: the date column upper-cased and resolved; its condition builder must be a class of
   * Kylin. Returns the column as init leaves it.
   */
  static String initPartitionColumn(String partitionDateColumn, String conditionBuilder, TableCatalog tables)
      throws NotLoadableException {
    if (partitionDateColumn == null || partitionDateColumn.isEmpty()) {
      return partitionDateColumn;
    }
    String column = Names.upper(partitionDateColumn);
    String[] parts = column.split("\\.", -1);
    if (parts.length != 3) {
      throw new NotLoadableException("The 'partition_date_column' format is invalid: " + column
          + ", it should be {db}.{table}.{column}.");
    }
    TableCatalog.Table table = tables.find(parts[0] + "." + parts[1]);
    if (table == null) {
      throw new NotLoadableException("NullPointerException: partition table " + parts[0] + "." + parts[1]
          + " does not exist");
    }
    if (table.findColumn(parts[2]) == null) {
      throw new NotLoadableException("The column '" + column + "' provided in 'partition_date_column' doesn't exist.");
    }
    if (!isKnownConditionBuilder(conditionBuilder)) {
      throw new NotLoadableException("partition_condition_builder " + conditionBuilder + " is not a class of Kylin");
    }
    return column;
  }

  /** {@code ClassUtil.newInstance} of the builder; it renames the pre-Apache package {@code com.kylinolap}. */
  private static boolean isKnownConditionBuilder(String className) {
    if (className == null) {
      return false;
    }
    String name = className.startsWith("com.kylinolap")
        ? "org.apache.kylin" + className.substring("com.kylinolap".length()) : className;
    return name.equals(Partition.DEFAULT_CONDITION_BUILDER) || name.equals(Partition.YEAR_MONTH_DAY_CONDITION_BUILDER);
  }
}
