package org.kylinupgrade.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kylinupgrade.FolderAssertions;
import org.kylinupgrade.JobRunner;
import org.kylinupgrade.SparkJobs;
import org.kylinupgrade.TestData;
import org.kylinupgrade.TestTables;
import org.kylinupgrade.hbase.AclTable;
import org.kylinupgrade.hbase.HBaseCluster;
import org.kylinupgrade.hybrid.ExtendCubeToHybrid;
import org.kylinupgrade.hybrid.FixedIds;
import org.kylinupgrade.hybrid.HybridInput;
import org.kylinupgrade.hybrid.Hybrid15Fixture;
import org.kylinupgrade.hybrid.HybridPlan;
import org.kylinupgrade.journal.FailurePoints;
import org.kylinupgrade.journal.Run;
import org.kylinupgrade.journal.RunJournal;
import org.kylinupgrade.kylin.KylinClient;
import org.kylinupgrade.kylin.KylinExtend;
import org.kylinupgrade.kylin.KylinHybrids;
import org.kylinupgrade.kylin.KylinLoad;
import org.kylinupgrade.metadata.AclCell;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.rules.UpgradeTarget;

/**
 * {@code hybrid} on a real HBase table with an ACL table: {@code --to 1.4-alpha} on Kylin's own v2 upgrade of the
 * 1.3.0 test metadata (the result, validate before and after, all or nothing on failure, refusals, rollback), and
 * {@code --to 1.5} (the default) on Kylin 1.5.4.1's own upgrade of it (the result, Kylin 1.5.4.1's own tool's output,
 * Kylin 1.5.4.1 loading the result).
 */
@ExtendWith(SparkJobs.class)
class HybridJobIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CUBE = "test_kylin_cube_with_slr_ready_2_segments";
  private static final String CUBE_UUID = "1eaca32a-a33e-4b69-83dd-0bb8b1f8c53c";
  private static final String PROJECT_UUID = "1eaca32a-a33e-4b69-83dd-0bb8b1f8c91b";
  private static final long NOW = FixedIds.NOW;

  @TempDir
  Path tmp;

  private JobRunner runner;
  private String prefix;

  private static HybridJob hybridJob() {
    HybridJob job = new HybridJob();
    job.ids = new FixedIds();
    return job;
  }

  /** The upgraded metadata in a new table, and Kylin's ACL row for the cube in a new {@code <prefix>_acl}. */
  private List<AclCell> loadUpgradedMetadataWithAcl() throws IOException {
    return loadWithAcl(TestData.expected("kylin-1.3.0-localmeta"), CUBE_UUID);
  }

  /** A metadata folder in a new table, and Kylin's ACL row for a cube in a new {@code <prefix>_acl}. */
  private List<AclCell> loadWithAcl(Path folder, String cubeUuid) throws IOException {
    runner = JobRunner.onFreshTable("hybrid_it_");
    prefix = runner.table();
    assertEquals(ExitCodes.OK, runner.run(new LoadJob(), "--from-folder", folder.toString()), runner.err());
    List<AclCell> row = List.of(
        cell("a", "ADMIN", "{\"sidInfo\":{\"sid\":\"ADMIN\",\"principal\":true},\"permissionMask\":16}"),
        cell("a", "ROLE_ANALYST", "{\"sidInfo\":{\"sid\":\"ROLE_ANALYST\",\"principal\":false},\"permissionMask\":1}"),
        new AclCell("i", "i", new byte[] {-1}),
        cell("i", "o", "{\"sid\":\"ADMIN\",\"principal\":true}"),
        cell("i", "p", "{\"id\":\"another-project\",\"type\":\"org.apache.kylin.metadata.project.ProjectInstance\"}"),
        cell("i", "t", "org.apache.kylin.cube.CubeInstance"));
    try (HBaseCluster hbase = runner.connect()) {
      TestTables.create(hbase, runner.url().aclTable(), "i", "a");
      hbase.aclTable(runner.url()).put(cubeUuid, row);
    }
    return row;
  }

  private static AclCell cell(String family, String qualifier, String value) {
    return new AclCell(family, qualifier, value.getBytes(StandardCharsets.UTF_8));
  }

  private List<AclCell> aclRow(String id) throws IOException {
    try (HBaseCluster hbase = runner.connect()) {
      AclTable acl = hbase.aclTable(runner.url());
      return acl.row(id);
    }
  }

  private Path dump(String name) {
    Path out = tmp.resolve(name);
    assertEquals(ExitCodes.OK, runner.run(new DumpJob(), "--to-folder", out.toString()), runner.err());
    return out;
  }

  private Set<String> validate(String name) throws IOException {
    Path report = tmp.resolve(name + ".json");
    int code = runner.run(new ValidateJob(), "--to", "1.4-alpha", "--report", report.toString());
    assertTrue(code == ExitCodes.OK || code == ExitCodes.PROBLEMS, runner.err());
    Set<String> findings = new HashSet<>();
    for (JsonNode p : JSON.readTree(report.toFile()).get("problems")) {
      findings.add(p.get("kind").asText() + " " + p.get("path").asText() + " " + p.get("message").asText());
    }
    return findings;
  }

  private static Map<String, Resource> read(Path folder) throws IOException {
    Map<String, Resource> resources = new TreeMap<>();
    for (String file : FolderAssertions.files(folder)) {
      resources.put("/" + file, new Resource("/" + file, Files.readAllBytes(folder.resolve(file)), 0L));
    }
    return resources;
  }

  private List<Run> history() throws IOException {
    try (HBaseCluster hbase = runner.connect()) {
      return new RunJournal(hbase.historyTable(runner.historyTable())).history();
    }
  }

  @Test
  void extendsTheCubeExactlyAsPlannedCopiesItsAclAndValidateFindsNothingNew() throws IOException {
    List<AclCell> acl = loadUpgradedMetadataWithAcl();
    Set<String> findingsBefore = validate("before");
    Path before = dump("before");
    Path report = tmp.resolve("hybrid.json");

    assertEquals(ExitCodes.OK, runner.run(hybridJob(), "--to", "1.4-alpha", "--project", "default", "--cube", CUBE,
        "--report", report.toString()), runner.err());

    Path after = dump("after");
    Map<String, Resource> beforeResources = read(before);
    HybridPlan plan = ExtendCubeToHybrid.plan(HybridInput.of(new ArrayList<>(beforeResources.values())),
        UpgradeTarget.V1_4_ALPHA, "default", CUBE, null, new FixedIds());
    Map<String, Resource> expected = new TreeMap<>(beforeResources);
    plan.writes().forEach(w -> expected.put(w.after().path(), w.after()));
    Map<String, Resource> actual = read(after);
    assertEquals(expected.keySet(), actual.keySet());
    for (String path : expected.keySet()) {
      assertArrayEquals(expected.get(path).content(), actual.get(path).content(), path);
    }
    for (HybridPlan.Write write : plan.writes()) {
      assertEquals(NOW, Files.getLastModifiedTime(after.resolve(write.after().path().substring(1))).toMillis(),
          "store timestamp of " + write.after().path());
    }
    assertEquals(6, plan.writes().size());

    List<AclCell> copy = aclRow("00000000-0000-0000-0000-000000000000");
    assertEquals(acl.size(), copy.size());
    for (int i = 0; i < acl.size(); i++) {
      AclCell expectedCell = acl.get(i).is("i", "p")
          ? cell("i", "p", "{\"id\":\"" + PROJECT_UUID + "\",\"type\":\"org.apache.kylin.metadata.project.ProjectInstance\"}")
          : acl.get(i);
      assertEquals(expectedCell, copy.get(i));
    }
    assertEquals(acl, aclRow(CUBE_UUID), "the cube keeps its own entries");

    assertEquals(findingsBefore, validate("after"));
    JsonNode r = JSON.readTree(report.toFile());
    assertEquals("done", r.get("status").asText());
    assertEquals(6, r.get("acl").get("cellsCopied").asInt());
    Run run = history().get(history().size() - 1);
    assertEquals("hybrid", run.command());
    assertEquals(Run.Status.DONE, run.status());

    // undone by a rollback to its backup snapshot, ACL copy included
    assertEquals(ExitCodes.OK, runner.run(new RollbackJob(), "--snapshot", run.get("backup_snapshot")), runner.err());
    FolderAssertions.assertSameFolder(before, dump("rolled-back"), true);
    assertEquals(List.of(), aclRow("00000000-0000-0000-0000-000000000000"));
  }

  @Test
  void aFailureAfterEveryWriteLeavesMetadataAndAclAsTheyWere() throws IOException {
    loadUpgradedMetadataWithAcl();
    Path before = dump("before");
    for (String point : List.of(LiveHybrid.WRITTEN, LiveHybrid.ACL_COPIED)) {
      System.setProperty(FailurePoints.FAIL_AFTER, point);
      assertEquals(ExitCodes.FAILED, runner.run(hybridJob(), "--to", "1.4-alpha", "--project", "default", "--cube",
          CUBE), runner.err());
      System.clearProperty(FailurePoints.FAIL_AFTER);
      assertTrue(runner.err().contains("put back as they were"), runner.err());
      FolderAssertions.assertSameFolder(before, dump("after-" + point), true);
      assertEquals(List.of(), aclRow("00000000-0000-0000-0000-000000000000"), point);
      assertEquals(Run.Status.ROLLED_BACK, history().get(history().size() - 1).status());
    }
    assertEquals(ExitCodes.OK, runner.run(hybridJob(), "--to", "1.4-alpha", "--project", "default", "--cube", CUBE),
        "the lock was released");
  }

  /**
   * A failure in the middle of the writes (one resource written, the others not): every resource is put back and
   * read back as it was, the table byte-equal through {@code dump}, the run ROLLED_BACK and its lock released.
   */
  @Test
  void aFailureInTheMiddleOfTheWritesLeavesTheTableByteEqual() throws IOException {
    loadUpgradedMetadataWithAcl();
    Path before = dump("before");
    System.setProperty(FailurePoints.FAIL_AFTER, "hybrid:write");
    assertEquals(ExitCodes.FAILED, runner.run(hybridJob(), "--to", "1.4-alpha", "--project", "default", "--cube",
        CUBE), runner.err());
    System.clearProperty(FailurePoints.FAIL_AFTER);
    assertTrue(runner.err().contains("put back as they were"), runner.err());
    FolderAssertions.assertSameFolder(before, dump("after-middle"), true);
    assertEquals(List.of(), aclRow("00000000-0000-0000-0000-000000000000"));
    assertEquals(Run.Status.ROLLED_BACK, history().get(history().size() - 1).status());
    assertEquals(ExitCodes.OK, runner.run(hybridJob(), "--to", "1.4-alpha", "--project", "default", "--cube", CUBE),
        "the lock was released");
  }

  @Test
  void badInputIsRefusedWithExit2AndChangesNothing() throws IOException {
    loadUpgradedMetadataWithAcl();
    Path before = dump("before");
    assertEquals(ExitCodes.BAD_INPUT, runner.run(hybridJob(), "--to", "1.4-alpha", "--project", "default", "--cube",
        "test_kylin_cube_without_slr_ready"));
    assertTrue(runner.err().contains("cannot be loaded by Kylin v2: bad data type -- bitmap"), runner.err());
    assertEquals(ExitCodes.BAD_INPUT, runner.run(hybridJob(), "--to", "1.4-alpha", "--project", "nope", "--cube",
        CUBE));
    assertEquals(ExitCodes.BAD_INPUT, runner.run(hybridJob(), "--to", "1.4-alpha", "--project", "default", "--cube",
        CUBE,
        "--partition-date", "2013-11-12"));
    assertEquals(ExitCodes.BAD_INPUT, runner.run(hybridJob(), "--to", "1.4-alpha", "--project", "default", "--cube",
        "test_kylin_cube_with_slr_empty"));
    assertEquals(ExitCodes.BAD_INPUT, runner.run(hybridJob(), "--to", "2.0", "--project", "default", "--cube", CUBE));
    assertTrue(runner.err().contains("--to 2.0: unknown Kylin release; accepted: 1.5, 1.4-alpha"),
        runner.err());
    assertEquals(ExitCodes.BAD_INPUT, runner.run(hybridJob(), "--project", "default", "--cube", CUBE));
    assertTrue(runner.err().contains("cannot be loaded by Kylin 1.5") && runner.err().contains(
        "--to 1.4-alpha"), "the default is 1.5, the table is 1.4-alpha's: " + runner.err());
    FolderAssertions.assertSameFolder(before, dump("untouched"), true);
    try (HBaseCluster hbase = runner.connect()) {
      assertEquals(List.of(), hbase.admin().snapshots(prefix), "no snapshot taken");
    }
    assertTrue(history().stream().allMatch(r -> r.status() == Run.Status.ABORTED));
    assertFalse(runner.err().contains("failed:"), runner.err());
  }

  /** A real crash: hybrid runs in a child JVM that halts right after {@code point}. */
  private int hybridInChildJvmHaltingAfter(String point) throws InterruptedException {
    List<String> args = List.of(runner.commandLine(HybridJob.class, "--to", "1.4-alpha", "--project", "default",
        "--cube",
        CUBE));
    return ChildJvm.start(HybridJob.class, Map.of(FailurePoints.HALT_AFTER, point), args,
        tmp.resolve("child-" + point + ".log")).exitWithin(180);
  }

  @Test
  void aKilledRunIsUndoneByRollbackNotResumed() throws Exception {
    loadUpgradedMetadataWithAcl();
    Path before = dump("before");
    assertEquals(99, hybridInChildJvmHaltingAfter(LiveHybrid.ACL_COPIED), "the child halted");
    Run killed = history().get(history().size() - 1);
    assertTrue(killed.unfinished());
    assertFalse(aclRow(killed.get("acl_copy_row")).isEmpty(), "the ACL row was copied");

    assertEquals(ExitCodes.NEEDS_OPERATOR, runner.run(hybridJob(), "--to", "1.4-alpha", "--project", "default",
        "--cube", CUBE));
    assertEquals(ExitCodes.NEEDS_OPERATOR, runner.run(new ResumeJob()));
    assertTrue(runner.err().contains("cannot be resumed"), runner.err());
    assertEquals(ExitCodes.OK, runner.run(new RollbackJob()), runner.err());
    FolderAssertions.assertSameFolder(before, dump("rolled-back"), true);
    assertEquals(List.of(), aclRow(killed.get("acl_copy_row")));
    assertEquals(ExitCodes.OK, runner.run(hybridJob(), "--to", "1.4-alpha", "--project", "default", "--cube", CUBE),
        runner.err());
  }

  // --to 1.5 ---------------------------------------------------------------------------------------------------------

  private static final String CUBE15 = Hybrid15Fixture.CUBE;
  private static final String CUBE15_UUID = "1eaca32a-a33e-4b69-83dd-0bb8b1f8c53b";

  /**
   * The default: on Kylin 1.5.4.1's own upgrade, the cube extended exactly as planned (its desc is shared with cubes
   * that have segments, so the emptied cube gets its own), the ACL row copied, and Kylin 1.5.4.1 loads the result:
   * every desc with a valid signature, every cube whose desc exists with it, the hybrid with both its cubes.
   */
  @Test
  void to15ExtendsTheCubeAsPlannedAndKylin15LoadsTheResult() throws IOException {
    List<AclCell> acl = loadWithAcl(Hybrid15Fixture.source(), CUBE15_UUID);
    Path before = dump("before");
    Path report = tmp.resolve("hybrid.json");

    assertEquals(ExitCodes.OK, runner.run(hybridJob(), "--project", "default", "--cube", CUBE15, "--report",
        report.toString()), runner.err());

    Path after = dump("after");
    HybridPlan plan = Hybrid15Fixture.plan(before, "default", CUBE15, null, new FixedIds());
    Map<String, Resource> expected = Hybrid15Fixture.applied(before, plan);
    Map<String, Resource> actual = read(after);
    assertEquals(expected.keySet(), actual.keySet());
    for (String path : expected.keySet()) {
      assertArrayEquals(expected.get(path).content(), actual.get(path).content(), path);
    }
    for (HybridPlan.Write write : plan.writes()) {
      assertEquals(NOW, Files.getLastModifiedTime(after.resolve(write.after().path().substring(1))).toMillis(),
          "store timestamp of " + write.after().path());
    }
    assertEquals(Hybrid15Fixture.DESC + "_v2", plan.ownDesc());

    List<AclCell> copy = aclRow("00000000-0000-0000-0000-000000000000");
    assertEquals(acl.size(), copy.size());
    for (int i = 0; i < acl.size(); i++) {
      assertEquals(acl.get(i).is("i", "p") ? cell("i", "p", "{\"id\":\"" + PROJECT_UUID
          + "\",\"type\":\"org.apache.kylin.metadata.project.ProjectInstance\"}") : acl.get(i), copy.get(i));
    }
    JsonNode r = JSON.readTree(report.toFile());
    assertEquals("1.5", r.get("to").asText());
    assertEquals("done", r.get("status").asText());
    Run run = history().get(history().size() - 1);
    assertEquals("1.5", run.get("to"));
    assertEquals(Run.Status.DONE, run.status());

    KylinLoad loadBefore = KylinClient.load(KylinClient.Version.V1_5_4_1, before);
    KylinLoad load = KylinClient.load(KylinClient.Version.V1_5_4_1, after);
    assertEquals(loadBefore.loadedDescCount() + 2, load.loadedDescCount(), load.summary());
    assertTrue(load.descs().stream().allMatch(d -> d.loaded() && d.signatureOk()), load.summary());
    assertEquals(loadBefore.cubesWithoutDesc(), load.cubesWithoutDesc(), "the cubes whose descs are absent");
    assertTrue(load.cube(CUBE15 + "_old").orElseThrow().descFound(), load.summary());
    assertEquals(1, load.cube(CUBE15 + "_old").orElseThrow().segments());
    assertEquals(0, load.cube(CUBE15).orElseThrow().segments());
    KylinHybrids.Hybrid hybrid = KylinClient.hybrids(after).hybrid(CUBE15 + "_hybrid").orElseThrow();
    assertEquals(Map.of("CUBE:" + CUBE15, true, "CUBE:" + CUBE15 + "_old", true), hybrid.entries());
    assertEquals(List.of(CUBE15 + "_old"), hybrid.realizations(), "the emptied cube is disabled, so not queried");

    assertEquals(ExitCodes.OK, runner.run(new RollbackJob(), "--snapshot", run.get("backup_snapshot")), runner.err());
    FolderAssertions.assertSameFolder(before, dump("rolled-back"), true);
    assertEquals(List.of(), aclRow("00000000-0000-0000-0000-000000000000"));
  }

  /**
   * Where no other cube shares the desc, the table after {@code hybrid} holds what Kylin 1.5.4.1's own tool writes
   * from the same metadata, byte for byte but the run's uuids and times.
   */
  @Test
  void to15RefusesADescAboveTheOperatorsLimitOfCombinationsAndRecordsTheLimitItRanWith() throws IOException {
    loadWithAcl(Hybrid15Fixture.source(), CUBE15_UUID);
    Path before = dump("before");
    int needed = org.kylinupgrade.CombinationLimits.needed(
        JSON.readTree(before.resolve("cube_desc/" + Hybrid15Fixture.DESC + ".json").toFile()));
    assertEquals(ExitCodes.BAD_INPUT, runner.run(hybridJob(), "--project", "default", "--cube", CUBE15,
        "--max-combination", Integer.toString(needed - 1)));
    assertTrue(runner.err().contains("has too many combinations"), runner.err());
    FolderAssertions.assertSameFolder(before, dump("refused"), true);
    assertEquals(ExitCodes.OK, runner.run(hybridJob(), "--project", "default", "--cube", CUBE15,
        "--max-combination", Integer.toString(needed)), runner.err());
    // two runs may start within one second, and run ids of one second do not sort by start: find the one that ran
    List<Run> done = history().stream().filter(r -> r.status() == Run.Status.DONE).toList();
    assertEquals(1, done.size(), done.toString());
    assertEquals(Integer.toString(needed), done.get(0).get(Run.MAX_COMBINATION));
  }

  @Test
  void to15WritesWhatKylin15sOwnToolWrites() throws IOException {
    Path input = Hybrid15Fixture.copy(tmp.resolve("input"));
    for (String sharer : Hybrid15Fixture.SHARERS) {
      Hybrid15Fixture.delete(input, "/cube/" + sharer + ".json");
    }
    loadWithAcl(input, CUBE15_UUID);
    Path before = dump("before");
    assertEquals(ExitCodes.OK, runner.run(hybridJob(), "--to", "1.5", "--project", "default", "--cube", CUBE15,
        "--partition-date", "2013-12-12 00:00:00"), runner.err());
    Path after = dump("after");
    Path kylinOut = tmp.resolve("kylin-out");
    KylinExtend kylin = KylinClient.extendCubeToHybrid(before, kylinOut, "default", CUBE15, "2013-12-12 00:00:00");
    assertTrue(kylin.aclStepFailed(), kylin.summary());
    List<String> written = Hybrid15Fixture.assertSameOutput(TestData.readFolder(before), TestData.readFolder(kylinOut),
        TestData.readFolder(after), "Kylin's tool vs the table");
    assertEquals(6, written.size(), written.toString());
  }
}
