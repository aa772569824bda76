package org.kylinupgrade.cuboid;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parts of a v1 cube desc (and of its model, when given) that decide cuboids, with Kylin 1.3.0's column
 * resolution: a dimension column named by a lookup table's primary key stands for the fact table's foreign key;
 * derived columns are not dimension columns; rowkey and aggregation group names are looked up by column name
 * among the non-derived dimension columns; hierarchy levels by their (table, column).
 */
final class V1Desc {
  static final class Dim {
    final int id;
    final String table;
    final List<String> columns;
    final List<String> derived;
    final boolean hierarchy;

    Dim(int id, String table, List<String> columns, List<String> derived, boolean hierarchy) {
      this.id = id;
      this.table = table;
      this.columns = columns;
      this.derived = derived;
      this.hierarchy = hierarchy;
    }
  }

  static final class Lookup {
    final String table;
    final List<String> pk;
    final List<String> fk;

    Lookup(String table, List<String> pk, List<String> fk) {
      this.table = table;
      this.pk = pk;
      this.fk = fk;
    }
  }

  final String name;
  /** Rowkey column names, upper-cased, in rowkey order. */
  final List<String> rowkey;
  final boolean[] mandatory;
  /** Old aggregation groups, upper-cased, as written (duplicates kept); empty when the desc has none. */
  final List<List<String>> groups;
  /** Whether the desc has the {@code aggregation_groups} field at all (Kylin's converter treats null and []). */
  final boolean groupsPresent;
  /** Dimensions in Kylin 1.3.0's order (sorted by id, stable). */
  final List<Dim> dims;
  final String factTable;
  final List<Lookup> lookups;
  final boolean hasModel;

  /** Rowkey position of each rowkey entry's column (the last entry of that column wins, as in Kylin). */
  final int[] rowkeyPosition;
  /** Per hierarchy dimension (in dimension order): the rowkey positions of its levels, in level order. */
  final List<int[]> hierarchyPositions;
  /** Per hierarchy dimension: its level names as written (upper-cased). */
  final List<List<String>> hierarchyNames;
  /** Per old group: rowkey positions of its entries. */
  final List<int[]> groupPositions;

  private final Map<String, String> abbreviation = new LinkedHashMap<>();
  private final Map<String, Integer> positionOfRef = new LinkedHashMap<>();

  V1Desc(JsonNode desc, JsonNode model) {
    if (desc == null || !desc.isObject()) {
      throw new IllegalArgumentException("a v1 cube desc must be a JSON object");
    }
    this.name = Json.text(desc, "name");
    JsonNode rk = desc.get("rowkey");
    if (Json.isAbsent(rk) || Json.isAbsent(rk.get("rowkey_columns"))) {
      throw new IllegalArgumentException("desc " + name + " has no rowkey columns");
    }
    List<String> cols = new ArrayList<>();
    List<Boolean> mand = new ArrayList<>();
    for (JsonNode c : rk.get("rowkey_columns")) {
      String col = Json.upper(Json.text(c, "column"));
      if (col == null) {
        throw new IllegalArgumentException("desc " + name + " has a rowkey column without a name");
      }
      cols.add(col);
      JsonNode m = c.get("mandatory");
      mand.add(!Json.isAbsent(m) && m.asBoolean(false));
    }
    if (cols.isEmpty() || cols.size() > 62) {
      throw new IllegalArgumentException("desc " + name + " has " + cols.size() + " rowkey columns (1 to 62 supported)");
    }
    this.rowkey = Collections.unmodifiableList(cols);
    this.mandatory = new boolean[cols.size()];
    for (int i = 0; i < mand.size(); i++) {
      mandatory[i] = mand.get(i);
    }
    List<List<String>> gs = Json.stringArrays(rk.get("aggregation_groups"));
    this.groupsPresent = gs != null;
    List<List<String>> groupList = new ArrayList<>();
    if (gs != null) {
      for (List<String> g : gs) {
        if (g == null) {
          throw new IllegalArgumentException("desc " + name + " has a null aggregation group");
        }
        groupList.add(Collections.unmodifiableList(Json.upper(g)));
      }
    }
    this.groups = Collections.unmodifiableList(groupList);

    List<Dim> dimList = new ArrayList<>();
    JsonNode dimsNode = desc.get("dimensions");
    if (!Json.isAbsent(dimsNode)) {
      for (JsonNode d : dimsNode) {
        List<String> derived = Json.upper(Json.strings(d.get("derived")));
        if (derived != null && derived.isEmpty()) {
          derived = null;
        }
        JsonNode h = d.get("hierarchy");
        dimList.add(new Dim(d.path("id").asInt(0), normTable(Json.text(d, "table")),
            Json.upper(Json.strings(d.get("column"))), derived, !Json.isAbsent(h) && h.asBoolean(false)));
      }
    }
    dimList.sort((a, b) -> Integer.compare(a.id, b.id));
    this.dims = Collections.unmodifiableList(dimList);

    this.hasModel = model != null && !Json.isAbsent(model);
    List<Lookup> lk = new ArrayList<>();
    if (hasModel) {
      this.factTable = normTable(Json.text(model, "fact_table"));
      JsonNode lookupsNode = model.get("lookups");
      if (!Json.isAbsent(lookupsNode)) {
        for (JsonNode l : lookupsNode) {
          JsonNode join = l.get("join");
          List<String> pk = join == null ? null : Json.upper(Json.strings(join.get("primary_key")));
          List<String> fk = join == null ? null : Json.upper(Json.strings(join.get("foreign_key")));
          lk.add(new Lookup(normTable(Json.text(l, "table")), pk == null ? new ArrayList<String>() : pk,
              fk == null ? new ArrayList<String>() : fk));
        }
      }
    } else {
      this.factTable = null;
    }
    this.lookups = Collections.unmodifiableList(lk);

    List<int[]> hierPos = new ArrayList<>();
    List<List<String>> hierNames = new ArrayList<>();
    if (hasModel) {
      resolveWithModel(hierPos, hierNames);
    } else {
      resolveByName(hierPos, hierNames);
    }
    this.hierarchyPositions = Collections.unmodifiableList(hierPos);
    this.hierarchyNames = Collections.unmodifiableList(hierNames);

    this.rowkeyPosition = new int[rowkey.size()];
    for (int i = 0; i < rowkey.size(); i++) {
      rowkeyPosition[i] = positionOfRef.get(abbreviation.get(rowkey.get(i)));
    }
    List<int[]> gp = new ArrayList<>();
    for (List<String> g : groups) {
      int[] p = new int[g.size()];
      for (int j = 0; j < g.size(); j++) {
        String ref = abbreviation.get(g.get(j));
        if (ref == null) {
          throw new IllegalArgumentException("Can't find aggregation column " + g.get(j) + " in cube " + name);
        }
        Integer pos = positionOfRef.get(ref);
        if (pos == null) {
          throw new IllegalArgumentException("Column " + ref + " does not exist in row key desc of " + name);
        }
        p[j] = pos;
      }
      gp.add(p);
    }
    this.groupPositions = Collections.unmodifiableList(gp);
  }

  static String normTable(String table) {
    if (table == null) {
      return null;
    }
    String t = Json.upper(table.trim());
    return t.indexOf('.') < 0 ? "DEFAULT." + t : t;
  }

  Lookup lookupOf(String table) {
    for (Lookup l : lookups) {
      if (l.table.equals(table)) {
        return l;
      }
    }
    return null;
  }

  private static String ref(String table, String column) {
    return table + "." + column;
  }

  private static String columnOf(String ref) {
    return ref.substring(ref.lastIndexOf('.') + 1);
  }

  /** Kylin 1.3.0's {@code CubeDesc.initDimensionColumns} and {@code RowKeyDesc.buildRowKey}, by reference. */
  private void resolveWithModel(List<int[]> hierPos, List<List<String>> hierNames) {
    Set<String> dimensionColumns = new LinkedHashSet<>();
    Set<String> derivedRefs = new LinkedHashSet<>();
    List<List<String>> hierarchyRefs = new ArrayList<>();
    for (Dim dim : dims) {
      Lookup join = lookupOf(dim.table);
      if (dim.hierarchy && dim.columns == null) {
        throw new IllegalArgumentException("hierarchy dimension without columns in " + name);
      }
      if (dim.derived != null && join == null) {
        throw new IllegalArgumentException("Derived can only be defined on lookup table, cube " + name);
      }
      List<String> host = new ArrayList<>();
      boolean fkForm = (dim.columns == null && dim.derived != null)
          || (dim.columns != null && dim.columns.contains("{FK}"));
      if (fkForm) {
        if (join == null) {
          throw new IllegalArgumentException("dimension on " + dim.table + " uses {FK} without a join in " + name);
        }
        for (String fk : join.fk) {
          host.add(ref(factTable, fk));
        }
        if (dim.hierarchy && !dim.columns.isEmpty()) {
          throw new IllegalArgumentException("hierarchy levels of a {FK} dimension have no column in " + name);
        }
      } else {
        if (dim.columns == null || dim.columns.isEmpty()) {
          throw new IllegalArgumentException("Dimension column must not be blank in " + name);
        }
        for (String c : dim.columns) {
          host.add(dimRef(dim, join, c));
        }
        if (dim.hierarchy) {
          hierarchyRefs.add(new ArrayList<>(host));
          hierNames.add(Collections.unmodifiableList(new ArrayList<>(dim.columns)));
        }
      }
      dimensionColumns.addAll(host);
      if (dim.derived != null) {
        for (String d : dim.derived) {
          int cut = d.indexOf(':');
          String r = dimRef(dim, join, cut >= 0 ? d.substring(0, cut) : d);
          dimensionColumns.add(r);
          if (!host.contains(r)) {
            derivedRefs.add(r);
          }
        }
      }
      if (join != null) {
        for (int i = 0; i < join.fk.size() && i < join.pk.size(); i++) {
          if (host.contains(ref(factTable, join.fk.get(i)))) {
            String pkRef = ref(dim.table, join.pk.get(i));
            dimensionColumns.add(pkRef);
            derivedRefs.add(pkRef);
          }
        }
      }
    }
    for (String r : dimensionColumns) {
      if (!derivedRefs.contains(r)) {
        abbreviation.put(columnOf(r), r);
      }
    }
    for (int i = 0; i < rowkey.size(); i++) {
      String r = abbreviation.get(rowkey.get(i));
      if (r == null) {
        throw new IllegalArgumentException("Cannot find rowkey column " + rowkey.get(i) + " in cube " + name);
      }
      positionOfRef.put(r, i);
    }
    for (List<String> refs : hierarchyRefs) {
      int[] p = new int[refs.size()];
      for (int i = 0; i < refs.size(); i++) {
        Integer pos = positionOfRef.get(refs.get(i));
        if (pos == null) {
          throw new IllegalArgumentException("hierarchy column " + refs.get(i) + " is not a rowkey column of " + name);
        }
        p[i] = pos;
      }
      hierPos.add(p);
    }
  }

  /** A dimension's column: a lookup's primary key column stands for the fact table's foreign key. */
  private String dimRef(Dim dim, Lookup join, String column) {
    if (join != null) {
      int idx = join.pk.indexOf(column);
      if (idx >= 0 && idx < join.fk.size()) {
        return ref(factTable, join.fk.get(idx));
      }
    }
    return ref(dim.table, column);
  }

  /** Without the model: every name is its own column, and hierarchy levels must be rowkey column names. */
  private void resolveByName(List<int[]> hierPos, List<List<String>> hierNames) {
    for (int i = 0; i < rowkey.size(); i++) {
      abbreviation.put(rowkey.get(i), rowkey.get(i));
      positionOfRef.put(rowkey.get(i), i);
    }
    for (Dim dim : dims) {
      if (!dim.hierarchy) {
        continue;
      }
      if (dim.columns == null || dim.columns.contains("{FK}")) {
        throw new IllegalArgumentException("hierarchy dimension without plain columns in " + name);
      }
      int[] p = new int[dim.columns.size()];
      for (int i = 0; i < p.length; i++) {
        Integer pos = positionOfRef.get(dim.columns.get(i));
        if (pos == null) {
          throw new IllegalArgumentException("hierarchy level " + dim.columns.get(i) + " of " + name
              + " is not a rowkey column name; the model is needed to resolve it");
        }
        p[i] = pos;
      }
      hierPos.add(p);
      hierNames.add(Collections.unmodifiableList(new ArrayList<>(dim.columns)));
    }
  }
}
