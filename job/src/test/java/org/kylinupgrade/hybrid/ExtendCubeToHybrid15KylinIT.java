package org.kylinupgrade.hybrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kylinupgrade.hybrid.Hybrid15Fixture.CUBE;
import static org.kylinupgrade.hybrid.Hybrid15Fixture.DESC;
import static org.kylinupgrade.hybrid.Hybrid15Fixture.PARTITION_DATE;
import static org.kylinupgrade.hybrid.Hybrid15Fixture.SHARERS;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kylinupgrade.TestData;
import org.kylinupgrade.kylin.KylinClient;
import org.kylinupgrade.kylin.KylinExtend;
import org.kylinupgrade.kylin.KylinHybrids;
import org.kylinupgrade.metadata.BadInputException;
import org.kylinupgrade.metadata.Resource;

/**
 * The expectations of {@code hybrid --to 1.5} derived from Kylin itself: Kylin 1.5.4.1's own
 * {@code ExtendCubeToHybridCLI} (from {@code kylin-storage-hbase}, run in a child JVM on a folder store, without HBase)
 * extends the same cube of the same folder, and its output is compared with the plan's, file by file, byte for byte
 * but the run's uuids and times. Kylin's tool runs to its last step, the ACL copy, which needs HBase and fails there:
 * the ACL copy is checked on a real HBase by {@code HybridJobIT}.
 */
class ExtendCubeToHybrid15KylinIT {
  @TempDir
  Path tmp;

  private Map<String, Resource> kylin(Path input, String project, String cube, String date) {
    Path out = tmp.resolve("kylin-out-" + cube);
    KylinExtend run = KylinClient.extendCubeToHybrid(input, out, project, cube, date);
    assertTrue(run.aclStepFailed(), "Kylin's tool runs to its ACL step: " + run.summary());
    return TestData.readFolder(out);
  }

  /** Without the cubes that share its desc, the cube's desc itself moves to engine 2: exactly Kylin's output. */
  @Test
  void aCubeWithItsOwnDescComesOutAsKylinWritesIt() {
    Path input = Hybrid15Fixture.copy(tmp.resolve("in"));
    for (String sharer : SHARERS) {
      Hybrid15Fixture.delete(input, "/cube/" + sharer + ".json");
    }
    HybridPlan plan = Hybrid15Fixture.plan(input, "default", CUBE, "2013-12-12", new FixedIds());
    assertEquals(null, plan.ownDesc());
    Map<String, Resource> in = TestData.readFolder(input);
    List<String> written = Hybrid15Fixture.assertSameOutput(in, kylin(input, "default", CUBE, "2013-12-12"),
        Hybrid15Fixture.applied(input, plan), "Kylin vs plan");
    assertEquals(List.of("/cube/" + CUBE + ".json", "/cube/" + CUBE + "_old.json", "/cube_desc/" + DESC + ".json",
        "/cube_desc/" + DESC + "_old.json", "/hybrid/" + CUBE + "_hybrid.json", "/project/default.json"), written);
  }

  /**
   * As the folder is, the cube's desc is shared with cubes that have segments: Kylin switches it to engine 2 under
   * them; here the emptied cube gets its own copy on engine 2, and everything else is Kylin's output.
   */
  @Test
  void aSharedDescStaysAndTheEmptiedCubeGetsItsOwnCopyEverythingElseAsKylinWritesIt() {
    Path input = Hybrid15Fixture.copy(tmp.resolve("in"));
    HybridPlan plan = Hybrid15Fixture.plan(input, "default", CUBE, null, new FixedIds());
    assertEquals(DESC + "_v2", plan.ownDesc());
    Map<String, Resource> in = TestData.readFolder(input);
    Map<String, Resource> kylin = kylin(input, "default", CUBE, null);
    Map<String, Resource> ours = Hybrid15Fixture.applied(input, plan);

    String cube = "/cube/" + CUBE + ".json";
    String desc = "/cube_desc/" + DESC + ".json";
    String ownDesc = "/cube_desc/" + DESC + "_v2.json";
    // Kylin's switch of the shared desc, undone; our own copy, seen as the switched desc it stands for
    Map<String, Resource> kylinCorrected = new java.util.TreeMap<>(kylin);
    ObjectNode switched = Hybrid15Fixture.tree(kylin.get(desc));
    kylinCorrected.put(desc, in.get(desc));
    kylinCorrected.put(cube, withField(kylin.get(cube), "descriptor", DESC + "_v2"));
    ObjectNode own = Hybrid15Fixture.tree(ours.get(ownDesc));
    for (String p : List.of("uuid", "last_modified", "name", "version", "signature")) {
      own.remove(p);
      switched.remove(p);
    }
    assertEquals(switched, own, "our own copy is Kylin's switched desc under another name, uuid and version");
    Map<String, Resource> oursWithoutOwn = new java.util.TreeMap<>(ours);
    oursWithoutOwn.remove(ownDesc);
    List<String> written = Hybrid15Fixture.assertSameOutput(in, kylinCorrected, oursWithoutOwn, "Kylin vs plan");
    assertEquals(List.of(cube, "/cube/" + CUBE + "_old.json", "/cube_desc/" + DESC + "_old.json",
        "/hybrid/" + CUBE + "_hybrid.json", "/project/default.json"), written);
    // Kylin's switch leaves the other cubes' segments on a desc that no longer describes them
    assertEquals(2, switched.get("engine_type").asInt());
    assertEquals(0, Hybrid15Fixture.tree(ours.get(desc)).get("engine_type").asInt());
  }

  /**
   * Every property of the entities the tool re-saves or copies, with values the 1.5 folder does not have: segments
   * with additional info, shard numbers, row key statistics, a second (NEW) segment; a cube and a desc without a
   * version label; overriding properties; projects with tables, filters and models, another project that lists the
   * old cube's name already; the date as epoch milliseconds.
   */
  @Test
  void everyPropertyComesOutAsKylinWritesIt() {
    Path input = Hybrid15Fixture.copy(tmp.resolve("in"));
    for (String sharer : SHARERS) {
      Hybrid15Fixture.delete(input, "/cube/" + sharer + ".json");
    }
    long end = 1389484800000L;
    Hybrid15Fixture.edit(input, "/cube/" + CUBE + ".json", cube -> {
      cube.remove("version");
      cube.put("owner", "ADMIN");
      cube.put("cost", 70);
      cube.put("create_time_utc", 1400000000000L);
      ObjectNode first = (ObjectNode) cube.get("segments").get(0);
      first.putObject("additionalInfo").put("zz", "1").put("a", "2").put("key3", "v");
      first.putObject("cuboid_shard_nums").put("255", 3).put("7", 1);
      first.put("total_shards", 4);
      first.putArray("blackout_cuboids").add(3).add(1);
      ArrayNode stats = first.putArray("rowkey_stats");
      stats.addArray().add("CAL_DT").add(10).add(1.5);
      stats.addArray().add("SELLER_ID").add(3000000000L).add(2.0);
      first.put("index_path", "/kylin/index");
      first.put("input_records", 5);
      first.put("input_records_size", 9);
      first.put("create_time_utc", 123);
      ObjectNode second = first.deepCopy();
      second.put("uuid", "2f4668f6-dcff-4cb6-a89b-77f1119df8fa");
      second.put("name", "20131212000000_20140112000000");
      second.put("storage_location_identifier", "KYLIN_SECOND");
      second.put("date_range_start", PARTITION_DATE);
      second.put("date_range_end", end);
      second.put("status", "NEW");
      second.remove("additionalInfo");
      ((ArrayNode) cube.get("segments")).add(second);
    });
    Hybrid15Fixture.edit(input, "/cube_desc/" + DESC + ".json", desc -> {
      desc.remove("version");
      desc.putObject("override_kylin_properties").put("kylin.hbase.region.count.max", "5").put("a.b", "c");
      desc.putArray("notify_list").add("x@example.com");
      desc.putArray("status_need_notify").add("ERROR").add("DISCARDED");
      desc.putArray("auto_merge_time_ranges").add(604800000L).add(2419200000L);
      desc.put("retention_range", 7);
    });
    Hybrid15Fixture.edit(input, "/project/default.json", project -> {
      project.putArray("tables").add("EDW.TEST_SITES").add("DEFAULT.TEST_KYLIN_FACT").add("EDW.TEST_CAL_DT")
          .add("DEFAULT.TEST_CATEGORY_GROUPINGS").add("EDW.TEST_SELLER_TYPE_DIM");
      project.putArray("ext_filters").add("f2").add("f1");
      project.putArray("models").add("test_kylin_with_slr_model_desc");
      project.put("owner", "ADMIN");
      project.put("status", "ENABLED");
      project.put("description", "d");
      project.put("create_time_utc", 5);
      project.put("last_update_time", "2016-01-01 00:00:00");
    });
    Hybrid15Fixture.edit(input, "/project/onlyinner.json", project -> {
      ArrayNode realizations = (ArrayNode) project.get("realizations");
      realizations.addObject().put("type", "CUBE").put("realization", (CUBE + "_OLD").toUpperCase());
      realizations.addObject().put("type", "INVERTED_INDEX").put("realization", CUBE + "_old");
    });
    String date = Long.toString(end);
    HybridPlan plan = Hybrid15Fixture.plan(input, "DEFAULT", CUBE, date, new FixedIds());
    Map<String, Resource> in = TestData.readFolder(input);
    List<String> written = Hybrid15Fixture.assertSameOutput(in, kylin(input, "DEFAULT", CUBE, date),
        Hybrid15Fixture.applied(input, plan), "Kylin vs plan");
    assertEquals(List.of("/cube/" + CUBE + ".json", "/cube/" + CUBE + "_old.json", "/cube_desc/" + DESC + ".json",
        "/cube_desc/" + DESC + "_old.json", "/hybrid/" + CUBE + "_hybrid.json", "/project/default.json",
        "/project/onlyinner.json"), written);
    assertEquals(2, Hybrid15Fixture.tree(Hybrid15Fixture.applied(input, plan).get("/cube/" + CUBE + "_old.json"))
        .get("segments").size());
  }

  /** Where Kylin refuses before it writes anything, so does the plan. */
  @Test
  void whatKylinRefusesUpFrontIsRefused() {
    Path input = Hybrid15Fixture.copy(tmp.resolve("in"));
    Map<String, Resource> in = TestData.readFolder(input);
    // a full build: Kylin's CubeValidator throws in createCube, before its first write
    String fullBuild = "test_kylin_cube_with_slr_left_join_ready";
    Path fullBuildOut = tmp.resolve("kylin-out-full-build");
    KylinExtend threw = KylinClient.extendCubeToHybrid(input, fullBuildOut, "default", fullBuild, null);
    assertTrue(threw.outcome() == KylinExtend.Outcome.THREW && threw.thrown().contains("Invalid segment"),
        threw.summary());
    assertUnchanged(in, TestData.readFolder(fullBuildOut));
    assertRefused(input, fullBuild, null, "full build");
    // a date that is not the end of the last segment: Kylin logs it and returns
    Path out = tmp.resolve("kylin-out-date");
    KylinExtend run = KylinClient.extendCubeToHybrid(input, out, "default", CUBE, "2013-12-11");
    assertTrue(run.errors().contains("PartitionDate must be end date of one segment."), run.summary());
    assertUnchanged(in, TestData.readFolder(out));
    assertRefused(input, CUBE, "2013-12-11", "must be the end of its last segment");
  }

  /**
   * A desc Kylin 1.5 loads but its {@code CubeMetadataValidator} refuses: Kylin writes the old cube, leaves its desc
   * unsaved and carries on, so the old cube has no desc. The plan refuses it before writing anything.
   */
  @Test
  void aDescKylinsValidatorRefusesIsRefusedWhereKylinWritesHalfOfIt() {
    Path input = Hybrid15Fixture.copy(tmp.resolve("in"));
    Hybrid15Fixture.edit(input, "/cube_desc/" + DESC + ".json", desc -> {
      ObjectNode function = (ObjectNode) desc.get("measures").get(4).get("function");
      function.put("expression", "COUNT");
      function.putObject("parameter").put("type", "constant").put("value", "1").putNull("next_parameter");
    });
    Map<String, Resource> kylin = kylin(input, "default", CUBE, null);
    assertTrue(kylin.containsKey("/cube/" + CUBE + "_old.json"), "Kylin wrote the old cube");
    assertFalse(kylin.containsKey("/cube_desc/" + DESC + "_old.json"), "but not its desc");
    assertEquals(0, Hybrid15Fixture.tree(kylin.get("/cube_desc/" + DESC + ".json")).get("engine_type").asInt(),
        "nor the switched desc");
    assertRefused(input, CUBE, null, "Must define one and only one count(1) function, but there are 2");
  }

  /** The output loads in Kylin 1.5.4.1: every desc with a valid signature, every cube with its desc, the hybrid too. */
  @Test
  void theOutputLoadsInKylin() throws java.io.IOException {
    Path input = Hybrid15Fixture.copy(tmp.resolve("in"));
    HybridPlan plan = Hybrid15Fixture.plan(input, "default", CUBE, null, new FixedIds());
    Path out = tmp.resolve("out");
    for (Map.Entry<String, Resource> e : Hybrid15Fixture.applied(input, plan).entrySet()) {
      Path file = out.resolve(e.getKey().substring(1));
      java.nio.file.Files.createDirectories(file.getParent());
      java.nio.file.Files.write(file, e.getValue().content());
    }
    org.kylinupgrade.kylin.KylinLoad before = KylinClient.load(KylinClient.Version.V1_5_4_1, input);
    org.kylinupgrade.kylin.KylinLoad load = KylinClient.load(KylinClient.Version.V1_5_4_1, out);
    assertEquals(before.loadedDescCount() + 2, load.loadedDescCount(), load.summary());
    assertTrue(load.descs().stream().allMatch(d -> d.loaded() && d.signatureOk()), load.summary());
    for (String name : List.of(CUBE, CUBE + "_old")) {
      assertTrue(load.cube(name).orElseThrow().descFound(), name + ": " + load.summary());
    }
    assertEquals(1, load.cube(CUBE + "_old").orElseThrow().segments());
    assertEquals("DISABLED", load.cube(CUBE).orElseThrow().status());
    assertEquals(2, load.desc(DESC + "_v2").orElseThrow().engineType());
    assertEquals(0, load.desc(DESC + "_old").orElseThrow().engineType());
    assertEquals(before.cubesWithoutDesc(), load.cubesWithoutDesc(), "the five cubes whose descs are absent");
    KylinHybrids hybrids = KylinClient.hybrids(out);
    KylinHybrids.Hybrid hybrid = hybrids.hybrid(CUBE + "_hybrid").orElseThrow();
    assertTrue(hybrid.loaded(), hybrid.message());
    assertEquals(Map.of("CUBE:" + CUBE, true, "CUBE:" + CUBE + "_old", true), hybrid.entries());
    assertEquals(List.of(CUBE + "_old"), hybrid.realizations(), "the emptied cube is disabled, so not queried");
  }

  private static Resource withField(Resource resource, String field, String value) {
    String text = new String(resource.content(), java.nio.charset.StandardCharsets.UTF_8);
    String changed = text.replaceFirst("(?m)^  \"" + field + "\" : \"[^\"]*\"", "  \"" + field + "\" : \"" + value
        + "\"");
    assertFalse(changed.equals(text), field);
    return Resource.ofText(resource.path(), changed, resource.timestamp());
  }

  private static void assertUnchanged(Map<String, Resource> in, Map<String, Resource> out) {
    assertEquals(in.keySet(), out.keySet());
    for (String path : in.keySet()) {
      assertEquals(new String(in.get(path).content()), new String(out.get(path).content()), path);
    }
  }

  private static void assertRefused(Path input, String cube, String date, String why) {
    BadInputException e = org.junit.jupiter.api.Assertions.assertThrows(BadInputException.class,
        () -> Hybrid15Fixture.plan(input, "default", cube, date, new FixedIds()));
    assertTrue(e.getMessage().contains(why), e.getMessage());
  }
}
