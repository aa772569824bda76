package org.kylinupgrade.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kylinupgrade.cuboid.V15Cuboids;
import org.kylinupgrade.cuboid.V1Cuboids;
import org.kylinupgrade.metadata.Resource;

/**
 * A hierarchy dimension with its own derived columns: Kylin's rule makes it one {@code {FK}} dimension, which loses
 * the hierarchy columns from the dimensions, and Kylin 1.5 refuses the desc. The conversion keeps the hierarchy
 * columns as dimensions of their own, hosts the derived columns on the foreign keys where they are row key columns,
 * else on the finest level, and warns.
 */
class HierarchyWithDerived15Test {

  private static JsonNode desc(GroupResult result) {
    Resource resource = result.rewritten().stream().filter(r -> r.path().equals(SampleGroup.DESC)).findFirst()
        .orElseThrow(() -> new AssertionError("desc not rewritten: " + result.unloadable()));
    return SampleGroup.tree(resource);
  }

  private static List<String> column(JsonNode array, String property) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.get(property).isNull() ? null : n.get(property).asText()));
    return out;
  }

  private static ObjectNode dimension(ObjectNode desc, String name) {
    for (JsonNode dimension : desc.withArray("dimensions")) {
      if (dimension.get("name").asText().equals(name)) {
        return (ObjectNode) dimension;
      }
    }
    throw new AssertionError("no dimension " + name);
  }

  private static List<Problem> rewriteWarnings(GroupResult result) {
    return result.warnings().stream().filter(w -> w.reason().contains("as one dimension per hierarchy column"))
        .toList();
  }

  /** The written desc loads in Kylin 1.5 and keeps the v1 row key and cuboids. */
  private static void assertKeepsTheV1Cuboids(SampleGroup group, JsonNode desc) {
    V1Cuboids v1 = V1Cuboids.of(SampleGroup.tree(group.desc), SampleGroup.tree(group.model));
    V15Cuboids v15 = V15Cuboids.of(desc);
    assertTrue(v15.loads(), v15.loadProblems().toString());
    assertEquals(v1.rowkeyColumns(), v15.rowkeyColumns());
    assertEquals(v1.buildSet(), v15.cuboidSet());
  }

  /** The sample's category hierarchy with a derived column of its own: its foreign keys are row key columns. */
  private static SampleGroup categoryHierarchyWithDerived(String... derived) {
    return new SampleGroup().editDesc(d -> {
      ArrayNode list = dimension(d, "CATEGORY_HIERARCHY").putArray("derived");
      for (String column : derived) {
        list.add(column);
      }
    });
  }

  @Test
  void theDerivedColumnsHangOnTheForeignKeysWhereTheyAreRowKeyColumns() {
    SampleGroup group = categoryHierarchyWithDerived("CATEG_BUSN_MGR");
    GroupResult result = group.convert15();
    JsonNode desc = desc(result);
    JsonNode dimensions = desc.get("dimensions");
    assertEquals(List.of("CAL_DT", "CATEGORY", "CATEGORY_HIERARCHY", "CATEGORY_HIERARCHY", "CATEGORY_HIERARCHY",
        "CATEGORY_HIERARCHY", "LSTG_FORMAT_NAME"), column(dimensions, "name"));
    assertEquals(List.of("{FK}", "{FK}", "META_CATEG_NAME", "CATEG_LVL2_NAME", "CATEG_LVL3_NAME", "{FK}",
        "LSTG_FORMAT_NAME"), column(dimensions, "column"));
    for (int i = 2; i <= 4; i++) {
      assertTrue(dimensions.get(i).get("derived").isNull(), dimensions.get(i).toString());
    }
    assertEquals("[\"CATEG_BUSN_MGR\"]", dimensions.get(5).get("derived").toString());
    assertKeepsTheV1Cuboids(group, desc);
    assertEquals(List.of(), result.unloadable());
    List<Problem> warnings = rewriteWarnings(result);
    assertEquals(1, warnings.size(), result.warnings().toString());
    assertEquals(SampleGroup.DESC, warnings.get(0).path());
    assertEquals("cube desc kylin_sales_cube_desc written with the hierarchy dimension(s) [CATEGORY_HIERARCHY] as "
        + "one dimension per hierarchy column, their derived columns hosted on the lookup's foreign keys ({FK}): "
        + "Kylin's dimension conversion makes each a single {FK} dimension, which loses row key columns, and "
        + "Kylin 1.5 would refuse the desc", warnings.get(0).reason());
    // Kylin's groups declare no hierarchy for such a dimension, which changes the cuboids: the groups are ours
    List<Problem> groups = result.warnings().stream().filter(w -> w.reason().contains("Kylin's converter would have"))
        .toList();
    assertEquals(1, groups.size(), result.warnings().toString());
    assertTrue(groups.get(0).reason().contains("dropped rowkey column META_CATEG_NAME"), groups.get(0).reason());
    assertEquals(new CuboidCheckCounts(0, 1, 0, 0), result.cuboidChecks());
  }

  @Test
  void theDerivedColumnsHangOnTheFinestLevelWhereTheForeignKeysAreNoRowKeyColumns() {
    // the date lookup becomes a hierarchy YEAR_BEG_DT > MONTH_BEG_DT deriving WEEK_BEG_DT; its foreign key PART_DT
    // leaves the row key
    SampleGroup group = new SampleGroup().editDesc(d -> {
      ObjectNode calDt = dimension(d, "CAL_DT");
      calDt.putArray("column").add("YEAR_BEG_DT").add("MONTH_BEG_DT");
      calDt.put("hierarchy", true);
      ArrayNode rowKey = d.withArray("/rowkey/rowkey_columns");
      ObjectNode year = (ObjectNode) rowKey.get(0);
      year.put("column", "YEAR_BEG_DT");
      ObjectNode month = year.deepCopy();
      month.put("column", "MONTH_BEG_DT");
      rowKey.insert(1, month);
      ArrayNode groups = (ArrayNode) d.at("/rowkey/aggregation_groups");
      ArrayNode first = (ArrayNode) groups.get(0);
      first.set(0, first.textNode("YEAR_BEG_DT"));
      first.add("MONTH_BEG_DT");
    });
    GroupResult result = group.convert15();
    JsonNode desc = desc(result);
    JsonNode dimensions = desc.get("dimensions");
    assertEquals(List.of("CAL_DT", "CAL_DT", "CATEGORY", "CATEGORY_HIERARCHY", "CATEGORY_HIERARCHY",
        "CATEGORY_HIERARCHY", "LSTG_FORMAT_NAME"), column(dimensions, "name"));
    assertEquals(List.of("YEAR_BEG_DT", "MONTH_BEG_DT", "{FK}", "META_CATEG_NAME", "CATEG_LVL2_NAME",
        "CATEG_LVL3_NAME", "LSTG_FORMAT_NAME"), column(dimensions, "column"));
    assertTrue(dimensions.get(0).get("derived").isNull());
    assertEquals("[\"WEEK_BEG_DT\"]", dimensions.get(1).get("derived").toString());
    assertKeepsTheV1Cuboids(group, desc);
    List<Problem> warnings = rewriteWarnings(result);
    assertEquals(1, warnings.size(), result.warnings().toString());
    assertTrue(warnings.get(0).reason().contains("[CAL_DT] as one dimension per hierarchy column, their derived "
        + "columns hosted on the finest hierarchy level"), warnings.get(0).reason());
  }

  @Test
  void aDerivedColumnThatIsARowKeyColumnLoadsInNeitherFormAndTheDescIsReported() {
    // Kylin 1.5 counts a derived column out of the dimension columns, so the row key has one column more than the
    // dimensions whichever dimension derives it
    GroupResult result = categoryHierarchyWithDerived("META_CATEG_NAME")
        .convert15();
    assertTrue(result.rewritten().stream().noneMatch(r -> r.path().equals(SampleGroup.DESC)));
    assertEquals(List.of(SampleGroup.DESC), result.untouched());
    Problem problem = result.unloadable().stream().filter(p -> p.path().equals(SampleGroup.DESC)).findFirst()
        .orElseThrow();
    assertTrue(problem.reason().contains("once converted: Cannot find rowkey column META_CATEG_NAME")
        && problem.reason().endsWith("nor with the hierarchy columns kept as dimensions"), problem.reason());
    assertTrue(rewriteWarnings(result).isEmpty());
  }

  @Test
  void aHierarchyWithoutDerivedColumnsIsConvertedByKylinsRuleWithoutWarning() {
    GroupResult result = new SampleGroup().convert15();
    assertTrue(rewriteWarnings(result).isEmpty(), result.warnings().toString());
  }
}
