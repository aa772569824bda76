package org.kylinupgrade.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.kylinupgrade.rules.LoadedModel.ResolvedLookup;

/**
 * The dimension columns a cube desc's init collects ({@code dimensionColumns}) and which of them are derived (the
 * keys of {@code derivedToHostMap}), as Kylin 1.4-alpha and 1.5 collect them alike.
 */
final class DimensionColumns {
  /** Every dimension column including derived ones, in first-seen order. */
  private final Set<ColumnRef> all = new LinkedHashSet<ColumnRef>();
  private final Set<ColumnRef> derived = new HashSet<ColumnRef>();

  ColumnRef register(ColumnRef ref) {
    all.add(ref);
    return ref;
  }

  /** A column of the dimension's table by name; a lookup primary key is replaced by its fact foreign key. */
  ColumnRef resolve(String dimension, TableCatalog.Table table, ResolvedLookup join, String name)
      throws NotLoadableException {
    TableCatalog.Column column = table.findColumn(name);
    if (column == null) {
      throw new NotLoadableException("No column '" + name + "' found in table " + table.identity()
          + " (dimension " + dimension + ")");
    }
    ColumnRef ref = column.ref();
    if (join != null) {
      int index = join.primaryKey().indexOf(ref);
      if (index >= 0) {
        ref = join.foreignKey().get(index);
      }
    }
    return register(ref);
  }

  /**
   * The dimension's derived columns ({@code COLUMN:extra} entries declare extra derive info after the colon), derived
   * from its host columns; then each lookup primary key whose foreign key is a host column, derived from that host.
   */
  void derive(String dimension, TableCatalog.Table table, ResolvedLookup join, List<ColumnRef> hosts,
      String[] derivedEntries) throws NotLoadableException {
    if (derivedEntries != null) {
      List<ColumnRef> columns = new ArrayList<ColumnRef>();
      for (String entry : derivedEntries) {
        if (entry == null) {
          throw new NotLoadableException("NullPointerException: dimension " + dimension + " has a null derived column");
        }
        int cut = entry.indexOf(':');
        columns.add(resolve(dimension, table, join, cut >= 0 ? entry.substring(0, cut) : entry));
      }
      link(hosts, columns);
    }
    if (join != null) {
      for (int i = 0; i < join.foreignKey().size(); i++) {
        int host = hosts.indexOf(join.foreignKey().get(i));
        if (host >= 0) {
          ColumnRef primaryKey = register(join.primaryKey().get(i));
          link(Collections.singletonList(hosts.get(host)), Collections.singletonList(primaryKey));
        }
      }
    }
  }

  private void link(List<ColumnRef> hosts, List<ColumnRef> columns) throws NotLoadableException {
    if (hosts.isEmpty() || columns.isEmpty()) {
      throw new NotLoadableException("host/derived columns must not be empty");
    }
    for (ColumnRef column : columns) {
      if (!hosts.contains(column)) {
        derived.add(column);
      }
    }
  }

  /** The columns that are not derived, in first-seen order. */
  List<ColumnRef> nonDerived() {
    List<ColumnRef> out = new ArrayList<ColumnRef>();
    for (ColumnRef column : all) {
      if (!derived.contains(column)) {
        out.add(column);
      }
    }
    return out;
  }
}
