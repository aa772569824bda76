package org.kylinupgrade.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kylinupgrade.JobRunner;
import org.kylinupgrade.SharedHBase;
import org.kylinupgrade.SparkJobs;
import org.kylinupgrade.TestData;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.validate.Finding;
import org.kylinupgrade.validate.PlantedFaults;
import org.kylinupgrade.validate.PlantedFaults15;
import org.kylinupgrade.validate.V15Expected;
import org.kylinupgrade.validate.V15Store;
import org.kylinupgrade.validate.V2Store;

/**
 * {@code validate} as the operator runs it, through real local Spark, on folders and on a real HBase table: against
 * Kylin 1.5's loading rules by default, against 1.4-alpha's with {@code --to 1.4-alpha}.
 */
@ExtendWith(SparkJobs.class)
class ValidateJobIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path tmp;

  private final JobRunner offline = JobRunner.offline();

  /** The report's problems as findings, in report order. */
  private static List<Finding> problems(Path report) throws IOException {
    List<Finding> findings = new ArrayList<>();
    for (JsonNode p : JSON.readTree(report.toFile()).get("problems")) {
      findings.add(new Finding(Finding.Kind.valueOf(p.get("kind").asText()), p.get("path").asText(),
          p.get("message").asText()));
    }
    return findings;
  }

  @Test
  void everyPlantedFaultIsReportedTogether() throws IOException {
    V2Store planted = PlantedFaults.plantAll();
    Path folder = tmp.resolve("planted");
    planted.writeTo(folder);
    Path report = tmp.resolve("report.json");
    assertEquals(ExitCodes.PROBLEMS, offline.run(new ValidateJob(), "--from-folder", folder.toString(), "--to",
        "1.4-alpha",
        "--report", report.toString()), offline.err());
    assertEquals(PlantedFaults.expectedForAll(planted), problems(report));
    assertEquals("problems", JSON.readTree(report.toFile()).get("status").asText());
  }

  @Test
  void theSampleCubesUpgradeIsClean() throws IOException {
    Path report = tmp.resolve("report.json");
    assertEquals(ExitCodes.OK, offline.run(new ValidateJob(), "--from-folder",
        TestData.expected("kylin-1.3.0-sample-cube").toString(), "--to", "1.4-alpha", "--report", report.toString()),
        offline.err());
    assertEquals(List.of(), problems(report));
    assertEquals("1.4-alpha", JSON.readTree(report.toFile()).get("to").asText());
  }

  @Test
  void localmetasUpgradeHasOnlyItsTwoBitmapDescs() throws IOException {
    Path report = tmp.resolve("report.json");
    assertEquals(ExitCodes.PROBLEMS, offline.run(new ValidateJob(), "--from-folder",
        TestData.expected("kylin-1.3.0-localmeta").toString(), "--to", "1.4-alpha", "--report", report.toString()),
        offline.err());
    List<Finding> problems = problems(report);
    assertEquals(List.of("/cube_desc/test_kylin_cube_without_slr_desc.json",
        "/cube_desc/test_kylin_cube_without_slr_left_join_desc.json"), problems.stream().map(Finding::path).toList());
    for (Finding f : problems) {
      assertEquals(Finding.Kind.UNLOADABLE, f.kind());
      assertTrue(f.message().contains("bad data type -- bitmap"), f.message());
    }
  }

  @Test
  void aTableLoadedFromAFolderIsValidatedInHBase() throws IOException {
    V2Store planted = PlantedFaults.plantAll();
    Path folder = tmp.resolve("planted");
    planted.writeTo(folder);
    JobRunner table = JobRunner.onFreshTable("validate_it_");
    assertEquals(ExitCodes.OK, table.run(new LoadJob(), "--from-folder", folder.toString()), table.err());
    Path report = tmp.resolve("report.json");
    assertEquals(ExitCodes.PROBLEMS, table.run(new ValidateJob(), "--to", "1.4-alpha", "--report", report.toString()),
        table.err());
    assertEquals(PlantedFaults.expectedForAll(planted), problems(report));

    JobRunner clean = JobRunner.onFreshTable("validate_it_");
    assertEquals(ExitCodes.OK, clean.run(new LoadJob(), "--from-folder",
        TestData.expected("kylin-1.3.0-sample-cube").toString()), clean.err());
    assertEquals(ExitCodes.OK, clean.run(new ValidateJob(), "--to", "1.4-alpha"), clean.err());
  }

  @Test
  void kylin15sUpgradeOfTheExamplesIsCleanByDefault() throws IOException {
    Path report = tmp.resolve("report.json");
    assertEquals(ExitCodes.OK, offline.run(new ValidateJob(), "--from-folder",
        TestData.expected15(V15Expected.SAMPLE).toString(), "--report", report.toString()), offline.err());
    assertEquals(List.of(), problems(report));
    assertEquals("1.5", JSON.readTree(report.toFile()).get("to").asText());

    Path localmeta = tmp.resolve("localmeta");
    write(V15Expected.whole(V15Expected.LOCALMETA), localmeta);
    assertEquals(ExitCodes.OK, offline.run(new ValidateJob(), "--from-folder", localmeta.toString(), "--to", "1.5",
        "--report", report.toString()), offline.err());
    assertEquals(List.of(), problems(report));
  }

  @Test
  void everyFaultPlantedIn15MetadataIsReportedTogether() throws IOException {
    V15Store planted = PlantedFaults15.plantAll();
    Path folder = tmp.resolve("planted15");
    planted.writeTo(folder);
    Path report = tmp.resolve("report.json");
    assertEquals(ExitCodes.PROBLEMS, offline.run(new ValidateJob(), "--from-folder", folder.toString(), "--report",
        report.toString()), offline.err());
    assertEquals(PlantedFaults15.expectedForAll(planted), problems(report));
  }

  @Test
  void oneFourAlphaOutputIsNotLoadableByKylin15() throws IOException {
    Path report = tmp.resolve("report.json");
    assertEquals(ExitCodes.PROBLEMS, offline.run(new ValidateJob(), "--from-folder",
        TestData.expected("kylin-1.3.0-sample-cube").toString(), "--report", report.toString()), offline.err());
    List<Finding> problems = problems(report);
    assertEquals(List.of(Finding.Kind.UNLOADABLE, Finding.Kind.VERSION_LABEL),
        problems.stream().map(Finding::kind).sorted().toList(), problems.toString());
    Finding unloadable = problems.stream().filter(f -> f.kind() == Finding.Kind.UNLOADABLE).findFirst().orElseThrow();
    assertEquals("/cube_desc/kylin_sales_cube_desc.json", unloadable.path());
    assertTrue(unloadable.message().startsWith("Kylin 1.5 cannot load this cube desc: "), unloadable.message());
  }

  @Test
  void a15TableLoadedFromAFolderIsValidatedInHBase() throws IOException {
    V15Store planted = PlantedFaults15.plantAll();
    Path folder = tmp.resolve("planted15");
    planted.writeTo(folder);
    JobRunner table = JobRunner.onFreshTable("validate_it_");
    assertEquals(ExitCodes.OK, table.run(new LoadJob(), "--from-folder", folder.toString()), table.err());
    Path report = tmp.resolve("report.json");
    assertEquals(ExitCodes.PROBLEMS, table.run(new ValidateJob(), "--report", report.toString()), table.err());
    assertEquals(PlantedFaults15.expectedForAll(planted), problems(report));

    JobRunner clean = JobRunner.onFreshTable("validate_it_");
    assertEquals(ExitCodes.OK, clean.run(new LoadJob(), "--from-folder",
        TestData.expected15(V15Expected.SAMPLE).toString()), clean.err());
    assertEquals(ExitCodes.OK, clean.run(new ValidateJob()), clean.err());
  }

  @Test
  void anUnknownTargetIsBadInput() {
    assertEquals(ExitCodes.BAD_INPUT, offline.run(new ValidateJob(), "--from-folder",
        TestData.expected15(V15Expected.SAMPLE).toString(), "--to", "2.0"));
    assertTrue(offline.err().contains("accepted: 1.5, 1.4-alpha"), offline.err());
  }

  private static void write(java.util.Map<String, Resource> resources, Path folder) throws IOException {
    for (Resource r : resources.values()) {
      Path file = folder.resolve(r.path().substring(1));
      java.nio.file.Files.createDirectories(file.getParent());
      java.nio.file.Files.write(file, r.content());
    }
  }

  @Test
  void aMissingFolderOrTableIsBadInput() throws IOException {
    assertEquals(ExitCodes.BAD_INPUT, offline.run(new ValidateJob(), "--from-folder",
        tmp.resolve("missing").toString()));
    assertEquals(ExitCodes.BAD_INPUT, offline.run(new ValidateJob(), "--hbase-site", SharedHBase.hbaseSite(),
        "--metadata-url", JobRunner.freshTable("no_such_table_") + "@hbase"));
    assertTrue(offline.err().contains("does not exist"), offline.err());
  }
}
