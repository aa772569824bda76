package org.kylinupgrade.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.kylinupgrade.metadata.Resource;

/** Descs Kylin v2 refuses to load are reported and left alone; bytes that are no JSON object are bad input. */
class UnloadableDescTest {

  /** Converts the group and checks the desc (at {@code descPath}) and its cube are reported and untouched. */
  private static String unloadableReason(SampleGroup group) {
    GroupResult result = group.convert();
    assertEquals(List.of(), result.rewritten(), "nothing may be rewritten");
    assertEquals(List.of(), result.changes());
    List<Problem> descProblems = result.unloadable().stream()
        .filter(p -> p.path().equals(group.desc.path())).collect(Collectors.toList());
    assertEquals(1, descProblems.size(), result.unloadable().toString());
    String reason = descProblems.get(0).reason();
    assertTrue(reason.contains(group.desc.path()), reason);
    assertTrue(result.unloadable().stream().anyMatch(p -> p.path().equals(SampleGroup.CUBE)), result.toString());
    return reason;
  }

  @Test
  void theSampleItselfLoads() {
    assertEquals(List.of(), new SampleGroup().convert().unloadable());
  }

  @Test
  void bitmapReturnType() {
    String reason = unloadableReason(new SampleGroup().editDesc(d ->
        SampleGroup.at(d, "/measures/4/function").put("returntype", "bitmap")));
    assertTrue(reason.contains("bad data type -- bitmap"), reason);
  }

  @Test
  void commaJoinedParameter() {
    String reason = unloadableReason(new SampleGroup().editDesc(d ->
        SampleGroup.at(d, "/measures/4/function/parameter").put("value", "SELLER_ID,LSTG_FORMAT_NAME")));
    assertTrue(reason.contains("SELLER_ID,LSTG_FORMAT_NAME"), reason);
  }

  @Test
  void fileNameDiffersFromDescName() {
    String reason = unloadableReason(new SampleGroup().moveDesc("/cube_desc/another_name.json"));
    assertTrue(reason.contains("should be at /cube_desc/kylin_sales_cube_desc.json"), reason);
  }

  @Test
  void descNameDiffersOnlyInCaseFromFileName() {
    String reason = unloadableReason(new SampleGroup().moveDesc("/cube_desc/KYLIN_SALES_CUBE_DESC.json"));
    assertTrue(reason.contains("Skip suspicious desc"), reason);
  }

  @Test
  void blankName() {
    String reason = unloadableReason(new SampleGroup().editDesc(d -> d.put("name", "  ")));
    assertTrue(reason.contains("name must not be blank"), reason);
  }

  @Test
  void missingModel() {
    SampleGroup group = new SampleGroup();
    group.model = null;
    String reason = unloadableReason(group);
    assertTrue(reason.contains("No data model found with name 'kylin_sales_model'"), reason);
  }

  @Test
  void noModelName() {
    String reason = unloadableReason(new SampleGroup().editDesc(d -> d.remove("model_name")));
    assertTrue(reason.contains("doesn't have data model specified"), reason);
  }

  @Test
  void modelThatV2CannotLoad() {
    String reason = unloadableReason(new SampleGroup().editModel(m ->
        SampleGroup.at(m, "/partition_desc").put("partition_date_start", "2016-01-01")));
    assertTrue(reason.contains("No data model found") && reason.contains(SampleGroup.MODEL), reason);
  }

  @Test
  void rowKeyCountMismatch() {
    String reason = unloadableReason(new SampleGroup().editDesc(d ->
        d.withArray("/rowkey/rowkey_columns").addObject().put("column", "lstg_site_id").put("length", 0)));
    assertTrue(reason.contains("RowKey columns count (8) does not match dimension columns count (7)"), reason);
  }

  @Test
  void nonNumericPartitionDate() {
    String reason = unloadableReason(new SampleGroup().editDesc(d -> d.put("partition_date_start", "2016-01-01")));
    assertTrue(reason.contains("does not bind"), reason);
  }

  @Test
  void unknownDimensionColumn() {
    String reason = unloadableReason(new SampleGroup().editDesc(d ->
        SampleGroup.at(d, "/dimensions/3").putArray("column").add("NO_SUCH_COLUMN")));
    assertTrue(reason.contains("No column 'NO_SUCH_COLUMN'"), reason);
  }

  @Test
  void derivedOnTheFactTable() {
    String reason = unloadableReason(new SampleGroup().editDesc(d ->
        SampleGroup.at(d, "/dimensions/3").putArray("derived").add("PRICE")));
    assertTrue(reason.contains("Derived can only be defined on lookup table"), reason);
  }

  @Test
  void holisticCountDistinctWithoutDependentMeasure() {
    String reason = unloadableReason(new SampleGroup().editDesc(d ->
        SampleGroup.at(d, "/measures/4/function").put("returntype", "bigint")));
    assertTrue(reason.contains("holistic count distinct"), reason);
  }

  @Test
  void hbaseMappingNamesAnUnknownMeasure() {
    String reason = unloadableReason(new SampleGroup().editDesc(d ->
        d.withArray("/hbase_mapping/column_family/0/columns/0/measure_refs").add("no_such_measure")));
    assertTrue(reason.contains("NO_SUCH_MEASURE"), reason);
  }

  @Test
  void aWrongJsonShape() {
    String reason = unloadableReason(new SampleGroup().editDesc(d -> d.put("dimensions", "CAL_DT")));
    assertTrue(reason.contains("does not bind"), reason);
  }

  @Test
  void nonJsonDescIsBadInput() {
    SampleGroup group = new SampleGroup();
    group.desc = new Resource(SampleGroup.DESC, "{ \"name\" : ".getBytes(StandardCharsets.UTF_8), 1L);
    NotAJsonObjectException e = assertThrows(NotAJsonObjectException.class, group::convert);
    assertEquals(SampleGroup.DESC, e.path());
    assertTrue(e.getMessage().contains(SampleGroup.DESC), e.getMessage());
    assertThrows(NotAJsonObjectException.class, () -> UpgradeRules.modelNameOfDesc(group.desc));
  }

  @Test
  void emptyDescIsBadInput() {
    Resource empty = new Resource(SampleGroup.DESC, new byte[0], 1L);
    NotAJsonObjectException e = assertThrows(NotAJsonObjectException.class, () -> UpgradeRules.modelNameOfDesc(empty));
    assertEquals(SampleGroup.DESC, e.path());
    SampleGroup group = new SampleGroup();
    group.desc = empty;
    assertThrows(NotAJsonObjectException.class,
        () -> UpgradeRules.convertGroup("kylin_sales_model", group.model, List.of(empty), List.of(group.cube),
            group.tables(), UpgradeOptions.of(1L)));
  }

  @Test
  void jsonThatIsNoObjectIsBadInput() {
    Resource array = new Resource(SampleGroup.CUBE, "[ 1, 2 ]".getBytes(StandardCharsets.UTF_8), 1L);
    NotAJsonObjectException e = assertThrows(NotAJsonObjectException.class, () -> UpgradeRules.descNameOfCube(array));
    assertEquals(SampleGroup.CUBE, e.path());
  }

  /** The first in HBase row key order (byte order of the paths) wins, as in {@code reloadAllCubeDesc}. */
  @Test
  void aDuplicateNameDifferingInCaseKeepsTheFirstByPath() {
    SampleGroup group = new SampleGroup();
    Resource upper = SampleGroup.edited(group.desc, "/cube_desc/KYLIN_SALES_CUBE_DESC.json",
        d -> d.put("name", "KYLIN_SALES_CUBE_DESC"));
    GroupResult result = UpgradeRules.convertGroup("kylin_sales_model", group.model, List.of(group.desc, upper),
        List.of(group.cube), group.tables(), UpgradeOptions.of(1L));
    assertEquals(List.of(SampleGroup.DESC), result.unloadable().stream().map(Problem::path).toList());
    assertEquals(List.of(upper.path(), SampleGroup.MODEL), result.rewritten().stream().map(Resource::path).toList());
    assertTrue(result.unloadable().get(0).reason().contains("Dup CubeDesc name"));
  }
}
