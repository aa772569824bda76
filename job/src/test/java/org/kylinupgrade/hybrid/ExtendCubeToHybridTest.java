package org.kylinupgrade.hybrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.kylinupgrade.TestData;
import org.kylinupgrade.metadata.BadInputException;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.rules.Signature;
import org.kylinupgrade.rules.UpgradeRules;
import org.kylinupgrade.rules.UpgradeTarget;
import org.kylinupgrade.rules.V15Load;

/**
 * ExtendCubeToHybridCLI on Kylin's own upgrades of the 1.3.0 test metadata, checked resource by resource: Kylin
 * 1.4-alpha's tool on its v2 output, Kylin 1.5.4.1's tool on its 1.5 output (the latter is compared with Kylin's own
 * tool by {@code ExtendCubeToHybrid15KylinIT}): names, segment split, the writes and their JSON, and every refusal.
 */
class ExtendCubeToHybridTest {
  static final String CUBE = "test_kylin_cube_with_slr_ready_2_segments";
  static final String DESC = "test_kylin_cube_with_slr_desc";
  static final long NOW = FixedIds.NOW;
  static final long LAST_SEGMENT_END = 1386835200000L;
  private static final ObjectMapper JSON = new ObjectMapper();

  final Map<String, Resource> metadata = read(TestData.expected("kylin-1.3.0-localmeta"));

  static Map<String, Resource> read(Path folder) {
    return org.kylinupgrade.TestData.readFolder(folder);
  }

  /** Kylin 1.4-alpha's tool, on its format. */
  HybridPlan plan(String project, String cube, String date) {
    return ExtendCubeToHybrid.plan(HybridInput.of(new ArrayList<>(metadata.values())), UpgradeTarget.V1_4_ALPHA,
        project, cube, date, new FixedIds());
  }

  void edit(String path, Consumer<ObjectNode> change) {
    ObjectNode tree = tree(metadata.get(path));
    change.accept(tree);
    metadata.put(path, Resource.ofText(path, tree.toString(), 1L));
  }

  static ObjectNode tree(Resource resource) {
    try {
      return (ObjectNode) JSON.readTree(resource.content());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, HybridPlan.Write> byPath(HybridPlan plan) {
    Map<String, HybridPlan.Write> writes = new TreeMap<>();
    plan.writes().forEach(w -> writes.put(w.after().path(), w));
    return writes;
  }

  static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** The signature Kylin computes: its recorded pre-hash string for the desc, under another name. */
  static String kylinSignatureRenamed(String desc, String newName) throws IOException {
    for (String line : Files.readAllLines(TestData.expected("kylin-1.3.0-localmeta.signatures.tsv"))) {
      String[] cols = line.split("\t");
      if (cols[0].equals(desc)) {
        return Signature.ofPreHash(newName + cols[3].substring(desc.length())).value();
      }
    }
    throw new IllegalArgumentException(desc);
  }

  /** The desc as written after the upgrade, without the properties the hybrid step rewrites. */
  static ObjectNode withoutRewritten(ObjectNode desc, String... more) {
    ObjectNode copy = desc.deepCopy();
    for (String p : List.of("uuid", "name", "signature", "last_modified")) {
      copy.remove(p);
    }
    for (String p : more) {
      copy.remove(p);
    }
    return copy;
  }

  @Test
  void aDescSharedWithCubesThatHaveSegmentsStaysAndTheEmptiedCubeGetsItsOwn() throws IOException {
    HybridPlan plan = plan("default", CUBE, null);
    String oldCube = CUBE + "_old";
    assertEquals(List.of("/cube/" + oldCube + ".json", "/cube_desc/" + DESC + "_old.json",
        "/cube_desc/" + DESC + "_v2.json", "/cube/" + CUBE + ".json", "/hybrid/" + CUBE + "_hybrid.json",
        "/project/default.json"), plan.writes().stream().map(w -> w.after().path()).toList());
    assertEquals(LAST_SEGMENT_END, plan.partitionDate());
    assertTrue(plan.writes().stream().allMatch(w -> w.after().timestamp() == NOW));
    assertEquals(DESC + "_v2", plan.ownDesc());
    assertTrue(plan.notes().get(0).contains("test_kylin_cube_with_slr_1_new_segment"), plan.notes().toString());
    Map<String, HybridPlan.Write> writes = byPath(plan);
    ObjectNode original = tree(metadata.get("/cube/" + CUBE + ".json"));
    ObjectNode originalDesc = tree(metadata.get("/cube_desc/" + DESC + ".json"));

    // 1: the old cube holds the segments, under a new uuid and creation time
    ObjectNode old = tree(writes.get("/cube/" + oldCube + ".json").after());
    assertEquals(List.of("uuid", "name", "owner", "version", "cost", "status", "segments", "last_modified", "descriptor",
        "create_time_utc", "size_kb", "input_records_count", "input_records_size"), fieldNames(old));
    assertEquals("00000000-0000-0000-0000-000000000000", old.get("uuid").asText());
    assertEquals(plan.oldCubeUuid(), old.get("uuid").asText());
    assertEquals(oldCube, old.get("name").asText());
    assertEquals(DESC + "_old", old.get("descriptor").asText());
    assertEquals("READY", old.get("status").asText());
    assertEquals(NOW, old.get("create_time_utc").asLong());
    assertEquals(NOW, old.get("last_modified").asLong());
    assertEquals(15602, old.get("size_kb").asLong(), "sum over the READY segments");
    ArrayNode segments = (ArrayNode) old.get("segments");
    assertEquals(2, segments.size());
    for (int i = 0; i < 2; i++) {
      JsonNode before = original.get("segments").get(i);
      JsonNode after = segments.get(i);
      for (String p : List.of("name", "storage_location_identifier", "date_range_start", "date_range_end", "status",
          "size_kb", "last_build_time", "last_build_job_id", "binary_signature", "dictionaries", "snapshots")) {
        assertEquals(before.get(p), after.get(p), p);
      }
      assertEquals(JSON.readTree("{}"), after.get("cuboid_shard_nums"));
      assertEquals(0, after.get("total_shards").asInt());
    }

    // 3: the old cube's desc: a copy with a new name, uuid and signature, ending at the partition date
    ObjectNode oldDesc = tree(writes.get("/cube_desc/" + DESC + "_old.json").after());
    assertEquals(fieldNames(originalDesc), fieldNames(oldDesc));
    assertEquals(withoutRewritten(originalDesc, "partition_date_end"),
        withoutRewritten(oldDesc, "partition_date_end"));
    assertEquals(DESC + "_old", oldDesc.get("name").asText());
    assertEquals("00000000-0000-0000-0000-000000000001", oldDesc.get("uuid").asText());
    assertEquals(LAST_SEGMENT_END, oldDesc.get("partition_date_end").asLong());
    assertEquals(0, oldDesc.get("engine_type").asInt());
    assertEquals(kylinSignatureRenamed(DESC, DESC + "_old"), oldDesc.get("signature").asText());
    assertEquals(NOW, oldDesc.get("last_modified").asLong());

    // 4, instead of switching the shared desc: the emptied cube's own desc on engine/storage 2
    ObjectNode own = tree(writes.get("/cube_desc/" + DESC + "_v2.json").after());
    assertEquals(withoutRewritten(originalDesc, "partition_date_start", "engine_type", "storage_type"),
        withoutRewritten(own, "partition_date_start", "engine_type", "storage_type"));
    assertEquals(LAST_SEGMENT_END, own.get("partition_date_start").asLong());
    assertEquals(2, own.get("engine_type").asInt());
    assertEquals(2, own.get("storage_type").asInt());
    assertEquals(kylinSignatureRenamed(DESC, DESC + "_v2"), own.get("signature").asText());

    // 5: the cube, emptied and disabled, same uuid
    ObjectNode cube = tree(writes.get("/cube/" + CUBE + ".json").after());
    assertTrue(writes.get("/cube/" + CUBE + ".json").after().text().contains("\"segments\" : [ ],"));
    assertEquals(original.get("uuid"), cube.get("uuid"));
    assertEquals(plan.cubeUuid(), cube.get("uuid").asText());
    assertEquals("DISABLED", cube.get("status").asText());
    assertEquals(DESC + "_v2", cube.get("descriptor").asText());
    assertEquals(0, cube.get("size_kb").asLong());

    // 6: the hybrid, exactly as Kylin writes it
    assertEquals("{\n"
        + "  \"uuid\" : \"00000000-0000-0000-0000-000000000003\",\n"
        + "  \"name\" : \"" + CUBE + "_hybrid\",\n"
        + "  \"cost\" : 50,\n"
        + "  \"last_modified\" : " + NOW + ",\n"
        + "  \"realizations\" : [ {\n"
        + "    \"type\" : \"CUBE\",\n"
        + "    \"realization\" : \"" + CUBE + "\"\n"
        + "  }, {\n"
        + "    \"type\" : \"CUBE\",\n"
        + "    \"realization\" : \"" + oldCube + "\"\n"
        + "  } ]\n"
        + "}", writes.get("/hybrid/" + CUBE + "_hybrid.json").after().text());

    // 7: the project lists the old cube and the hybrid after what it listed
    ObjectNode project = tree(writes.get("/project/default.json").after());
    assertEquals(List.of("uuid", "name", "tables", "owner", "status", "description", "models", "last_modified",
        "create_time_utc", "last_update_time", "realizations"), fieldNames(project));
    ArrayNode realizations = (ArrayNode) project.get("realizations");
    assertEquals(9, realizations.size());
    assertEquals(JSON.readTree("{\"type\":\"CUBE\",\"realization\":\"" + oldCube + "\"}"), realizations.get(7));
    assertEquals(JSON.readTree("{\"type\":\"HYBRID\",\"realization\":\"" + CUBE + "_hybrid\"}"), realizations.get(8));
    assertEquals("1eaca32a-a33e-4b69-83dd-0bb8b1f8c91b", plan.projectUuid());
    assertTrue(writes.values().stream().filter(w -> !w.creates()).allMatch(w -> metadata.get(w.after().path()) == w.before()));
  }

  @Test
  void aDescNoOtherCubeWithSegmentsUsesIsSwitchedInPlace() throws IOException {
    metadata.remove("/cube/test_kylin_cube_with_slr_ready.json");
    metadata.remove("/cube/test_kylin_cube_with_slr_1_new_segment.json");
    HybridPlan plan = plan("onlyinner", CUBE, "2013-12-12 08:00:00");
    assertNull(plan.ownDesc());
    Map<String, HybridPlan.Write> writes = byPath(plan);
    ObjectNode originalDesc = tree(metadata.get("/cube_desc/" + DESC + ".json"));
    HybridPlan.Write descWrite = writes.get("/cube_desc/" + DESC + ".json");
    assertEquals(metadata.get("/cube_desc/" + DESC + ".json"), descWrite.before());
    ObjectNode desc = tree(descWrite.after());
    assertEquals(withoutRewritten(originalDesc, "partition_date_start", "engine_type", "storage_type"),
        withoutRewritten(desc, "partition_date_start", "engine_type", "storage_type"));
    assertEquals(originalDesc.get("uuid"), desc.get("uuid"));
    assertEquals(LAST_SEGMENT_END, desc.get("partition_date_start").asLong());
    assertEquals(2, desc.get("engine_type").asInt());
    assertEquals(2, desc.get("storage_type").asInt());
    assertEquals(kylinSignatureRenamed(DESC, DESC), desc.get("signature").asText(), "content unchanged, so is it");
    assertEquals(DESC, tree(writes.get("/cube/" + CUBE + ".json").after()).get("descriptor").asText());
    assertTrue(plan.notes().get(0).contains("test_kylin_cube_with_slr_empty"), plan.notes().toString());
    assertEquals(List.of("/cube/" + CUBE + "_old.json", "/cube_desc/" + DESC + "_old.json", "/cube_desc/" + DESC + ".json",
        "/cube/" + CUBE + ".json", "/hybrid/" + CUBE + "_hybrid.json", "/project/onlyinner.json"),
        plan.writes().stream().map(w -> w.after().path()).toList());
  }

  @Test
  void takenNamesGetAnotherSuffixAndStaleProjectEntriesMove() {
    metadata.put("/cube/" + CUBE + "_old.json", Resource.ofText("/cube/" + CUBE + "_old.json",
        "{\"name\":\"" + CUBE.toUpperCase() + "_OLD\",\"descriptor\":\"x\"}", 1L));
    metadata.put("/cube_desc/" + DESC + "_old.json", Resource.ofText("/cube_desc/" + DESC + "_old.json",
        "{\"name\":\"" + DESC + "_old\"}", 1L));
    edit("/project/onlyleft.json", p -> p.withArray("realizations").addObject().put("type", "CUBE")
        .put("realization", CUBE + "_OLD_old"));
    HybridPlan plan = plan("DEFAULT", CUBE, String.valueOf(LAST_SEGMENT_END));
    assertEquals(CUBE + "_old_old", plan.oldCube());
    assertEquals(DESC + "_old_old", plan.oldDesc());
    assertEquals("default", plan.project());
    HybridPlan.Write onlyleft = byPath(plan).get("/project/onlyleft.json");
    assertEquals(2, tree(onlyleft.after()).get("realizations").size(), "the stale entry is removed");
  }

  @Test
  void badInputIsRefusedBeforeAnythingIsWritten() {
    assertRefused("unknown project 'nope'", () -> plan("nope", CUBE, null));
    assertRefused("cube 'nope' does not exist", () -> plan("default", "nope", null));
    assertRefused("has no segments", () -> plan("default", "test_kylin_cube_with_slr_empty", null));
    assertRefused("cannot be loaded by Kylin v2: bad data type -- bitmap",
        () -> plan("default", "test_kylin_cube_without_slr_ready", null));
    assertRefused("the end of its last segment, 2013-12-12 08:00:00 (1386835200000 ms)",
        () -> plan("default", CUBE, "2013-11-12"));
    assertRefused("neither a date", () -> plan("default", CUBE, "2013-02-30"));
    assertRefused("a full build", () -> plan("default", "test_kylin_cube_with_slr_left_join_ready", null));
    metadata.put("/hybrid/" + CUBE + "_hybrid.json", Resource.ofText("/hybrid/" + CUBE + "_hybrid.json", "{}", 1L));
    assertRefused("exists already", () -> plan("default", CUBE, null));
    metadata.remove("/hybrid/" + CUBE + "_hybrid.json");
    edit("/model_desc/test_kylin_with_slr_model_desc.json",
        m -> ((ObjectNode) m.get("partition_desc")).putNull("partition_date_column"));
    assertRefused("is not incremental", () -> plan("default", CUBE, null));
  }

  @Test
  void aCubeAlreadyOnV2StorageIsRefused() {
    edit("/cube_desc/" + DESC + ".json", d -> d.put("engine_type", 2).put("storage_type", 2));
    assertRefused("engine 2 / storage 2 already", () -> plan("default", CUBE, null));
  }

  private static void assertRefused(String message, org.junit.jupiter.api.function.Executable plan) {
    BadInputException e = assertThrows(BadInputException.class, plan);
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }

  @Test
  void theAclCopyRewritesOnlyTheParent() {
    List<org.kylinupgrade.metadata.AclCell> row = List.of(
        cell("a", "ADMIN", "{\"sidInfo\":{\"sid\":\"ADMIN\",\"principal\":true},\"permissionMask\":16}"),
        cell("i", "o", "{\"sid\":\"ADMIN\",\"principal\":true}"),
        cell("i", "p", "{\"id\":\"other\",\"type\":\"org.apache.kylin.metadata.project.ProjectInstance\"}"),
        new org.kylinupgrade.metadata.AclCell("i", "i", new byte[] {-1}),
        cell("i", "t", "org.apache.kylin.cube.CubeInstance"));
    List<org.kylinupgrade.metadata.AclCell> copy = AclCopy.of(row, "P-UUID");
    assertEquals(row.stream().filter(c -> !c.is("i", "p")).toList(),
        copy.stream().filter(c -> !c.is("i", "p")).toList());
    assertEquals(cell("i", "p", "{\"id\":\"P-UUID\",\"type\":\"org.apache.kylin.metadata.project.ProjectInstance\"}"),
        copy.get(2));
  }

  private static org.kylinupgrade.metadata.AclCell cell(String family, String qualifier, String value) {
    return new org.kylinupgrade.metadata.AclCell(family, qualifier, value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void partitionDatesParseInTheModelFormatKylinsPatternsOrEpochMillis() {
    assertEquals(1384214400000L, PartitionDate.parse("2013-11-12", "yyyy-MM-dd"));
    assertEquals(1384214400000L, PartitionDate.parse("20131112", "yyyyMMdd"));
    assertEquals(1384218000000L, PartitionDate.parse("2013-11-12 01:00:00", "yyyyMMdd"));
    assertEquals(1384214400000L, PartitionDate.parse("1384214400000", "yyyy-MM-dd"));
    assertThrows(BadInputException.class, () -> PartitionDate.parse("12/11/2013", "yyyy-MM-dd"));
  }


  // Kylin 1.5.4.1's tool, on the 1.5 format --------------------------------------------------------------------------

  static final String CUBE15 = Hybrid15Fixture.CUBE;
  static final long END15 = Hybrid15Fixture.PARTITION_DATE;
  final Map<String, Resource> metadata15 = read(Hybrid15Fixture.source());

  HybridPlan plan15(String project, String cube, String date) {
    return ExtendCubeToHybrid.plan(HybridInput.of(new ArrayList<>(metadata15.values())), UpgradeTarget.V1_5, project,
        cube, date, new FixedIds());
  }

  @Test
  void aDescAboveTheOperatorsLimitOfCombinationsIsRefusedAsKylin15WouldRefuseIt() {
    int needed = org.kylinupgrade.CombinationLimits.needed(
        tree(metadata15.get("/cube_desc/" + Hybrid15Fixture.DESC + ".json")));
    assertRefused("has too many combinations", () -> ExtendCubeToHybrid.plan(
        HybridInput.of(new ArrayList<>(metadata15.values())), UpgradeTarget.V1_5, needed - 1, "default", CUBE15, null,
        new FixedIds()));
    assertEquals(CUBE15, ExtendCubeToHybrid.plan(HybridInput.of(new ArrayList<>(metadata15.values())),
        UpgradeTarget.V1_5, needed, "default", CUBE15, null, new FixedIds()).cube());
  }

  void edit15(String path, Consumer<ObjectNode> change) {
    ObjectNode tree = tree(metadata15.get(path));
    change.accept(tree);
    metadata15.put(path, Resource.ofText(path, tree.toString(), 1L));
  }

  /** Kylin 1.5 loads the written desc (with the model and tables of the input) and its signature is right. */
  void assertLoadsSigned15(Resource desc) {
    Resource model = metadata15.get("/model_desc/" + tree(desc).get("model_name").asText() + ".json");
    List<Resource> tables = metadata15.values().stream().filter(r -> r.path().startsWith("/table/")).toList();
    V15Load.DescOutcome loaded = V15Load.cubeDesc(desc, model, UpgradeRules.tables(tables, UpgradeTarget.V1_5));
    assertTrue(loaded.loaded(), loaded.notLoadableReason());
    assertEquals(loaded.signature().value(), loaded.storedSignature(), desc.path());
  }

  static ObjectNode without(ObjectNode node, String... properties) {
    ObjectNode copy = node.deepCopy();
    for (String p : properties) {
      copy.remove(p);
    }
    return copy;
  }

  @Test
  void to15ASharedDescStaysTheEmptiedCubeGetsItsOwnAndEveryResourceIsIn15Format() throws IOException {
    HybridPlan plan = plan15("default", CUBE15, null);
    String oldCube = CUBE15 + "_old";
    assertEquals(List.of("/cube/" + oldCube + ".json", "/cube_desc/" + DESC + "_old.json",
        "/cube_desc/" + DESC + "_v2.json", "/cube/" + CUBE15 + ".json", "/hybrid/" + CUBE15 + "_hybrid.json",
        "/project/default.json"), plan.writes().stream().map(w -> w.after().path()).toList());
    assertEquals(END15, plan.partitionDate());
    assertEquals(DESC + "_v2", plan.ownDesc());
    assertTrue(plan.writes().stream().allMatch(w -> w.after().timestamp() == NOW));
    Map<String, HybridPlan.Write> writes = byPath(plan);
    ObjectNode original = tree(metadata15.get("/cube/" + CUBE15 + ".json"));
    ObjectNode originalDesc = tree(metadata15.get("/cube_desc/" + DESC + ".json"));

    // the old cube: Kylin 1.5's cube, new uuid, time and version, the segment with every 1.5 property
    ObjectNode old = tree(writes.get("/cube/" + oldCube + ".json").after());
    assertEquals(List.of("uuid", "version", "name", "owner", "cost", "status", "segments", "last_modified",
        "descriptor", "create_time_utc", "size_kb", "input_records_count", "input_records_size"), fieldNames(old));
    assertEquals("1.5.4", old.get("version").asText(), "what Kylin 1.5.4.1 writes into a new entity");
    assertEquals(plan.oldCubeUuid(), old.get("uuid").asText());
    assertEquals(DESC + "_old", old.get("descriptor").asText());
    assertEquals(NOW, old.get("create_time_utc").asLong());
    assertEquals(7801, old.get("size_kb").asLong());
    JsonNode before = original.get("segments").get(0);
    JsonNode after = old.get("segments").get(0);
    assertEquals(List.of("uuid", "name", "status", "dictionaries", "snapshots", "storage_location_identifier",
        "date_range_start", "date_range_end", "source_offset_start", "source_offset_end", "size_kb", "input_records",
        "input_records_size", "last_build_time", "last_build_job_id", "create_time_utc", "cuboid_shard_nums",
        "total_shards", "blackout_cuboids", "binary_signature", "index_path", "rowkey_stats"), fieldNames(after));
    for (String p : List.of("uuid", "name", "status", "dictionaries", "snapshots", "storage_location_identifier",
        "date_range_start", "date_range_end", "size_kb", "last_build_time", "last_build_job_id", "binary_signature")) {
      assertEquals(before.get(p), after.get(p), p);
    }
    assertEquals(0, after.get("input_records").asLong(), "1.3's source_records is not a 1.5 property");

    // its desc: the loaded desc, renamed, ending at the partition date, new uuid and version, signed by 1.5's rule
    Resource oldDescResource = writes.get("/cube_desc/" + DESC + "_old.json").after();
    ObjectNode oldDesc = tree(oldDescResource);
    assertEquals(fieldNames(originalDesc), fieldNames(oldDesc));
    String[] rewritten = {"uuid", "name", "version", "signature", "last_modified", "partition_date_end"};
    assertEquals(without(originalDesc, rewritten), without(oldDesc, rewritten));
    assertEquals("1.5.4", oldDesc.get("version").asText());
    assertEquals(END15, oldDesc.get("partition_date_end").asLong());
    assertEquals(0, oldDesc.get("engine_type").asInt());
    assertLoadsSigned15(oldDescResource);

    // the emptied cube's own desc on engine/storage 2, starting at the partition date
    Resource ownResource = writes.get("/cube_desc/" + DESC + "_v2.json").after();
    ObjectNode own = tree(ownResource);
    String[] switched = {"uuid", "name", "version", "signature", "last_modified", "partition_date_start",
        "engine_type", "storage_type"};
    assertEquals(without(originalDesc, switched), without(own, switched));
    assertEquals(END15, own.get("partition_date_start").asLong());
    assertEquals(2, own.get("engine_type").asInt());
    assertEquals(2, own.get("storage_type").asInt());
    assertLoadsSigned15(ownResource);

    // the cube keeps its uuid and version label, empty and disabled
    HybridPlan.Write cubeWrite = writes.get("/cube/" + CUBE15 + ".json");
    ObjectNode cube = tree(cubeWrite.after());
    assertTrue(cubeWrite.after().text().contains("\"segments\" : [ ],"));
    assertEquals(original.get("uuid"), cube.get("uuid"));
    assertEquals("1.5.1", cube.get("version").asText(), "a re-saved entity keeps its label");
    assertEquals("DISABLED", cube.get("status").asText());
    assertEquals(DESC + "_v2", cube.get("descriptor").asText());
    assertEquals(NOW, cube.get("last_modified").asLong());
    assertEquals(0, cube.get("create_time_utc").asLong(), "1.3's create_time is not a 1.5 property");

    assertEquals("{\n"
        + "  \"uuid\" : \"00000000-0000-0000-0000-000000000003\",\n"
        + "  \"version\" : \"1.5.4\",\n"
        + "  \"name\" : \"" + CUBE15 + "_hybrid\",\n"
        + "  \"cost\" : 50,\n"
        + "  \"last_modified\" : " + NOW + ",\n"
        + "  \"realizations\" : [ {\n"
        + "    \"type\" : \"CUBE\",\n"
        + "    \"realization\" : \"" + CUBE15 + "\"\n"
        + "  }, {\n"
        + "    \"type\" : \"CUBE\",\n"
        + "    \"realization\" : \"" + oldCube + "\"\n"
        + "  } ]\n"
        + "}", writes.get("/hybrid/" + CUBE15 + "_hybrid.json").after().text());

    // the project in the 1.5 format: entries without their 1.3 names, the old cube and the hybrid appended
    ObjectNode project = tree(writes.get("/project/default.json").after());
    assertEquals(List.of("uuid", "version", "name", "tables", "owner", "status", "description", "models",
        "last_modified", "create_time_utc", "last_update_time", "realizations", "ext_filters"), fieldNames(project));
    assertEquals("1.5.1", project.get("version").asText());
    ArrayNode realizations = (ArrayNode) project.get("realizations");
    assertEquals(9, realizations.size());
    assertEquals(JSON.readTree("{\"type\":\"CUBE\",\"realization\":\"test_kylin_cube_with_slr_empty\"}"),
        realizations.get(0));
    assertEquals(JSON.readTree("{\"type\":\"CUBE\",\"realization\":\"" + oldCube + "\"}"), realizations.get(7));
    assertEquals(JSON.readTree("{\"type\":\"HYBRID\",\"realization\":\"" + CUBE15 + "_hybrid\"}"),
        realizations.get(8));
    assertTrue(writes.values().stream().filter(w -> !w.creates())
        .allMatch(w -> metadata15.get(w.after().path()) == w.before()));
  }

  @Test
  void to15ADescNoOtherCubeWithSegmentsUsesIsSwitchedKeepingItsLabelAndSigned() {
    for (String sharer : Hybrid15Fixture.SHARERS) {
      metadata15.remove("/cube/" + sharer + ".json");
    }
    edit15("/cube_desc/" + DESC + ".json", d -> d.remove("version"));
    HybridPlan plan = plan15("onlyinner", CUBE15, "2013-12-12");
    assertNull(plan.ownDesc());
    assertEquals(List.of(), plan.notes());
    HybridPlan.Write write = byPath(plan).get("/cube_desc/" + DESC + ".json");
    ObjectNode desc = tree(write.after());
    assertEquals(2, desc.get("engine_type").asInt());
    assertEquals(END15, desc.get("partition_date_start").asLong());
    assertEquals("1.5.4", desc.get("version").asText(), "Kylin's default for a desc that had no label");
    assertLoadsSigned15(write.after());
    assertEquals(DESC, tree(byPath(plan).get("/cube/" + CUBE15 + ".json").after()).get("descriptor").asText());
  }

  @Test
  void to15PartitionDatesAreReadAsKylin15ReadsThem() {
    for (String date : List.of("2013-12-12", "2013-12-12 00:00:00", "2013-12-12 00:00:00.000", "20131212",
        String.valueOf(END15))) {
      assertEquals(END15, plan15("default", CUBE15, date).partitionDate(), date);
    }
    assertEquals(1386806400000L, PartitionDate.parse15(" 20131212 "));
    assertRefused("the end of its last segment, 2013-12-12 00:00:00 GMT (1386806400000 ms)",
        () -> plan15("default", CUBE15, "2013-12-11"));
    assertRefused("not a valid date of pattern 'yyyy-MM-dd'", () -> plan15("default", CUBE15, "2013-02-30"));
    assertRefused("there is no valid date pattern", () -> plan15("default", CUBE15, "12/12/13"));
    assertRefused("not a valid date of pattern 'yyyy-MM-dd'", () -> plan15("default", CUBE15, "12/12/2013"));
  }

  @Test
  void to15BadInputIsRefusedBeforeAnythingIsWritten() {
    assertRefused("unknown project 'nope'", () -> plan15("nope", CUBE15, null));
    assertRefused("cube 'nope' does not exist", () -> plan15("default", "nope", null));
    assertRefused("has no segments", () -> plan15("default", "test_kylin_cube_with_slr_empty", null));
    assertRefused("its cube desc 'test_kylin_cube_without_slr_desc' does not exist",
        () -> plan15("default", "test_kylin_cube_without_slr_ready", null));
    assertRefused("a full build", () -> plan15("default", "test_kylin_cube_with_slr_left_join_ready", null));
    String hybrid = "/hybrid/" + CUBE15 + "_hybrid.json";
    metadata15.put(hybrid, Resource.ofText(hybrid, "{}", 1L));
    assertRefused("exists already", () -> plan15("default", CUBE15, null));
    metadata15.remove(hybrid);
    edit15("/cube_desc/" + DESC + ".json", d -> d.putArray("dictionaries").addObject().put("column", "X"));
    assertRefused("has 'dictionaries'", () -> plan15("default", CUBE15, null));
  }

  @Test
  void to15MetadataInAnotherFormatIsRefusedWithAHint() {
    BadInputException e = assertThrows(BadInputException.class, () -> ExtendCubeToHybrid.plan(
        HybridInput.of(new ArrayList<>(metadata.values())), UpgradeTarget.V1_5, "default", CUBE, null, new FixedIds()));
    assertTrue(e.getMessage().contains("cannot be loaded by Kylin 1.5") && e.getMessage().contains("--to 1.4-alpha"),
        e.getMessage());
  }

  @Test
  void to15AProjectKylinCannotLoadIsRefusedForItWouldFailHalfWay() {
    edit15("/project/onlyleft.json", p -> p.put("status", "SOMETIMES"));
    assertRefused("/project/onlyleft.json: Kylin 1.5's project manager cannot load it",
        () -> plan15("default", CUBE15, null));
  }

  @Test
  void to15ADescKylinsValidatorRefusesIsRefused() {
    edit15("/cube_desc/" + DESC + ".json", d -> ((ObjectNode) d.get("measures").get(1).get("function"))
        .put("returntype", "varchar(256)"));
    assertRefused("Return type for function MIN must be one of", () -> plan15("default", CUBE15, null));
  }

  @Test
  void to15ADescAlreadyOnEngine2IsRefused() {
    edit15("/cube_desc/" + DESC + ".json", d -> d.put("engine_type", 2).put("storage_type", 2));
    assertRefused("engine 2 / storage 2 already", () -> plan15("default", CUBE15, null));
  }

  @Test
  void to15SegmentsMustPassKylin15sCubeValidator() {
    String path = "/cube/test_kylin_cube_with_slr_ready_2_segments.json";
    String cube = "test_kylin_cube_with_slr_ready_2_segments";
    // a NEW segment overlapping a READY one it does not contain
    edit15(path, c -> ((ObjectNode) c.get("segments").get(1)).put("status", "NEW").put("date_range_start",
        c.get("segments").get(0).get("date_range_end").asLong() - 1));
    assertRefused("overlap; Kylin 1.5 refuses to create the old cube", () -> plan15("default", cube, null));
    // one segment ranged by source offsets, the other by dates
    metadata15.put(path, read(Hybrid15Fixture.source()).get(path));
    edit15(path, c -> ((ObjectNode) c.get("segments").get(0)).put("source_offset_start", 1)
        .put("source_offset_end", 5));
    assertRefused("segment 20131112000000_20131212000000 is ranged by dates, segment 19691231160000_20131112000000 by "
        + "source offsets", () -> plan15("default", cube, null));
    // segments are taken in Kylin 1.5's order
    metadata15.put(path, read(Hybrid15Fixture.source()).get(path));
    edit15(path, c -> {
      ArrayNode segments = (ArrayNode) c.get("segments");
      segments.insert(0, segments.remove(1));
    });
    HybridPlan plan = plan15("default", cube, null);
    ArrayNode moved = (ArrayNode) tree(byPath(plan).get("/cube/" + cube + "_old.json").after()).get("segments");
    assertTrue(moved.get(0).get("date_range_end").asLong() <= moved.get(1).get("date_range_start").asLong());
  }

  @Test
  void to15TheValidatorFollowsKylinsRules() {
    edit15("/cube_desc/" + DESC + ".json", d -> {
      ObjectNode rule = (ObjectNode) d.get("aggregation_groups").get(0).get("select_rule");
      ((ArrayNode) rule.get("joint_dims").get(0)).add("SELLER_ID");
    });
    assertRefused("Aggregation group 0 mandatory dims overlap with joint dims", () -> plan15("default", CUBE15, null));
  }
}
