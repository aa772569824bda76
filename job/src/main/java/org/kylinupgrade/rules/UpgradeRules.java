package org.kylinupgrade.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.kylinupgrade.metadata.Resource;

/**
 * The v1 metadata upgrade as pure functions over resources, one model group at a time: Kylin 1.4-alpha's
 * ({@code CubeMetadataUpgradeV2} + {@code CubeDescSignatureUpdate}) or Kylin 1.5.4.1's
 * ({@code CubeMetadataUpgradeEntry_v_1_5_1}), as {@link UpgradeOptions#target()} says. For 1.5, every JSON resource
 * that no group rewrites gets the version label of {@link VersionRefresh}, except the ones a group lists as
 * {@link GroupResult#untouched()}.
 *
 * <p>A group is one model key (see {@link #groupKey}): the model, every cube desc whose {@code model_name} has
 * that key, and every cube whose {@code descriptor} names one of those descs. Tables are shared by all groups.
 */
public final class UpgradeRules {
  private UpgradeRules() {
  }

  /** The desc's {@code model_name} as written; null when absent. */
  public static String modelNameOfDesc(Resource cubeDesc) {
    return KylinJson.topLevelTexts(cubeDesc, "model_name")[0];
  }

  /** The cube's {@code descriptor} (its cube desc's name) as written; null when absent. */
  public static String descNameOfCube(Resource cube) {
    return KylinJson.topLevelTexts(cube, "descriptor")[0];
  }

  /** The cube's own {@code name}; Kylin finds cubes by it, case-insensitively. */
  public static String nameOfCube(Resource cube) {
    return KylinJson.topLevelTexts(cube, "name")[0];
  }

  /** The HTables ({@code storage_location_identifier}) the cube's segments are stored in, each once, in order. */
  public static List<String> segmentTables(Resource cube) {
    Set<String> tables = new LinkedHashSet<>();
    JsonNode segments = KylinJson.readObject(cube).get("segments");
    if (segments != null && segments.isArray()) {
      for (JsonNode segment : segments) {
        JsonNode table = segment.get("storage_location_identifier");
        if (table != null && table.isTextual() && !Names.isBlank(table.asText())) {
          tables.add(table.asText());
        }
      }
    }
    return new ArrayList<>(tables);
  }

  /** The desc's own {@code name}; v2 matches cubes to descs by it, case-insensitively. */
  public static String descNameOfDesc(Resource cubeDesc) {
    return KylinJson.topLevelTexts(cubeDesc, "name")[0];
  }

  /** The desc's {@link #descNameOfDesc name} and {@link #modelNameOfDesc model_name}, read in one pass. */
  public static String[] namesOfDesc(Resource cubeDesc) {
    return KylinJson.topLevelTexts(cubeDesc, "name", "model_name");
  }

  /** The model's own {@code name}: v2 finds models by the name inside the file, not by the file name. */
  public static String modelNameOfModel(Resource model) {
    return KylinJson.topLevelTexts(model, "name")[0];
  }

  /**
   * The join key for a model or desc name. Case-insensitive: v2 keeps models (and descs, and tables) in maps ordered
   * by {@code String.CASE_INSENSITIVE_ORDER}, so {@code MetadataManager.getDataModelDesc("M")} finds model "m".
   * A null name gives "".
   */
  public static String groupKey(String modelName) {
    return Names.key(modelName);
  }

  /** The v2 view of all {@code /table/*.json} resources, to broadcast to every group. */
  public static TableCatalog tables(Iterable<Resource> tableResources) {
    return TableCatalog.load(tableResources);
  }

  /** All {@code /table/*.json} resources as the target's Kylin loads them, to broadcast to every group. */
  public static TableCatalog tables(Iterable<Resource> tableResources, UpgradeTarget target) {
    return TableCatalog.load(tableResources,
        target == UpgradeTarget.V1_5 ? KylinDataTypes.KYLIN_1_5 : KylinDataTypes.KYLIN_1_4_ALPHA);
  }

  /**
   * Converts one model group.
   *
   * @param modelKey {@link #groupKey} of the group
   * @param model the model resource, or null when there is none with this key
   * @param cubeDescs the descs whose {@code model_name} has this key
   * @param cubes the cubes whose {@code descriptor} names one of {@code cubeDescs}
   * @param tables {@link #tables(Iterable, UpgradeTarget)} for the options' target
   * @throws NotAJsonObjectException when a resource of the group is not a JSON object
   */
  public static GroupResult convertGroup(String modelKey, Resource model, List<Resource> cubeDescs, List<Resource> cubes,
      TableCatalog tables, UpgradeOptions options) {
    if (options.target() == UpgradeTarget.V1_5) {
      return new GroupConversion15(modelKey, model, cubeDescs, cubes, tables, options).run();
    }
    return new GroupConversion(modelKey, model, cubeDescs, cubes, tables, options).run();
  }
}
