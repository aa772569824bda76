package org.kylinupgrade.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What loading a cube desc needs of its initialised model: the fact table and the lookups, in the model's order. */
final class ModelTables {
  final TableCatalog.Table factTable;
  final List<LoadedModel.ResolvedLookup> lookups;
  /** The lookups' tables, in order ({@code DataModelDesc.getLookupTableDescs}). */
  final List<TableCatalog.Table> lookupTables;

  ModelTables(TableCatalog.Table factTable, List<LoadedModel.ResolvedLookup> lookups, TableCatalog catalog) {
    this.factTable = factTable;
    this.lookups = lookups;
    List<TableCatalog.Table> tables = new ArrayList<TableCatalog.Table>();
    for (LoadedModel.ResolvedLookup lookup : lookups) {
      tables.add(catalog.find(lookup.table()));
    }
    this.lookupTables = Collections.unmodifiableList(tables);
  }
}
