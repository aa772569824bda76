package org.kylinupgrade.rules;

import java.util.List;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.rules.v15.DataModel;
import org.kylinupgrade.rules.v2.ModelDimension;

/**
 * A model as Kylin 1.5.4.1's {@code MetadataManager} holds it after {@code DataModelDesc.init}: the (mutated) 1.5
 * object and the resolved tables. Init is 1.4-alpha's, except that join keys of different types are accepted.
 */
final class LoadedModel15 {
  final DataModel desc;
  final ModelTables tables;

  private LoadedModel15(DataModel desc, ModelTables tables) {
    this.desc = desc;
    this.tables = tables;
  }

  static LoadedModel15 load(Resource resource, TableCatalog tables) throws NotLoadableException {
    DataModel model = KylinJson.bind(resource, DataModel.class);
    try {
      return init(model, tables);
    } catch (RuntimeException e) {
      throw new NotLoadableException("init failed: " + e);
    }
  }

  private static LoadedModel15 init(DataModel model, TableCatalog tables) throws NotLoadableException {
    if (model.factTable == null) {
      throw new NotLoadableException("NullPointerException: fact_table is missing");
    }
    model.factTable = Names.upper(model.factTable);
    TableCatalog.Table fact = tables.find(model.factTable);
    if (fact == null) {
      throw new NotLoadableException("Fact table does not exist:" + model.factTable);
    }
    List<LoadedModel.ResolvedLookup> lookups =
        LoadedModel.resolveLookups(model.lookups, model.name, model.factTable, fact, tables, false);
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
      model.partitionDesc.partitionDateColumn = LoadedModel.initPartitionColumn(
          model.partitionDesc.partitionDateColumn, model.partitionDesc.partitionConditionBuilder, tables);
    }
    return new LoadedModel15(model, new ModelTables(fact, lookups, tables));
  }
}
