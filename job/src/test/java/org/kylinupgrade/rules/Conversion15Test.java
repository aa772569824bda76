package org.kylinupgrade.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kylinupgrade.CombinationLimits;
import org.kylinupgrade.metadata.Resource;

/** The rules of the conversion to Kylin 1.5 one by one, on variations of the 1.3.0 sample group. */
class Conversion15Test {

  private static JsonNode rewritten(GroupResult result, String path) {
    Resource resource = result.rewritten().stream().filter(r -> r.path().equals(path)).findFirst()
        .orElseThrow(() -> new AssertionError(path + " not rewritten: " + result));
    return SampleGroup.tree(resource);
  }

  private static JsonNode desc(GroupResult result) {
    return rewritten(result, SampleGroup.DESC);
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.isNull() ? null : n.asText()));
    return out;
  }

  private static List<String> column(JsonNode array, String property) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.get(property).asText()));
    return out;
  }

  /** The desc is reported as one Kylin 1.5 cannot load, and left exactly as it was. */
  private static Problem assertLeftAsItWas(GroupResult result) {
    assertTrue(result.rewritten().stream().noneMatch(r -> r.path().equals(SampleGroup.DESC)), result.toString());
    assertEquals(List.of(SampleGroup.DESC), result.untouched());
    List<Problem> problems = result.unloadable().stream().filter(p -> p.path().equals(SampleGroup.DESC)).toList();
    assertEquals(1, problems.size(), result.unloadable().toString());
    return problems.get(0);
  }

  private static ObjectNode rowKeyColumn(ObjectNode desc, String name) {
    for (JsonNode column : desc.withArray("/rowkey/rowkey_columns")) {
      if (column.get("column").asText().equalsIgnoreCase(name)) {
        return (ObjectNode) column;
      }
    }
    throw new AssertionError("no rowkey column " + name);
  }

  @Test
  void encodingsAreDictOrFixedLengthAndADictOnADateColumnBecomesDate() {
    JsonNode desc = desc(new SampleGroup().convert15());
    JsonNode columns = desc.at("/rowkey/rowkey_columns");
    assertEquals(List.of("PART_DT", "LEAF_CATEG_ID", "META_CATEG_NAME", "CATEG_LVL2_NAME", "CATEG_LVL3_NAME",
        "LSTG_FORMAT_NAME", "LSTG_SITE_ID"), column(columns, "column"), "row key order kept");
    assertEquals(List.of("date", "dict", "dict", "dict", "dict", "fixed_length:12", "dict"), column(columns, "encoding"));
    assertEquals(List.of("false", "false", "false", "false", "false", "false", "false"), column(columns, "isShardBy"));
  }

  @Test
  void aDictOnATimestampColumnBecomesTime() {
    SampleGroup group = new SampleGroup();
    String table = "/table/DEFAULT.KYLIN_SALES.json";
    group.resources.put(table, SampleGroup.edited(group.resources.get(table), table, t -> {
      for (JsonNode column : t.withArray("columns")) {
        if (column.get("name").asText().equals("PART_DT")) {
          ((ObjectNode) column).put("datatype", "timestamp");
        }
      }
    }));
    GroupResult result = group.convert15();
    assertEquals("time", desc(result).at("/rowkey/rowkey_columns/0/encoding").asText());
  }

  @Test
  void aColumnWithNeitherDictionaryNorLengthCannotBeConverted() {
    GroupResult result = new SampleGroup().editDesc(d -> rowKeyColumn(d, "lstg_format_name").put("length", 0)).convert15();
    Problem problem = assertLeftAsItWas(result);
    assertTrue(problem.reason().contains("Unknow encoding: Dictionary null, length: 0"), problem.toString());
    assertTrue(problem.reason().contains("cannot be converted to the Kylin 1.5 format"), problem.toString());
    assertTrue(result.changes().stream().anyMatch(c -> c.kind() == Change.Kind.MODEL),
        "Kylin's first step still filled the model from it");
  }

  @Test
  void dimensionsSplitPerColumnAndDerivedOnesHangOnTheForeignKeys() {
    JsonNode dimensions = desc(new SampleGroup().convert15()).get("dimensions");
    assertEquals(List.of("CAL_DT", "CATEGORY", "CATEGORY_HIERARCHY", "CATEGORY_HIERARCHY", "CATEGORY_HIERARCHY",
        "LSTG_FORMAT_NAME"), column(dimensions, "name"));
    assertEquals(List.of("{FK}", "{FK}", "META_CATEG_NAME", "CATEG_LVL2_NAME", "CATEG_LVL3_NAME", "LSTG_FORMAT_NAME"),
        column(dimensions, "column"));
    assertEquals(List.of("WEEK_BEG_DT"), texts(dimensions.get(0).get("derived")));
    assertTrue(dimensions.get(2).get("derived").isNull());
    for (JsonNode dimension : dimensions) {
      assertEquals(List.of("name", "table", "column", "derived"), fieldNames(dimension), "no id, no hierarchy flag");
    }
  }

  @Test
  void dimensionsFollowTheirIdsAndMeasuresTheirJsonOrderAsDoTheModelsMetrics() {
    GroupResult result = new SampleGroup().editDesc(d -> {
      ArrayNode dimensions = d.withArray("dimensions");
      ((ObjectNode) dimensions.get(0)).put("id", 9);
      ArrayNode measures = d.withArray("measures");
      ((ObjectNode) measures.get(0)).put("id", 5);
      ((ObjectNode) measures.get(4)).put("id", 1);
    }).convert15();
    assertEquals("CATEGORY", desc(result).at("/dimensions/0/name").asText());
    assertEquals("CAL_DT", desc(result).at("/dimensions/5/name").asText());
    assertEquals(List.of("GMV_SUM", "GMV_MIN", "GMV_MAX", "TRANS_CNT", "SELLER_CNT_HLL", "SELLER_FORMAT_CNT"),
        column(desc(result).get("measures"), "name"));
    assertEquals(List.of("PRICE", "PRICE", "PRICE", "SELLER_ID", "LSTG_FORMAT_NAME"),
        texts(rewritten(result, SampleGroup.MODEL).get("metrics")));
    // Kylin 1.4-alpha sorts the measures by id first
    GroupResult v2 = new SampleGroup().editDesc(d -> {
      ((ObjectNode) d.withArray("measures").get(0)).put("id", 5);
      ((ObjectNode) d.withArray("measures").get(4)).put("id", 1);
    }).convert();
    assertEquals(List.of("SELLER_ID", "PRICE", "PRICE", "PRICE", "LSTG_FORMAT_NAME"),
        texts(rewritten(v2, SampleGroup.MODEL).get("metrics")));
  }

  @Test
  void theModelGainsOwnerDescriptionVersionAndThePartitionsTimeFields() {
    JsonNode model = rewritten(new SampleGroup().convert15(), SampleGroup.MODEL);
    assertEquals(List.of("uuid", "version", "name", "owner", "description", "lookups", "dimensions", "metrics",
        "capacity", "last_modified", "fact_table", "filter_condition", "partition_desc"), fieldNames(model));
    assertEquals("1.5.1", model.get("version").asText());
    assertTrue(model.at("/partition_desc/partition_time_column").isNull());
    assertEquals("HH:mm:ss", model.at("/partition_desc/partition_time_format").asText());
    assertEquals(SampleGroup.RUN_TIMESTAMP, model.get("last_modified").asLong());
  }

  @Test
  void aZeroPartitionStartIsTakenFromTheModel() {
    GroupResult result = new SampleGroup().editModel(m -> SampleGroup.at(m, "/partition_desc")
        .put("partition_date_start", 1325376000000L)).convert15();
    assertEquals(1325376000000L, desc(result).get("partition_date_start").asLong());
  }

  @Test
  void aModelWithoutPartitionDescMakesKylinConvertTheDescAsWritten() {
    GroupResult result = new SampleGroup().editModel(m -> m.remove("partition_desc")).convert15();
    JsonNode desc = desc(result);
    assertTrue(texts(desc.at("/aggregation_groups/0/includes")).contains("part_dt"), desc.toString());
    assertEquals("PART_DT", desc.at("/rowkey/rowkey_columns/0/column").asText(), "Kylin 1.5's init upper-cases it");
    assertTrue(result.warnings().stream().anyMatch(w -> w.reason().contains("has no partition_desc")),
        result.warnings().toString());
  }

  @Test
  void aDescKylinCannotInitialiseIsReportedLeftAsItWasAndFillsNoModel() {
    GroupResult result = new SampleGroup().editDesc(d -> SampleGroup.at(d, "/measures/0/function/parameter")
        .put("value", "PRICE,ITEM_COUNT")).convert15();
    Problem problem = assertLeftAsItWas(result);
    assertTrue(problem.reason().contains("Column is not found in any table from the model: PRICE,ITEM_COUNT"),
        problem.toString());
    assertTrue(result.changes().isEmpty(), result.changes().toString());
    assertEquals(List.of(SampleGroup.CUBE), result.unloadable().stream().map(Problem::path)
        .filter(p -> p.startsWith("/cube/")).toList(), "its cube is reported too");
  }

  @Test
  void aMeasureColumnOfALookupIsFound() {
    GroupResult result = new SampleGroup().editDesc(d -> SampleGroup.at(d, "/measures/5/function/parameter")
        .put("value", "META_CATEG_NAME")).convert15();
    assertEquals("META_CATEG_NAME", desc(result).at("/measures/5/function/parameter/value").asText());
  }

  /** Two old groups for which Kylin's rule writes a one-column joint, which Kylin 1.5 refuses to load. */
  private static SampleGroup twoOldGroupsWithALoneColumn() {
    return new SampleGroup().editDesc(d -> {
      ObjectNode rowkey = SampleGroup.at(d, "/rowkey");
      ArrayNode oldGroups = rowkey.putArray("aggregation_groups");
      oldGroups.addArray().add("part_dt").add("leaf_categ_id").add("meta_categ_name").add("categ_lvl2_name")
          .add("categ_lvl3_name").add("lstg_format_name");
      oldGroups.addArray().add("lstg_site_id");
    });
  }

  @Test
  void aConvertedDescKylin15CannotLoadIsReported() {
    GroupResult result = twoOldGroupsWithALoneColumn().convert(UpgradeOptions.of(SampleGroup.RUN_TIMESTAMP,
        UpgradeTarget.V1_5).withGroupPlanner(KylinAggregationGroupPlanner.INSTANCE));
    Problem problem = assertLeftAsItWas(result);
    assertTrue(problem.reason().contains("require at least 2 dims in a joint"), problem.toString());
    assertEquals(new CuboidCheckCounts(0, 0, 0, 0), result.cuboidChecks(), "a desc Kylin 1.5 cannot load is not counted");
  }

  @Test
  void byDefaultGroupsThatKeepTheV1CuboidsAreWrittenWhereKylinsWouldNotLoad() {
    SampleGroup group = twoOldGroupsWithALoneColumn();
    GroupResult result = group.convert15();
    JsonNode desc = desc(result);
    org.kylinupgrade.cuboid.V1Cuboids v1 = org.kylinupgrade.cuboid.V1Cuboids.of(
        SampleGroup.tree(group.desc), SampleGroup.tree(group.model));
    org.kylinupgrade.cuboid.V15Cuboids v15 = org.kylinupgrade.cuboid.V15Cuboids.of(desc);
    assertTrue(v15.loads(), v15.loadProblems().toString());
    assertEquals(v1.buildSet(), v15.cuboidSet());
    assertEquals(List.of(), result.unloadable());
    List<Problem> deviations = result.warnings().stream().filter(w -> w.reason().contains("Kylin's converter would have"))
        .toList();
    assertEquals(1, deviations.size(), result.warnings().toString());
    assertEquals("cube desc kylin_sales_cube_desc written with aggregation groups that keep the v1 cuboid set; "
        + "Kylin's converter would have written aggregation groups Kylin 1.5.4.1 does not load (Aggregation group 0 "
        + "require at least 2 dims in a joint)", deviations.get(0).reason());
    assertEquals(new CuboidCheckCounts(0, 1, 0, 0), result.cuboidChecks());
  }

  @Test
  void byDefaultKylinsOwnGroupsAreWrittenWhereTheyKeepTheV1Cuboids() {
    GroupResult ours = new SampleGroup().convert15();
    GroupResult kylins = new SampleGroup().convert(UpgradeOptions.of(SampleGroup.RUN_TIMESTAMP, UpgradeTarget.V1_5)
        .withGroupPlanner(KylinAggregationGroupPlanner.INSTANCE));
    assertEquals(kylins.rewritten(), ours.rewritten());
    assertEquals(new CuboidCheckCounts(1, 0, 0, 0), ours.cuboidChecks());
    assertTrue(ours.warnings().stream().noneMatch(w -> w.reason().contains("Kylin's converter would have")),
        ours.warnings().toString());
  }

  @Test
  void oldGroupsSharingAColumnGetGroupsThatKeepTheirCuboids() {
    SampleGroup group = new SampleGroup().editDesc(d -> {
      ArrayNode oldGroups = SampleGroup.at(d, "/rowkey").putArray("aggregation_groups");
      oldGroups.addArray().add("part_dt").add("leaf_categ_id").add("lstg_format_name");
      oldGroups.addArray().add("lstg_format_name").add("lstg_site_id").add("meta_categ_name").add("categ_lvl2_name")
          .add("categ_lvl3_name");
    });
    GroupResult result = group.convert15();
    org.kylinupgrade.cuboid.V1Cuboids v1 = org.kylinupgrade.cuboid.V1Cuboids.of(
        SampleGroup.tree(group.desc), SampleGroup.tree(group.model));
    assertEquals(v1.buildSet(), org.kylinupgrade.cuboid.V15Cuboids.of(desc(result)).cuboidSet());
    assertTrue(result.warnings().stream().anyMatch(w -> w.reason().endsWith("Kylin's converter would have refused "
        + "the desc: its old aggregation groups share a column")), result.warnings().toString());
    assertEquals(new CuboidCheckCounts(0, 1, 0, 0), result.cuboidChecks());
  }

  @Test
  void thePlannerOfTheOptionsMakesTheGroups() {
    // Kylin's groups with the includes in row key order: the same cuboids, other bytes
    AggregationGroupPlanner rowKeyOrder = v1 -> {
      AggregationGroupSpec kylins = KylinAggregationGroupPlanner.INSTANCE.plan(v1).groups().get(0);
      return GroupPlan.of(List.of(new AggregationGroupSpec(v1.rowKeyColumns(), kylins.mandatory(),
          kylins.hierarchies(), kylins.joints())));
    };
    GroupResult result = new SampleGroup().convert(
        UpgradeOptions.of(SampleGroup.RUN_TIMESTAMP, UpgradeTarget.V1_5).withGroupPlanner(rowKeyOrder));
    JsonNode groups = desc(result).get("aggregation_groups");
    assertEquals(1, groups.size());
    assertEquals(List.of("PART_DT", "LEAF_CATEG_ID", "META_CATEG_NAME", "CATEG_LVL2_NAME", "CATEG_LVL3_NAME",
        "LSTG_FORMAT_NAME", "LSTG_SITE_ID"), texts(groups.at("/0/includes")));
    assertEquals(new CuboidCheckCounts(1, 0, 0, 0), result.cuboidChecks());

    AggregationGroupPlanner never = v1 -> GroupPlan.notExpressible("because " + v1.descName());
    Problem problem = assertLeftAsItWas(new SampleGroup().convert(
        UpgradeOptions.of(SampleGroup.RUN_TIMESTAMP, UpgradeTarget.V1_5).withGroupPlanner(never)));
    assertTrue(problem.reason().endsWith("because kylin_sales_cube_desc"), problem.toString());
  }

  @Test
  void aPlanThatChangesTheCuboidSetIsRefused() {
    AggregationGroupPlanner onlyTheDate = v1 -> GroupPlan.of(List.of(new AggregationGroupSpec(
        v1.rowKeyColumns(), List.of("PART_DT"), List.of(), List.of())));
    GroupResult result = new SampleGroup().convert(
        UpgradeOptions.of(SampleGroup.RUN_TIMESTAMP, UpgradeTarget.V1_5).withGroupPlanner(onlyTheDate));
    Problem problem = assertLeftAsItWas(result);
    assertTrue(problem.reason().contains("cuboid set would change: 63 v1 cuboids, 63 in 1.5 ("), problem.toString());
    assertEquals(new CuboidCheckCounts(0, 0, 1, 0), result.cuboidChecks());
    // its empty cube is reported with it and only gets the version label
    assertTrue(result.unloadable().stream().anyMatch(p -> p.path().startsWith("/cube/")), result.toString());
  }

  @Test
  void aPlanWithMoreCuboidsIsRefused() {
    AggregationGroupPlanner everyColumnFree = v1 -> GroupPlan.of(List.of(new AggregationGroupSpec(
        v1.rowKeyColumns(), List.of(), List.of(), List.of())));
    GroupResult result = new SampleGroup().convert(
        UpgradeOptions.of(SampleGroup.RUN_TIMESTAMP, UpgradeTarget.V1_5).withGroupPlanner(everyColumnFree));
    Problem problem = assertLeftAsItWas(result);
    assertTrue(problem.reason().contains("cuboid set would change: 63 v1 cuboids, 127 in 1.5"), problem.toString());
  }

  @Test
  void thePlannerSeesTheRowKeyTheMandatoryColumnsAndTheHierarchies() {
    List<V1AggregationRules> seen = new ArrayList<>();
    AggregationGroupPlanner spy = v1 -> {
      seen.add(v1);
      return KylinAggregationGroupPlanner.INSTANCE.plan(v1);
    };
    new SampleGroup().editDesc(d -> rowKeyColumn(d, "lstg_site_id").put("mandatory", true))
        .convert(UpgradeOptions.of(SampleGroup.RUN_TIMESTAMP, UpgradeTarget.V1_5).withGroupPlanner(spy));
    V1AggregationRules v1 = seen.get(0);
    assertEquals(List.of("PART_DT", "LEAF_CATEG_ID", "META_CATEG_NAME", "CATEG_LVL2_NAME", "CATEG_LVL3_NAME",
        "LSTG_FORMAT_NAME", "LSTG_SITE_ID"), v1.rowKeyColumns());
    assertEquals(List.of("LSTG_SITE_ID"), v1.mandatoryColumns());
    assertEquals(List.of(List.of("META_CATEG_NAME", "CATEG_LVL2_NAME", "CATEG_LVL3_NAME")), v1.declaredHierarchies());
    assertEquals(v1.declaredHierarchies(), v1.hierarchies());
    assertEquals(List.of(List.of("PART_DT", "LSTG_SITE_ID", "LEAF_CATEG_ID", "META_CATEG_NAME", "CATEG_LVL3_NAME",
        "CATEG_LVL2_NAME", "LSTG_FORMAT_NAME")), v1.oldGroups());
  }

  @Test
  void aDescInAFileNamedOtherwiseIsReportedAndFillsNoModel() {
    GroupResult result = new SampleGroup().moveDesc("/cube_desc/elsewhere.json").convert15();
    assertEquals(List.of("/cube_desc/elsewhere.json"), result.untouched());
    assertTrue(result.unloadable().stream().anyMatch(p -> p.path().equals("/cube_desc/elsewhere.json")
        && p.reason().contains("Skip suspicious desc")), result.unloadable().toString());
    assertTrue(result.rewritten().isEmpty(), result.rewritten().toString());
  }

  @Test
  void aDescOutOfScopeIsLeftAsItWasWithAWarning() {
    GroupResult result = new SampleGroup().convert(
        UpgradeOptions.of(SampleGroup.RUN_TIMESTAMP, UpgradeTarget.V1_5).withDescsInScope(Set.of("other")));
    assertEquals(List.of(SampleGroup.DESC), result.untouched());
    assertTrue(result.rewritten().isEmpty());
    assertTrue(result.unloadable().isEmpty(), result.unloadable().toString());
    assertTrue(result.warnings().get(0).reason().contains("out of scope"), result.warnings().toString());
  }

  @Test
  void aPurgedCubeIsEmptiedLabelledAndLetsItsDescMoveToTheNewEngine() {
    SampleGroup group = new SampleGroup().editCube(c -> c.withArray("segments").addObject()
        .put("uuid", "s").put("name", "FULL_BUILD").put("status", "READY").put("storage_location_identifier", "KYLIN_T"));
    assertEquals(0, desc(group.convert15()).get("engine_type").asInt(), "a built cube keeps its desc on engine 0");
    GroupResult result = group.convert(UpgradeOptions.of(SampleGroup.RUN_TIMESTAMP, UpgradeTarget.V1_5)
        .withPurgeCubes(Set.of("kylin_sales_cube")));
    assertEquals(2, desc(result).get("engine_type").asInt());
    JsonNode cube = rewritten(result, SampleGroup.CUBE);
    assertEquals(0, cube.get("segments").size());
    assertEquals("DISABLED", cube.get("status").asText());
    assertEquals("1.5.1", cube.get("version").asText());
  }

  @Test
  void theSignatureCoversEngineAndStorageButNotTheDescription() {
    Map<String, Resource> output = GoldenOutput15Test.converted(GoldenOutputTest.SAMPLE).output();
    TableCatalog tables = GoldenOutput15Test.converted(GoldenOutputTest.SAMPLE).tables();
    Resource desc = output.get(SampleGroup.DESC);
    Resource model = output.get(SampleGroup.MODEL);
    String stored = SampleGroup.tree(desc).get("signature").asText();
    assertEquals(stored, V15Load.cubeDesc(desc, model, tables).signature().value());
    Resource described = SampleGroup.edited(desc, desc.path(), d -> d.put("description", "new words"));
    assertEquals(stored, V15Load.cubeDesc(described, model, tables).signature().value());
    Resource v1Engine = SampleGroup.edited(desc, desc.path(), d -> d.put("engine_type", 0).put("storage_type", 0));
    assertNotEquals(stored, V15Load.cubeDesc(v1Engine, model, tables).signature().value());
    Resource upperCased = SampleGroup.edited(desc, desc.path(), d -> d.put("model_name", "KYLIN_SALES_MODEL"));
    assertEquals(stored, V15Load.cubeDesc(upperCased, model, tables).signature().value(), "the input is lower-cased");
  }

  @Test
  void upgradingTheOutputAgainChangesNothing() {
    for (String example : List.of(GoldenOutputTest.SAMPLE, GoldenOutputTest.LOCALMETA)) {
      InMemoryUpgrade.Outcome once = GoldenOutput15Test.converted(example);
      InMemoryUpgrade.Outcome again = InMemoryUpgrade.run(once.output(),
          UpgradeOptions.of(SampleGroup.RUN_TIMESTAMP + 1, UpgradeTarget.V1_5));
      assertEquals(List.of(), again.rewritten(), example);
      assertEquals(List.of(), again.versionRefreshed(), example);
      assertEquals(once.output(), again.output(), example);
    }
  }

  @Test
  void targetsParseFromTheirLabels() {
    assertEquals(UpgradeTarget.V1_5, UpgradeTarget.parse("1.5"));
    assertEquals(UpgradeTarget.V1_4_ALPHA, UpgradeTarget.parse(" 1.4-alpha "));
    assertEquals(UpgradeTarget.V1_5, UpgradeTarget.DEFAULT);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UpgradeTarget.parse("2.0"));
    assertTrue(e.getMessage().endsWith("accepted: 1.5, 1.4-alpha"), e.getMessage());
    assertEquals(UpgradeTarget.V1_4_ALPHA, UpgradeOptions.of(1L).target(), "the callers from before keep 1.4-alpha");
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void underALowerLimitOfCombinationsTheGroupsWrittenKeepToItAndToTheV1Cuboids() {
    JsonNode atDefault = desc(new SampleGroup().convert15());
    int kylins = CombinationLimits.needed(atDefault);
    assertTrue(kylins > 2 && kylins <= org.kylinupgrade.cuboid.V15Cuboids.DEFAULT_MAX_COMBINATION, "" + kylins);
    int limit = kylins - 1;

    SampleGroup group = new SampleGroup();
    GroupResult result = group.convert(UpgradeOptions.of(SampleGroup.RUN_TIMESTAMP, UpgradeTarget.V1_5)
        .withMaxCombination(limit));
    JsonNode desc = desc(result);
    org.kylinupgrade.cuboid.V15Cuboids v15 = org.kylinupgrade.cuboid.V15Cuboids.of(desc, limit);
    assertTrue(v15.loads(), v15.loadProblems().toString());
    assertEquals(org.kylinupgrade.cuboid.V1Cuboids.of(SampleGroup.tree(group.desc), SampleGroup.tree(group.model))
        .buildSet(), v15.cuboidSet());
    assertNotEquals(atDefault.get("aggregation_groups"), desc.get("aggregation_groups"));
    assertEquals(new CuboidCheckCounts(0, 1, 0, 0), result.cuboidChecks());
    assertTrue(result.warnings().stream().anyMatch(w -> w.reason().contains("Kylin's converter would have written "
        + "aggregation groups Kylin 1.5.4.1 does not load (Aggregation group 0 has too many combinations")),
        result.warnings().toString());
  }

  @Test
  void anUpgradedDescAboveALowerLimitOfCombinationsIsReportedUnloadable() {
    GroupResult first = new SampleGroup().convert15();
    int limit = CombinationLimits.needed(desc(first)) - 1;
    SampleGroup upgraded = new SampleGroup();
    for (Resource r : first.rewritten()) {
      switch (r.path()) {
        case SampleGroup.DESC -> upgraded.desc = r;
        case SampleGroup.MODEL -> upgraded.model = r;
        case SampleGroup.CUBE -> upgraded.cube = r;
        default -> upgraded.resources.put(r.path(), r);
      }
    }
    assertEquals(List.of(), upgraded.convert15().unloadable(), "loads under Kylin's default limit");
    Problem problem = assertLeftAsItWas(upgraded.convert(UpgradeOptions.of(SampleGroup.RUN_TIMESTAMP,
        UpgradeTarget.V1_5).withMaxCombination(limit)));
    assertTrue(problem.reason().contains("has too many combinations"), problem.toString());
  }

  @Test
  void aLimitOfCombinationsBelowOneIsRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> UpgradeOptions.of(SampleGroup.RUN_TIMESTAMP, UpgradeTarget.V1_5).withMaxCombination(0));
  }
}
