package org.kylinupgrade.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.kylinupgrade.rules.v2.CubeDimension;
import org.kylinupgrade.rules.v2.DataModel;
import org.kylinupgrade.rules.v2.ModelDimension;

/**
 * Filling a model from a cube desc, as Kylin 1.4-alpha's {@code CubeMetadataUpgradeV2.upgradeDataModelDesc} does: a
 * model without dimensions and metrics gets the desc's dimension columns grouped by table, and the columns of its
 * measures as metrics.
 */
final class ModelDerivation {
  private ModelDerivation() {
  }

  /** Only a model that has neither (absent or null) is filled; one filled earlier in the run has both. */
  static boolean needed(DataModel model) {
    return model.dimensions == null && model.metrics == null;
  }

  /** Whether {@link #derive} would fill the model from this desc: Kylin skips descs without dimensions. */
  static boolean canDeriveFrom(LoadedCubeDesc desc) {
    return desc.desc.dimensions != null && !desc.desc.dimensions.isEmpty();
  }

  static void derive(DataModel model, LoadedCubeDesc desc) {
    model.dimensions = dimensionsOf(desc.desc.dimensions);
    model.metrics = desc.metricColumns.toArray(new String[0]);
  }

  /**
   * Kylin 1.5.4.1's first upgrade step fills a 1.5 model the same way; its metrics are in the order of the desc's
   * measures as written, and a measure's column may be a lookup's.
   */
  static void derive(org.kylinupgrade.rules.v15.DataModel model, List<CubeDimension> dimensions,
      List<String> metricColumns) {
    model.dimensions = dimensionsOf(dimensions);
    model.metrics = metricColumns.toArray(new String[0]);
  }

  /** The model dimensions of an initialised desc's dimensions. */
  static List<ModelDimension> dimensionsOf(List<CubeDimension> cubeDimensions) {
    // Kylin groups columns in a java.util.HashMap<String, HashSet<String>>; rebuilding it with the same insertion
    // sequence reproduces its iteration order. Columns are grouped before they are upper-cased, as Kylin's
    // DimensionDesc.capicalizeStrings runs on the grouped result: "a" and "A" stay two members of a table's set.
    Map<String, HashSet<String>> columnsByTable = new HashMap<>();
    for (CubeDimension dimension : cubeDimensions) {
      String[] columns = dimension.derived != null ? dimension.derived : dimension.column;
      // put(), not computeIfAbsent(): the latter links a new entry at the head of its bucket, put() at the tail
      if (!columnsByTable.containsKey(dimension.table)) {
        columnsByTable.put(dimension.table, new HashSet<>());
      }
      columnsByTable.get(dimension.table).addAll(Arrays.asList(columns));
    }
    List<ModelDimension> dimensions = new ArrayList<>();
    for (Map.Entry<String, HashSet<String>> entry : columnsByTable.entrySet()) {
      String[] columns = entry.getValue().toArray(new String[0]);
      Names.upperInPlace(columns);
      dimensions.add(new ModelDimension(Names.upper(entry.getKey()), columns));
    }
    return dimensions;
  }
}
