package org.kylinupgrade.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kylinupgrade.TestData;
import org.kylinupgrade.metadata.BadInputException;
import org.kylinupgrade.metadata.Resource;

/** {@code --purge-cubes}: Kylin's purge of the cube and its unfinished jobs, then the conversion of what is left. */
class PurgeTest {
  private static final long T = 1700000000000L;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String READY = "/cube/test_kylin_cube_with_slr_ready.json";
  private static final String DESC = "/cube_desc/test_kylin_cube_with_slr_desc.json";
  private static final Set<String> ALL_WITH_SEGMENTS = Set.of("test_kylin_cube_with_slr_ready",
      "TEST_KYLIN_CUBE_WITH_SLR_READY_2_SEGMENTS", "test_kylin_cube_with_slr_1_new_segment");

  private static InMemoryUpgrade.Outcome upgrade(Set<String> purge) {
    Map<String, Resource> input = InMemoryUpgrade.readFolder(TestData.example("kylin-1.3.0-localmeta"));
    return InMemoryUpgrade.run(input, UpgradeOptions.of(T).withPurgeCubes(purge));
  }

  private static JsonNode json(InMemoryUpgrade.Outcome outcome, String path) throws IOException {
    return JSON.readTree(outcome.bytes(path));
  }

  @Test
  void aPurgedCubeIsWrittenAsKylinWritesAnEmptyDisabledCube() {
    String purged = new String(upgrade(Set.of("test_kylin_cube_with_slr_ready")).bytes(READY),
        java.nio.charset.StandardCharsets.UTF_8);
    assertEquals("{\n"
        + "  \"uuid\" : \"1eaca32a-a33e-4b69-83dd-0bb8b1f8c53b\",\n"
        + "  \"name\" : \"test_kylin_cube_with_slr_ready\",\n"
        + "  \"owner\" : null,\n"
        + "  \"version\" : null,\n"
        + "  \"cost\" : 50,\n"
        + "  \"status\" : \"DISABLED\",\n"
        + "  \"segments\" : [ ],\n"
        + "  \"last_modified\" : " + T + ",\n"
        + "  \"descriptor\" : \"test_kylin_cube_with_slr_desc\",\n"
        + "  \"create_time_utc\" : 0,\n"
        + "  \"size_kb\" : 0,\n"
        + "  \"input_records_count\" : 0,\n"
        + "  \"input_records_size\" : 0\n"
        + "}", purged);
  }

  @Test
  void theDescMovesToV2WhenEveryCubeUsingItWasPurgedOrIsEmpty() throws IOException {
    InMemoryUpgrade.Outcome some = upgrade(Set.of("test_kylin_cube_with_slr_ready"));
    assertEquals(0, json(some, DESC).get("engine_type").asInt(), "two other cubes still have segments");

    InMemoryUpgrade.Outcome all = upgrade(ALL_WITH_SEGMENTS);
    assertEquals(2, json(all, DESC).get("engine_type").asInt());
    assertEquals(2, json(all, DESC).get("storage_type").asInt());
    assertTrue(all.warnings().stream().noneMatch(w -> w.path().equals(DESC)), all.warnings().toString());
    List<Change> cubeChanges = all.changes().stream().filter(c -> c.kind() == Change.Kind.CUBE).toList();
    assertEquals(3, cubeChanges.size());
    assertTrue(cubeChanges.stream().allMatch(c -> c.droppedProperties().containsAll(List.of("/create_time",
        "/notify_list"))), cubeChanges.toString());
  }

  @Test
  void theGroupReportsWhatItPurged() {
    Map<String, Resource> input = InMemoryUpgrade.readFolder(TestData.example("kylin-1.3.0-localmeta"));
    Resource cube = input.get("/cube/test_kylin_cube_with_slr_ready_2_segments.json");
    GroupResult result = UpgradeRules.convertGroup("", null, List.of(), List.of(cube),
        UpgradeRules.tables(List.of()), UpgradeOptions.of(T).withPurgeCubes(ALL_WITH_SEGMENTS));
    assertEquals(List.of(new PurgedCube(cube.path(), "test_kylin_cube_with_slr_ready_2_segments", "READY", 2,
        List.of("KYLIN-CUBE-TEST_KYLIN_CUBE_WITH_SLR_READY-F24668F6-DCFF-4CB6-A89B-77F1119DF8FA",
            "KYLIN-CUBE-TEST_KYLIN_CUBE_WITH_SLR_READY-F24668F6-DCFF-4CB6-A89B-77F1119DF8FB"))), result.purged());
  }

  @Test
  void purgingAnEmptyDisabledCubeAgainChangesNothing() {
    InMemoryUpgrade.Outcome once = upgrade(Set.of("test_kylin_cube_with_slr_ready"));
    GroupResult again = UpgradeRules.convertGroup("", null, List.of(), List.of(once.output().get(READY)),
        UpgradeRules.tables(List.of()), UpgradeOptions.of(T + 1).withPurgeCubes(Set.of("test_kylin_cube_with_slr_ready")));
    assertEquals(List.of(), again.rewritten());
    assertEquals(1, again.purged().size());
  }

  private static Resource job(String id, String type, String cube, String... steps) {
    StringBuilder tasks = new StringBuilder();
    for (String step : steps) {
      tasks.append(tasks.length() == 0 ? "" : ", ").append("{\"uuid\":\"").append(step)
          .append("\",\"type\":\"org.apache.kylin.job.common.MapReduceExecutable\",\"params\":{}}");
    }
    return Resource.ofText("/execute/" + id, "{\"uuid\":\"" + id + "\",\"last_modified\":1,\"name\":\"BUILD CUBE\","
        + "\"tasks\":[" + tasks + "],\"type\":\"" + type + "\",\"params\":{\"cubeName\":\"" + cube
        + "\",\"segmentId\":\"s\"}}", 1L);
  }

  private static Resource output(String id, String status) {
    return Resource.ofText("/execute_output/" + id, "{\"uuid\":\"" + id + "\",\"last_modified\":2,\"content\":\"log\","
        + "\"status\":\"" + status + "\",\"info\":{\"b\":\"2\",\"a\":\"1\"},\"extra\":true}", 2L);
  }

  @Test
  void anUnfinishedBuildJobIsDiscardedWithItsUnfinishedSteps() {
    CubingJobRef job = JobDiscard.cubingJob(job("j1", "org.apache.kylin.job.cube.CubingJob", "C", "j1-00", "j1-01", "j1-02"));
    assertEquals(new CubingJobRef("j1", "C", List.of("j1-00", "j1-01", "j1-02")), job);
    JobDiscard discard = JobDiscard.of(job, List.of(output("j1", "ERROR"), output("j1-00", "SUCCEED"),
        output("j1-01", "ERROR")), T);
    assertEquals(new DiscardedJob("j1", "C", "ERROR", List.of("j1-01", "j1-02")), discard.record());
    assertEquals(List.of("/execute_output/j1-01", "/execute_output/j1-02", "/execute_output/j1"),
        discard.rewritten().stream().map(Resource::path).toList());
    assertEquals("{\n"
        + "  \"uuid\" : \"j1\",\n"
        + "  \"content\" : \"log\",\n"
        + "  \"status\" : \"DISCARDED\",\n"
        + "  \"info\" : {\n"
        + "    \"b\" : \"2\",\n"
        + "    \"a\" : \"1\"\n"
        + "  },\n"
        + "  \"last_modified\" : " + T + "\n"
        + "}", discard.rewritten().get(2).text());
    assertEquals("{\n"
        + "  \"uuid\" : \"j1-02\",\n"
        + "  \"content\" : null,\n"
        + "  \"status\" : \"DISCARDED\",\n"
        + "  \"info\" : { },\n"
        + "  \"last_modified\" : " + T + "\n"
        + "}", discard.rewritten().get(1).text(), "a missing output reads as READY and is written");
    assertEquals(List.of("/extra"), discard.changes().get(2).droppedProperties());
  }

  @Test
  void finishedOrStoppedJobsAndOtherJobTypesAreLeftAlone() {
    CubingJobRef job = JobDiscard.cubingJob(job("j2", "org.apache.kylin.engine.mr.CubingJob", "C", "j2-00"));
    for (String status : List.of("SUCCEED", "STOPPED", "DISCARDED")) {
      assertNull(JobDiscard.of(job, List.of(output("j2", status), output("j2-00", "READY")), T), status);
    }
    assertEquals("RUNNING", JobDiscard.of(job, List.of(output("j2", "RUNNING")), T).record().previousStatus());
    assertNull(JobDiscard.cubingJob(job("j3", "org.apache.kylin.job.invertedindex.IIJob", "C")));
    assertNull(JobDiscard.cubingJob(Resource.ofText("/execute/x", "not json", 1L)));
    assertThrows(BadInputException.class, () -> JobDiscard.of(job, List.of(output("j2", "PAUSED")), T));
  }
}
