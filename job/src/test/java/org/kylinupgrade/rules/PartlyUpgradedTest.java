package org.kylinupgrade.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kylinupgrade.TestData;
import org.kylinupgrade.metadata.Resource;

/** Metadata that already carries v2 fields converts per the rules, keeping what it has. */
class PartlyUpgradedTest {

  private static Resource rewritten(GroupResult result, String path) {
    return result.rewritten().stream().filter(r -> r.path().equals(path)).findFirst().orElse(null);
  }

  private static Change change(GroupResult result, String path) {
    return result.changes().stream().filter(c -> c.path().equals(path)).findFirst().orElseThrow();
  }

  @Test
  void aDescWithV2FieldsKeepsThemAndOnlyGetsItsSignatureFixed() {
    GroupResult result = new SampleGroup().editDesc(d -> {
      d.put("engine_type", 2).put("storage_type", 2).put("partition_date_start", 1400000000000L)
          .put("partition_date_end", 1500000000000L).put("retention_range", 7);
      d.putArray("status_need_notify").add("ERROR").add("DISCARDED");
      d.putArray("auto_merge_time_ranges").add(604800000L).add(2419200000L);
      d.putObject("override_kylin_properties").put("kylin.hbase.region.count.max", "10");
    }).convert();

    Change change = change(result, SampleGroup.DESC);
    assertEquals(List.of("signature OWc6h/qpWCBgxEnzB5wr0w== -> +LzlmGgLaLprEtSmYVvdgA=="), change.reasons());
    String json = rewritten(result, SampleGroup.DESC).text();
    assertTrue(json.endsWith("  \"notify_list\" : null,\n"
        + "  \"status_need_notify\" : [ \"ERROR\", \"DISCARDED\" ],\n"
        + "  \"partition_date_start\" : 1400000000000,\n"
        + "  \"partition_date_end\" : 1500000000000,\n"
        + "  \"auto_merge_time_ranges\" : [ 604800000, 2419200000 ],\n"
        + "  \"retention_range\" : 7,\n"
        + "  \"engine_type\" : 2,\n"
        + "  \"storage_type\" : 2,\n"
        + "  \"override_kylin_properties\" : {\n"
        + "    \"kylin.hbase.region.count.max\" : \"10\"\n"
        + "  }\n"
        + "}"), json);
  }

  @Test
  void anAlreadyUpgradedDescIsLeftAlone() {
    Map<String, Resource> expected = InMemoryUpgrade.readFolder(TestData.expected(GoldenOutputTest.SAMPLE));
    SampleGroup group = new SampleGroup();
    group.desc = expected.get(SampleGroup.DESC);
    GroupResult result = group.convert();
    assertEquals(List.of(SampleGroup.MODEL), result.rewritten().stream().map(Resource::path).toList());
  }

  @Test
  void aDescOnV2StorageIsNotSwitchedAgain() {
    GroupResult result = new SampleGroup().editDesc(d -> d.put("engine_type", 2).put("storage_type", 2)).convert();
    assertFalse(change(result, SampleGroup.DESC).reasons().stream().anyMatch(r -> r.startsWith("engine_type")));
  }

  @Test
  void aModelWithDimensionsOnlyIsNotRederived() {
    GroupResult result = new SampleGroup().editModel(m ->
        m.putArray("dimensions").addObject().put("table", "DEFAULT.KYLIN_SALES").putArray("columns").add("PART_DT"))
        .convert();
    assertEquals(List.of(SampleGroup.DESC), result.rewritten().stream().map(Resource::path).toList());
  }

  @Test
  void aModelWithMetricsOnlyIsNotRederived() {
    GroupResult result = new SampleGroup().editModel(m -> m.putArray("metrics").add("PRICE")).convert();
    assertEquals(List.of(SampleGroup.DESC), result.rewritten().stream().map(Resource::path).toList());
  }

  @Test
  void aModelWithExplicitNullDimensionsAndMetricsIsDerived() {
    GroupResult result = new SampleGroup().editModel(m -> m.putNull("dimensions").putNull("metrics")
        .putNull("description")).convert();
    assertEquals(List.of("dimensions/metrics derived from cube desc kylin_sales_cube_desc"),
        change(result, SampleGroup.MODEL).reasons());
  }

  @Test
  void theModelPartitionStartIsCopiedIntoADescThatHasNone() {
    GroupResult result = new SampleGroup().editModel(m ->
        SampleGroup.at(m, "/partition_desc").put("partition_date_start", 1380000000000L)).convert();
    assertTrue(change(result, SampleGroup.DESC).reasons()
        .contains("partition_date_start 0 -> 1380000000000 (from model kylin_sales_model)"));
    assertTrue(rewritten(result, SampleGroup.DESC).text().contains("\"partition_date_start\" : 1380000000000,"));
  }

  @Test
  void aDescWithItsOwnPartitionStartKeepsIt() {
    GroupResult result = new SampleGroup()
        .editModel(m -> SampleGroup.at(m, "/partition_desc").put("partition_date_start", 1380000000000L))
        .editDesc(d -> d.put("partition_date_start", 1390000000000L)).convert();
    assertFalse(change(result, SampleGroup.DESC).reasons().stream().anyMatch(r -> r.startsWith("partition")));
    assertTrue(rewritten(result, SampleGroup.DESC).text().contains("\"partition_date_start\" : 1390000000000,"));
  }

  @Test
  void propertiesV2DoesNotKnowAreDroppedAndReported() {
    GroupResult result = new SampleGroup()
        .editDesc(d -> {
          d.put("legacy_flag", true);
          SampleGroup.at(d, "/dimensions/2").put("old/field", 1);
          SampleGroup.at(d, "/measures/0/function/parameter").put("colRefs", "x");
        })
        .editModel(m -> m.put("legacy~note", "x"))
        .convert();
    assertEquals(List.of("/dimensions/2/old~1field", "/measures/0/function/parameter/colRefs", "/legacy_flag"),
        change(result, SampleGroup.DESC).droppedProperties());
    assertEquals(List.of("/legacy~0note"), change(result, SampleGroup.MODEL).droppedProperties());
    assertFalse(rewritten(result, SampleGroup.DESC).text().contains("legacy_flag"));
    assertFalse(rewritten(result, SampleGroup.MODEL).text().contains("legacy"));
  }
}
