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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.kylinupgrade.TestData;
import org.kylinupgrade.metadata.BadInputException;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.rules.Signature;

/**
 * ExtendCubeToHybridCLI on Kylin's own v2 output for the 1.3.0 test metadata, checked resource by resource against
 * spec §6: names, segment split, the writes and their JSON, and every refusal.
 */
class ExtendCubeToHybridTest {
  static final String CUBE = "test_kylin_cube_with_slr_ready_2_segments";
  static final String DESC = "test_kylin_cube_with_slr_desc";
  static final long NOW = 1800000000000L;
  static final long LAST_SEGMENT_END = 1386835200000L;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Fixed uuids in the order they are asked for, and a fixed clock. */
  static final class FixedIds implements HybridIds {
    private int next;

    @Override
    public String newUuid() {
      return "00000000-0000-0000-0000-00000000000" + next++;
    }

    @Override
    public long now() {
      return NOW;
    }
  }

  final Map<String, Resource> metadata = read(TestData.expected("kylin-1.3.0-localmeta"));

  static Map<String, Resource> read(Path folder) {
    return org.kylinupgrade.TestData.readFolder(folder);
  }

  HybridPlan plan(String project, String cube, String date) {
    return ExtendCubeToHybrid.plan(HybridInput.of(new ArrayList<>(metadata.values())), project, cube, date,
        new FixedIds());
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

}
