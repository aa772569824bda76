package org.kylinupgrade.rules;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.rules.v2.SourceColumn;
import org.kylinupgrade.rules.v2.SourceTable;
import org.kylinupgrade.util.Immutables;

/**
 * The source tables ({@code /table/*.json}) as Kylin v2 loads them ({@code TableDesc.init}): keyed by identity
 * {@code DB.TABLE}, looked up case-insensitively, column names upper-cased, columns ordered by id.
 *
 * <p>A table resource that binds but fails v2's initialisation (a bad column data type, a non-numeric column id)
 * is left out and listed in {@link #problems()}; Kylin itself would abort the whole run on it.
 */
public final class TableCatalog implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Map<String, Table> tablesByKey;
  private final List<Problem> problems;
  private final KylinDataTypes dataTypes;

  private TableCatalog(Map<String, Table> tablesByKey, List<Problem> problems, KylinDataTypes dataTypes) {
    this.tablesByKey = tablesByKey;
    this.problems = Immutables.copyOfList(problems);
    this.dataTypes = dataTypes;
  }

  /** Throws {@link NotAJsonObjectException} for a table resource that is not a JSON object. */
  static TableCatalog load(Iterable<Resource> tableResources) {
    return load(tableResources, KylinDataTypes.KYLIN_1_4_ALPHA);
  }

  /**
   * The tables as the Kylin release whose data types are {@code dataTypes} loads them.
   *
   * @throws NotAJsonObjectException for a table resource that is not a JSON object
   */
  static TableCatalog load(Iterable<Resource> tableResources, KylinDataTypes dataTypes) {
    List<Resource> sorted = new ArrayList<>();
    tableResources.forEach(sorted::add);
    sorted.sort(Comparator.comparing(Resource::path));
    Map<String, Table> tables = new HashMap<>();
    List<Problem> problems = new ArrayList<>();
    for (Resource resource : sorted) {
      KylinJson.readObject(resource);
      try {
        Table table = Table.load(KylinJson.bind(resource, SourceTable.class), dataTypes);
        tables.put(Names.key(table.identity()), table);
      } catch (NotLoadableException e) {
        problems.add(new Problem(resource.path(), "Kylin " + (dataTypes == KylinDataTypes.KYLIN_1_5 ? "1.5" : "v2")
            + " cannot load table " + resource.path() + ": " + e.getMessage()));
      }
    }
    return new TableCatalog(tables, problems, dataTypes);
  }

  /** Whose data type rules the columns were read with. */
  KylinDataTypes dataTypes() {
    return dataTypes;
  }

  /** Table resources left out because Kylin v2 cannot load them. */
  public List<Problem> problems() {
    return problems;
  }

  public int size() {
    return tablesByKey.size();
  }

  /** Case-insensitive, like the map {@code MetadataManager.getAllTablesMap()}; null when absent. */
  Table find(String identity) {
    return identity == null ? null : tablesByKey.get(Names.key(identity));
  }

  /** One loaded source table. */
  static final class Table implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String identity;
    /** Null when the table declares no columns (Kylin then fails on any column lookup). */
    private final List<Column> columns;

    private Table(String identity, List<Column> columns) {
      this.identity = identity;
      this.columns = columns;
    }

    static Table load(SourceTable source, KylinDataTypes dataTypes) throws NotLoadableException {
      // DatabaseDesc.getName(): "null" for a missing database, upper-cased otherwise
      String database = source.database == null ? "null" : Names.upper(source.database);
      String identity = Names.upper(database + "." + Names.upper(source.name));
      if (source.columns == null) {
        return new Table(identity, null);
      }
      List<SourceColumn> sorted = new ArrayList<>(Immutables.listOf(source.columns));
      if (sorted.size() > 1) {
        for (SourceColumn column : sorted) {
          requireNumericId(column);
        }
        sorted.sort(Comparator.comparingInt(column -> Integer.parseInt(column.id)));
      }
      List<Column> columns = new ArrayList<>();
      for (SourceColumn column : sorted) {
        if (column == null) {
          throw new NotLoadableException("a column is null");
        }
        if (column.id != null) {
          requireNumericId(column);
        }
        columns.add(new Column(new ColumnRef(identity, Names.upper(column.name)), dataTypes.normalise(column.datatype)));
      }
      return new Table(identity, Collections.unmodifiableList(columns));
    }

    private static void requireNumericId(SourceColumn column) throws NotLoadableException {
      if (column == null) {
        throw new NotLoadableException("a column is null");
      }
      try {
        Integer.parseInt(column.id);
      } catch (NumberFormatException e) {
        throw new NotLoadableException("column " + column.name + " has a non-numeric id '" + column.id + "'");
      }
    }

    String identity() {
      return identity;
    }

    /**
     * {@code TableDesc.findColumnByName}: anything up to the last dot is ignored, the first column whose name
     * matches case-insensitively wins; null when none does.
     */
    Column findColumn(String name) throws NotLoadableException {
      if (name == null) {
        throw new NotLoadableException("NullPointerException: a column name is null (table " + identity + ")");
      }
      if (columns == null) {
        throw new NotLoadableException("NullPointerException: table " + identity + " has no columns");
      }
      String bare = name.substring(name.lastIndexOf('.') + 1);
      for (Column column : columns) {
        if (bare.equalsIgnoreCase(column.ref().name())) {
          return column;
        }
      }
      return null;
    }

    @Override
    public String toString() {
      return identity;
    }
  }

  /** A loaded column: its reference and its normalised data type (null when the table gives none). */
  static final class Column implements Serializable {
    private static final long serialVersionUID = 1L;
    private final ColumnRef ref;
    private final String datatype;

    Column(ColumnRef ref, String datatype) {
      this.ref = ref;
      this.datatype = datatype;
    }

    public ColumnRef ref() {
      return ref;
    }

    public String datatype() {
      return datatype;
    }

    @Override
    public boolean equals(Object o) {
      if (this == o) {
        return true;
      }
      if (!(o instanceof Column)) {
        return false;
      }
      Column other = (Column) o;
      return Objects.equals(ref, other.ref)
          && Objects.equals(datatype, other.datatype);
    }

    /** The hash of a record of these components, so that hash-ordered collections keep their order. */
    @Override
    public int hashCode() {
      int h = 0;
      h = 31 * h + Objects.hashCode(ref);
      h = 31 * h + Objects.hashCode(datatype);
      return h;
    }

    @Override
    public String toString() {
      return "Column[ref=" + ref + ", datatype=" + datatype + "]";
    }
  }
}
