package org.kylinupgrade.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kylinupgrade.metadata.Resource;

/** The individual upgrade steps on variations of the sample group. */
class UpgradeStepsTest {

  private static List<String> descReasons(GroupResult result) {
    return result.changes().stream().filter(c -> c.kind() == Change.Kind.CUBE_DESC).findFirst()
        .map(Change::reasons).orElse(List.of());
  }

  private static boolean switched(GroupResult result) {
    return descReasons(result).stream().anyMatch(r -> r.startsWith("engine_type/storage_type 0/0 -> 2/2"));
  }

  private static void addSegment(ObjectNode cube, String status) {
    cube.withArray("segments").addObject().put("uuid", "u-" + status).put("name", "FULL_BUILD").put("status", status);
  }

  @Test
  void anyKindOfSegmentBlocksTheSwitch() {
    for (String status : List.of("READY", "NEW", "READY_PENDING")) {
      GroupResult result = new SampleGroup().editCube(c -> addSegment(c, status)).convert();
      assertEquals(List.of("signature OWc6h/qpWCBgxEnzB5wr0w== -> +LzlmGgLaLprEtSmYVvdgA=="), descReasons(result));
    }
  }

  @Test
  void missingOrNullSegmentsCountAsEmpty() {
    assertTrue(switched(new SampleGroup().editCube(c -> c.remove("segments")).convert()));
    assertTrue(switched(new SampleGroup().editCube(c -> c.putNull("segments")).convert()));
  }

  @Test
  void aDescNoCubeUsesStaysOnV1() {
    SampleGroup group = new SampleGroup();
    group.cube = null;
    assertEquals(List.of("signature OWc6h/qpWCBgxEnzB5wr0w== -> +LzlmGgLaLprEtSmYVvdgA=="),
        descReasons(group.convert()));
  }

  @Test
  void aDescSharedByAnEmptyCubeAndABuiltCubeStaysOnV1WithAWarning() {
    SampleGroup group = new SampleGroup();
    Resource built = SampleGroup.edited(group.cube, "/cube/built_cube.json", c -> {
      c.put("name", "built_cube").put("descriptor", "KYLIN_SALES_CUBE_DESC");
      addSegment(c, "READY");
    });
    GroupResult result = UpgradeRules.convertGroup("kylin_sales_model", group.model, List.of(group.desc),
        List.of(group.cube, built), group.tables(), UpgradeOptions.of(5L));
    assertTrue(!switched(result), result.toString());
    assertEquals(List.of(new Problem(SampleGroup.DESC, "desc kylin_sales_cube_desc left on engine 0/storage 0 because "
        + "cube built_cube has segments while empty cube kylin_sales_cube uses it "
        + "(Kylin 1.4-alpha would have switched it)")), result.warnings());
  }

  @Test
  void descsOutOfScopeAreNotConverted() {
    assertEquals(List.of(), new SampleGroup().convert(UpgradeOptions.of(5L).withDescsInScope(Set.of())).rewritten());
    assertEquals(List.of(), new SampleGroup().convert(UpgradeOptions.of(5L).withDescsInScope(Set.of("other")))
        .changes());
    GroupResult inScope = new SampleGroup()
        .convert(UpgradeOptions.of(5L).withDescsInScope(Set.of("KYLIN_SALES_CUBE_DESC")));
    assertEquals(2, inScope.rewritten().size());
  }

  @Test
  void theModelIsDerivedFromTheFirstDescByNameThatHasDimensions() {
    SampleGroup group = new SampleGroup();
    Resource noDimensions = SampleGroup.edited(group.desc, "/cube_desc/A_first.json", d -> {
      d.put("name", "A_first");
      d.putArray("dimensions");
      SampleGroup.at(d, "/rowkey").putArray("rowkey_columns");
      SampleGroup.at(d, "/rowkey").putArray("aggregation_groups");
    });
    Resource second = SampleGroup.edited(group.desc, "/cube_desc/b_second.json", d -> {
      d.put("name", "b_second");
      ((ObjectNode) d.withArray("dimensions").get(3)).putArray("column").add("lstg_format_name");
    });
    GroupResult result = UpgradeRules.convertGroup("kylin_sales_model", group.model,
        List.of(second, group.desc, noDimensions), List.of(), group.tables(), UpgradeOptions.of(5L));
    assertEquals(List.of(), result.unloadable());
    Change model = result.changes().stream().filter(c -> c.kind() == Change.Kind.MODEL).findFirst().orElseThrow();
    assertEquals(List.of("dimensions/metrics derived from cube desc b_second"), model.reasons());
  }

  @Test
  void mixedCaseColumnsOfOneTableBecomeDuplicatesInTheModel() {
    // Kylin groups a table's columns in a set before it upper-cases them, so "lstg_format_name" and
    // "LSTG_FORMAT_NAME" are two members of the set and both end up as LSTG_FORMAT_NAME in the model
    GroupResult result = new SampleGroup().editDesc(d -> {
      ObjectNode dimension = d.withArray("dimensions").addObject();
      dimension.put("id", 4).put("name", "format_again").put("table", "default.kylin_sales");
      dimension.putArray("column").add("lstg_format_name");
    }).convert();
    Resource model = result.rewritten().stream().filter(r -> r.path().equals(SampleGroup.MODEL)).findFirst()
        .orElseThrow();
    assertTrue(model.text().contains("\"columns\" : [ \"LSTG_FORMAT_NAME\", \"LSTG_FORMAT_NAME\" ]"), model.text());
  }

  @Test
  void modelsAreFoundCaseInsensitively() {
    assertEquals(UpgradeRules.groupKey("Kylin_Sales_Model"), UpgradeRules.groupKey("KYLIN_SALES_MODEL"));
    GroupResult result = new SampleGroup().editDesc(d -> d.put("model_name", "KYLIN_SALES_MODEL")).convert();
    assertEquals(List.of(), result.unloadable());
    assertEquals(2, result.rewritten().size());
  }
}
