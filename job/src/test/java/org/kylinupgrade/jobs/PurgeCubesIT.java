package org.kylinupgrade.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kylinupgrade.FolderAssertions;
import org.kylinupgrade.JobRunner;
import org.kylinupgrade.SparkJobs;
import org.kylinupgrade.TestData;

/**
 * {@code upgrade --purge-cubes}, offline and live, on the 1.3.0 test metadata with build jobs added: the cubes using
 * one desc are purged, so the desc moves to v2; their unfinished jobs are discarded.
 */
@ExtendWith(SparkJobs.class)
class PurgeCubesIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PURGED = "test_kylin_cube_with_slr_ready,test_kylin_cube_with_slr_ready_2_segments,"
      + "test_kylin_cube_with_slr_1_new_segment";

  @TempDir
  Path tmp;

  private final JobRunner offline = JobRunner.offline();
  private Path input;

  /** The test metadata with three build jobs: one unfinished of a purged cube, one finished, one of another cube. */
  @BeforeEach
  void metadataWithJobs() throws IOException {
    input = tmp.resolve("in");
    Path source = TestData.example("kylin-1.3.0-localmeta");
    for (String file : FolderAssertions.files(source)) {
      Path target = input.resolve(file);
      Files.createDirectories(target.getParent());
      Files.copy(source.resolve(file), target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
    }
    job("j1", "test_kylin_cube_with_slr_ready", "j1-00", "j1-01");
    output("j1", "RUNNING");
    output("j1-00", "SUCCEED");
    output("j1-01", "RUNNING");
    job("j2", "test_kylin_cube_with_slr_ready_2_segments", "j2-00");
    output("j2", "SUCCEED");
    output("j2-00", "SUCCEED");
    job("j3", "test_kylin_cube_with_slr_left_join_ready", "j3-00");
    output("j3", "ERROR");
    output("j3-00", "ERROR");
  }

  private void job(String id, String cube, String... steps) throws IOException {
    StringBuilder tasks = new StringBuilder();
    for (String step : steps) {
      tasks.append(tasks.length() == 0 ? "" : ", ").append("{\n    \"uuid\" : \"").append(step)
          .append("\",\n    \"last_modified\" : 0,\n    \"name\" : \"step\",\n    \"tasks\" : null,\n    \"type\" : "
              + "\"org.apache.kylin.job.common.MapReduceExecutable\",\n    \"params\" : { }\n  }");
    }
    write("execute/" + id, "{\n  \"uuid\" : \"" + id + "\",\n  \"last_modified\" : 1404098141020,\n  \"name\" : "
        + "\"BUILD CUBE - " + cube + "\",\n  \"tasks\" : [ " + tasks + " ],\n  \"type\" : "
        + "\"org.apache.kylin.job.cube.CubingJob\",\n  \"params\" : {\n    \"cubeName\" : \"" + cube
        + "\",\n    \"segmentId\" : \"s\"\n  }\n}");
  }

  private void output(String id, String status) throws IOException {
    write("execute_output/" + id, "{\n  \"uuid\" : \"" + id + "\",\n  \"content\" : null,\n  \"status\" : \"" + status
        + "\",\n  \"info\" : { },\n  \"last_modified\" : 1404098141020\n}");
  }

  private void write(String file, String text) throws IOException {
    Path path = input.resolve(file);
    Files.createDirectories(path.getParent());
    Files.writeString(path, text);
  }

  private static String text(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  @Test
  void offlineAndLiveUpgradesPurgeTheCubesAndDiscardTheirUnfinishedJobs() throws IOException {
    Path out = tmp.resolve("out");
    Path report = tmp.resolve("report.json");
    // the live upgrade writes Kylin 1.4-alpha's format, so the offline one compared with it does too
    assertEquals(ExitCodes.PROBLEMS, offline.run(new UpgradeJob(), "--from-folder", input.toString(), "--to-folder",
        out.toString(), "--to", "1.4-alpha", "--keep-unloadable", "--purge-cubes", PURGED, "--report",
        report.toString()), offline.err());

    JsonNode desc = JSON.readTree(out.resolve("cube_desc/test_kylin_cube_with_slr_desc.json").toFile());
    assertEquals(2, desc.get("engine_type").asInt());
    assertEquals(2, desc.get("storage_type").asInt());
    for (String cube : PURGED.split(",")) {
      JsonNode purged = JSON.readTree(out.resolve("cube/" + cube + ".json").toFile());
      assertEquals(0, purged.get("segments").size(), cube);
      assertEquals("DISABLED", purged.get("status").asText(), cube);
    }
    assertEquals("DISCARDED", JSON.readTree(out.resolve("execute_output/j1").toFile()).get("status").asText());
    assertEquals("DISCARDED", JSON.readTree(out.resolve("execute_output/j1-01").toFile()).get("status").asText());
    for (String untouched : List.of("execute_output/j1-00", "execute_output/j2", "execute_output/j2-00",
        "execute_output/j3", "execute_output/j3-00", "execute/j1")) {
      assertEquals(text(input.resolve(untouched)), text(out.resolve(untouched)), untouched);
    }

    JsonNode purge = JSON.readTree(report.toFile()).get("purge");
    assertEquals(3, purge.get("cubes").size());
    assertEquals(1, purge.get("discardedJobs").size());
    assertEquals("j1", purge.get("discardedJobs").get(0).get("id").asText());
    assertEquals("RUNNING", purge.get("discardedJobs").get(0).get("previousStatus").asText());
    assertEquals("[\"j1-01\"]", purge.get("discardedJobs").get(0).get("discardedSteps").toString());
    // cube test_kylin_cube_without_slr_left_join_ready_2_segments (not purged) names the same two HTables
    assertEquals(0, purge.get("unusedSegmentTables").size());
    assertEquals(2, purge.get("segmentTablesStillUsedByOtherCubes").size());

    JobRunner table = JobRunner.onFreshTable("purge_it_");
    assertEquals(ExitCodes.OK, table.run(new LoadJob(), "--from-folder", input.toString()), table.err());
    assertEquals(ExitCodes.PROBLEMS, table.run(new UpgradeJob(), "--keep-unloadable", "--purge-cubes", PURGED, "--to",
        "1.4-alpha"),
        table.err());
    Path dumped = tmp.resolve("dumped");
    assertEquals(ExitCodes.OK, table.run(new DumpJob(), "--to-folder", dumped.toString()), table.err());
    FolderAssertions.assertSameFolderButLastModified(out, dumped);
    assertEquals(ExitCodes.OK, table.run(new UpgradeJob(), "--keep-unloadable", "--purge-cubes", PURGED, "--to",
        "1.4-alpha") % 4,
        "purging again changes nothing");
  }

  @Test
  void anUnknownCubeIsBadInput() {
    Path out = tmp.resolve("out");
    assertEquals(ExitCodes.BAD_INPUT, offline.run(new UpgradeJob(), "--from-folder", input.toString(), "--to-folder",
        out.toString(), "--keep-unloadable", "--purge-cubes", "test_kylin_cube_with_slr_ready,no_such_cube"));
    assertTrue(offline.err().contains("unknown cube 'no_such_cube' in --purge-cubes"), offline.err());
    assertFalse(Files.exists(out));
  }
}
