package org.kylinupgrade.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.kylinupgrade.CombinationLimits;
import org.kylinupgrade.FolderAssertions;
import org.kylinupgrade.JobRunner;
import org.kylinupgrade.SharedHBase;
import org.kylinupgrade.SharedSpark;
import org.kylinupgrade.SparkJobs;
import org.kylinupgrade.TestData;
import org.kylinupgrade.hbase.HBaseCluster;
import org.kylinupgrade.cuboid.V15Cuboids;
import org.kylinupgrade.journal.FailurePoints;
import org.kylinupgrade.journal.Run;
import org.kylinupgrade.journal.RunJournal;
import org.kylinupgrade.journal.Step;

/** The live upgrade of a metadata table on a real HBase with local Spark: result, backup, rollback, failures. */
@ExtendWith(SparkJobs.class)
class LiveUpgradeIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path tmp;

  private JobRunner runner;
  private String table;

  private void loadExample(String example, String... more) {
    loadExampleWithWorkingDir(example, SharedHBase.newWorkingDir(), more);
  }

  private void loadExampleWithWorkingDir(String example, String workingDir, String... more) {
    // the target of the upgrades that name none: most tests here compare with Kylin 1.4-alpha's output
    runner = JobRunner.on(JobRunner.freshTable("live_it_"), workingDir).withOption(UpgradeJob.class, "--to",
        "1.4-alpha");
    table = runner.table();
    String[] args = new String[2 + more.length];
    args[0] = "--from-folder";
    args[1] = TestData.example(example).toString();
    System.arraycopy(more, 0, args, 2, more.length);
    assertEquals(ExitCodes.OK, runner.run(new LoadJob(), args), runner.err());
  }

  private Path dump(String name) {
    Path out = tmp.resolve(name);
    assertEquals(ExitCodes.OK, runner.run(new DumpJob(), "--to-folder", out.toString()), runner.err());
    return out;
  }

  /** The report the newest run stored in the history table. */
  private JsonNode journaledReport() throws IOException {
    try (HBaseCluster hbase = runner.connect()) {
      org.kylinupgrade.journal.RunJournal journal = new org.kylinupgrade.journal.RunJournal(
          hbase.historyTable(runner.historyTable()));
      org.kylinupgrade.journal.Run last = journal.history().get(journal.history().size() - 1);
      return JSON.readTree(journal.report(last.id()).orElseThrow());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"kylin-1.3.0-sample-cube", "kylin-1.3.0-localmeta"})
  void upgradesTheTableAsTheOfflineRunAndRollsBack(String example) throws IOException {
    loadExample(example, "--keyvalue-maxsize", "100000");
    Path report = tmp.resolve("report.json");
    int code = runner.run(new UpgradeJob(), "--keep-unloadable", "--report", report.toString(), "--keyvalue-maxsize",
        "100000");
    JsonNode r = JSON.readTree(report.toFile());
    assertEquals(r.get("unloadable").size() > 0 ? ExitCodes.PROBLEMS : ExitCodes.OK, code, runner.err());
    assertTrue(r.get("source").asText().contains("read from its files under " + SharedHBase.hdfs() + "/"),
        "a client given the cluster's hbase-site reads the snapshot's files on HDFS: " + r.get("source"));
    FolderAssertions.assertSameFolderButLastModified(TestData.expected(example), dump("after"));
    assertEquals(List.of(table, runner.historyTable()), runner.tables(), "no staging table left");
    assertEquals(r.get("changes"), journaledReport().get("changes"), "the history keeps the run's report");

    assertEquals(ExitCodes.OK, runner.run(new UpgradeJob(), "--keep-unloadable", "--report", report.toString()) % 4,
        "a second run changes nothing");
    assertEquals(0, JSON.readTree(report.toFile()).get("changed").asInt());

    assertEquals(ExitCodes.OK, runner.run(new RollbackJob()), runner.err());
    FolderAssertions.assertSameFolder(TestData.example(example), dump("rolled-back"), true);
  }

  @ParameterizedTest
  @ValueSource(strings = {"kylin-1.3.0-sample-cube", "kylin-1.3.0-localmeta"})
  void upgradesTheTableToKylin15AsKylinDoesAndRollsBack(String example) throws IOException {
    loadExample(example, "--keyvalue-maxsize", "100000");
    runner.withOption(UpgradeJob.class, "--to", "1.5");
    Path report = tmp.resolve("report15.json");
    assertEquals(ExitCodes.OK, runner.run(new UpgradeJob(), "--report", report.toString(), "--keyvalue-maxsize",
        "100000"),
        runner.err());
    assertTrue(JSON.readTree(report.toFile()).get("source").asText().contains("read from its files"));
    Path after = dump("after15");
    Path propertyCheckedList = TestData.expected15(example + ".property-checked.txt");
    List<String> propertyCheckedFiles = Files.exists(propertyCheckedList) ? Files.readAllLines(propertyCheckedList) : List.of();
    for (String propertyChecked : propertyCheckedFiles) {
      if (!propertyChecked.isBlank()) {
        assertTrue(Files.isRegularFile(after.resolve(propertyChecked)), propertyChecked + " is converted too");
        Files.delete(after.resolve(propertyChecked));
      }
    }
    FolderAssertions.assertSameFolderButLastModified(TestData.expected15(example), after);
    assertEquals(List.of(table, runner.historyTable()), runner.tables(), "no staging table left");
    assertEquals(0, runAndReadChanged(report), "a second run changes nothing");
    assertEquals(ExitCodes.OK, runner.run(new RollbackJob()), runner.err());
    FolderAssertions.assertSameFolder(TestData.example(example), dump("rolled-back15"), true);
  }

  private int runAndReadChanged(Path report) throws IOException {
    assertEquals(ExitCodes.OK, runner.run(new UpgradeJob(), "--report", report.toString()), runner.err());
    return JSON.readTree(report.toFile()).get("changed").asInt();
  }

  @Test
  void aKilledRunIsResumedToItsOwnTargetAndAnotherIsRefused() throws Exception {
    loadExample("kylin-1.3.0-sample-cube", "--keyvalue-maxsize", "2000");
    runner.withOption(UpgradeJob.class, "--to", "1.5");
    assertEquals(99, upgradeInChildJvmHaltingAfter(Step.STAGED), "the child halted");
    assertEquals(ExitCodes.BAD_INPUT, runner.run(new ResumeJob(), "--to", "1.4-alpha", "--keyvalue-maxsize", "2000"));
    assertTrue(runner.err().contains("upgrades to 1.5, not to 1.4-alpha"), runner.err());
    assertEquals(ExitCodes.OK, runner.run(new ResumeJob(), "--keyvalue-maxsize", "2000"), runner.err());
    FolderAssertions.assertSameFolderButLastModified(TestData.expected15("kylin-1.3.0-sample-cube"), dump("resumed15"));
  }

  @ParameterizedTest
  @EnumSource(value = Step.class, names = {"BACKED_UP", "STAGED", "VERIFIED", "WRITERS_CHECKED", "SWAP_SNAPSHOT_TAKEN",
      "SWAP_DISABLED", "SWAP_DROPPED", "SWAP_CLONED", "SWAP_BIG_CELLS_MOVED"})
  void aFailureAtAnyStepLeavesTheTableAsItWas(Step step) throws IOException {
    loadExample("kylin-1.3.0-sample-cube", "--keyvalue-maxsize", "2000");
    System.setProperty(FailurePoints.FAIL_AFTER, step.name());
    int code = runner.run(new UpgradeJob(), "--keyvalue-maxsize", "2000");
    System.clearProperty(FailurePoints.FAIL_AFTER);
    assertEquals(ExitCodes.FAILED, code, runner.err());
    FolderAssertions.assertSameFolder(TestData.example("kylin-1.3.0-sample-cube"), dump("as-it-was"), true);
    assertEquals(List.of(table, runner.historyTable()), runner.tables(), "no staging table left");
    assertEquals(ExitCodes.OK, runner.run(new UpgradeJob(), "--keyvalue-maxsize", "2000"), runner.err());
    FolderAssertions.assertSameFolderButLastModified(TestData.expected("kylin-1.3.0-sample-cube"), dump("upgraded"));
  }

  @Test
  void aClientGivenOnlyTheZookeeperAddressReadsTheStagingClone() throws IOException {
    loadExample("kylin-1.3.0-sample-cube");
    runner.withCluster("--zookeeper", SharedHBase.zookeeper());
    Path report = tmp.resolve("zookeeper-only.json");
    assertEquals(ExitCodes.OK, runner.run(new UpgradeJob(), "--report", report.toString()), runner.err());
    String source = JSON.readTree(report.toFile()).get("source").asText();
    assertTrue(source.contains("read through its clone " + table + "_upg_"), source);
    FolderAssertions.assertSameFolderButLastModified(TestData.expected("kylin-1.3.0-sample-cube"), dump("upgraded"));
    assertEquals(List.of(table, runner.historyTable()), runner.tables(), "no staging table left");
  }

  @Test
  void aSparkReadThatComesBackShortStopsTheRunWithBothCounts() throws IOException {
    loadExample("kylin-1.3.0-sample-cube");
    // Spark's default since 3.2: splits of length 0 are dropped, and HBase reports 0 for every snapshot split
    org.apache.spark.SparkConf live = SharedSpark.context().sc().conf();
    FailurePoints.observe(step -> {
      if (step == Step.BACKED_UP) {
        live.set(org.kylinupgrade.pipeline.SparkContexts.IGNORE_EMPTY_SPLITS, "true");
      }
    });
    try {
      assertEquals(ExitCodes.FAILED, runner.run(new UpgradeJob()), runner.err());
    } finally {
      live.set(org.kylinupgrade.pipeline.SparkContexts.IGNORE_EMPTY_SPLITS, "false");
    }
    java.util.regex.Matcher counts = Pattern.compile("returned (\\d+) rows under .*, but the snapshot holds (\\d+) rows")
        .matcher(runner.err());
    assertTrue(counts.find(), runner.err());
    assertTrue(Long.parseLong(counts.group(1)) < Long.parseLong(counts.group(2)), counts.group());
    FolderAssertions.assertSameFolder(TestData.example("kylin-1.3.0-sample-cube"), dump("untouched"), true);
    assertEquals(List.of(table, runner.historyTable()), runner.tables(), "no staging table left");
  }

  @Test
  void bigCellsInAWorkingDirOnHdfsAreUpgradedAndRolledBack() throws IOException {
    loadExampleWithWorkingDir("kylin-1.3.0-sample-cube", SharedHBase.newHdfsWorkingDir(), "--keyvalue-maxsize", "2000");
    org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(SharedHBase.hdfs() + runner.workingDir());
    org.apache.hadoop.fs.FileSystem hdfs = dir.getFileSystem(SharedHBase.clientConf());
    assertTrue(hdfs.listFiles(dir, true).hasNext(), "big cells were written to the working dir on HDFS");
    assertEquals(ExitCodes.OK, runner.run(new UpgradeJob(), "--keyvalue-maxsize", "2000"), runner.err());
    FolderAssertions.assertSameFolderButLastModified(TestData.expected("kylin-1.3.0-sample-cube"), dump("upgraded"));
    assertEquals(ExitCodes.OK, runner.run(new RollbackJob()), runner.err());
    FolderAssertions.assertSameFolder(TestData.example("kylin-1.3.0-sample-cube"), dump("rolled-back"), true);
  }

  @Test
  void unloadableDescsRefuseTheRunBeforeAnythingChanges() throws IOException {
    loadExample("kylin-1.3.0-localmeta");
    assertEquals(ExitCodes.BAD_INPUT, runner.run(new UpgradeJob()));
    FolderAssertions.assertSameFolder(TestData.example("kylin-1.3.0-localmeta"), dump("untouched"), true);
  }

  /**
   * The terminal of a live run (not a terminal here): a line at the end of each phase, in order, and the changes as a
   * summary that says where the report holding every change is.
   */
  @Test
  void theRunPrintsALineAtTheEndOfEachPhaseAndWhereItsReportIs() throws IOException {
    loadExample("kylin-1.3.0-sample-cube");
    Path report = tmp.resolve("phases.json");
    JobRunner.Outcome run = runner.execute(new UpgradeJob(), "--report", report.toString());
    assertEquals(ExitCodes.OK, run.exit(), run::toString);
    List<String> phases = run.out().lines().filter(l -> l.matches("[a-z ]+: (\\d+)/\\1 tasks, .*"))
        .map(l -> l.substring(0, l.indexOf(':'))).toList();
    assertEquals(List.of("read snapshot", "convert", "stage", "verify"), phases, run.out());
    assertTrue(run.out().contains("changes: 2 (1 cube desc, 1 model)" + System.lineSeparator()), run.out());
    String history = runner.historyTable();
    assertEquals(2, JSON.readTree(report.toFile()).get("changes").size());
    assertTrue(journaledReport().get("changes").size() == 2, "the history holds the report the output points to");
    assertTrue(run.out().indexOf("read snapshot: ") < run.out().indexOf("upgraded table "), run.out());
    assertFalse(run.out().contains(" more changes"), "two changes are all printed: " + run.out());
    assertTrue(history.endsWith("_upgrade_history"), history);
  }

  @Test
  void dryRunWritesNothing() throws IOException {
    loadExample("kylin-1.3.0-sample-cube");
    Path report = tmp.resolve("dry.json");
    assertEquals(ExitCodes.OK, runner.run(new UpgradeJob(), "--dry-run", "--report", report.toString()), runner.err());
    assertEquals(2, JSON.readTree(report.toFile()).get("changed").asInt());
    FolderAssertions.assertSameFolder(TestData.example("kylin-1.3.0-sample-cube"), dump("untouched"), true);
    assertFalse(runner.err().contains("failed"));
    assertTrue(runner.tables().stream().noneMatch(t -> t.endsWith("_staging")), "the clone counted is dropped: "
        + runner.tables());
  }

  @Test
  void aSecondRunIsRefusedWhileTheLockIsHeld() throws IOException {
    loadExample("kylin-1.3.0-sample-cube");
    try (HBaseCluster hbase = runner.connect()) {
      org.kylinupgrade.journal.RunLock lock = new org.kylinupgrade.journal.RunLock(
          hbase.historyTable(runner.historyTable()).ensureExists());
      lock.acquire("other-run");
      assertEquals(ExitCodes.FAILED, runner.run(new UpgradeJob()));
      assertTrue(runner.err().contains("other-run"), runner.err());
      lock.release("other-run");
    }
    assertEquals(ExitCodes.OK, runner.run(new UpgradeJob()), runner.err());
  }

  @Test
  void aWriteToTheLiveTableDuringTheRunRefusesTheSwap() throws IOException {
    loadExample("kylin-1.3.0-sample-cube");
    FailurePoints.observe(step -> {
      if (step == Step.VERIFIED) {
        try (HBaseCluster hbase = runner.connect();
            org.kylinupgrade.hbase.HBaseStore store = hbase.openStore(runner.url())) {
          store.put(org.kylinupgrade.metadata.Resource.ofText("/project/edited_meanwhile.json", "{}", 7L));
          store.flush();
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    });
    assertEquals(ExitCodes.FAILED, runner.run(new UpgradeJob()));
    assertTrue(runner.err().contains("/project/edited_meanwhile.json"), runner.err());
    Path after = dump("after");
    Files.delete(after.resolve("project/edited_meanwhile.json"));
    FolderAssertions.assertSameFolder(TestData.example("kylin-1.3.0-sample-cube"), after, true);
    assertEquals(List.of(table, runner.historyTable()), runner.tables(), "no staging table left");
  }

  @Test
  void aStagedRowThatDoesNotReadBackAsWrittenFailsVerification() throws IOException {
    loadExample("kylin-1.3.0-sample-cube");
    String desc = "/cube_desc/kylin_sales_cube_desc.json";
    FailurePoints.observe(step -> {
      if (step == Step.STAGED) {
        try (HBaseCluster hbase = runner.connect()) {
          String staging = runner.tables().stream().filter(t -> t.endsWith("_staging")).findFirst().orElseThrow();
          try (org.kylinupgrade.hbase.HBaseStore store = hbase.openStore(
              org.kylinupgrade.metadata.MetadataUrl.parse(staging + "@hbase"))) {
            store.put(org.kylinupgrade.metadata.Resource.ofText(desc, "{\"name\":\"altered\"}", 7L));
            store.flush();
          }
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    });
    assertEquals(ExitCodes.FAILED, runner.run(new UpgradeJob()));
    assertTrue(runner.err().contains("do not read back as written, e.g. " + desc), runner.err());
    FolderAssertions.assertSameFolder(TestData.example("kylin-1.3.0-sample-cube"), dump("after"), true);
    assertEquals(List.of(table, runner.historyTable()), runner.tables(), "no staging table left");
  }

  /** A real crash: the upgrade runs in a child JVM that halts right after {@code step}. */
  private int upgradeInChildJvmHaltingAfter(Step step) throws InterruptedException {
    List<String> args = List.of(runner.commandLine(UpgradeJob.class, "--keyvalue-maxsize", "2000", "--master",
        "local[1]"));
    return ChildJvm.start(UpgradeJob.class, java.util.Map.of(FailurePoints.HALT_AFTER, step.name()), args,
        tmp.resolve("child-" + step + ".log")).exitWithin(180);
  }

  @Test
  void aKilledRunIsResumedWithTheLimitOfCombinationsItRecorded() throws Exception {
    String descFile = "cube_desc/kylin_sales_cube_desc.json";
    loadExample("kylin-1.3.0-sample-cube", "--keyvalue-maxsize", "2000");
    JsonNode atDefault = JSON.readTree(TestData.expected15("kylin-1.3.0-sample-cube").resolve(descFile).toFile());
    int limit = CombinationLimits.needed(atDefault) - 1;
    runner.withOption(UpgradeJob.class, "--to", "1.5");
    runner.withOption(UpgradeJob.class, "--max-combination", Integer.toString(limit));
    assertEquals(99, upgradeInChildJvmHaltingAfter(Step.BACKED_UP), "the child halted");
    assertEquals(ExitCodes.OK, runner.run(new ResumeJob(), "--keyvalue-maxsize", "2000"), runner.err());
    JsonNode resumed = JSON.readTree(dump("resumed-limited").resolve(descFile).toFile());
    assertTrue(V15Cuboids.of(resumed, limit).loads(), resumed.get("aggregation_groups").toString());
    assertEquals(V15Cuboids.of(atDefault).cuboidSet(), V15Cuboids.of(resumed).cuboidSet());
    try (HBaseCluster hbase = runner.connect()) {
      List<Run> history = new RunJournal(hbase.historyTable(runner.historyTable())).history();
      assertEquals(limit, history.get(history.size() - 1).maxCombination(), history.toString());
    }
  }

  @Test
  void aKilledRunIsResumedToTheSameResult() throws Exception {
    loadExample("kylin-1.3.0-sample-cube", "--keyvalue-maxsize", "2000");
    assertEquals(99, upgradeInChildJvmHaltingAfter(Step.SWAP_DROPPED), "the child halted");
    assertEquals(ExitCodes.NEEDS_OPERATOR, runner.run(new UpgradeJob(), "--keyvalue-maxsize", "2000"));
    assertTrue(runner.err().contains("resume"), runner.err());
    assertEquals(ExitCodes.OK, runner.run(new ResumeJob(), "--keyvalue-maxsize", "2000"), runner.err());
    FolderAssertions.assertSameFolderButLastModified(TestData.expected("kylin-1.3.0-sample-cube"), dump("resumed"));
    assertEquals(ExitCodes.OK, runner.run(new RollbackJob()), runner.err());
    FolderAssertions.assertSameFolder(TestData.example("kylin-1.3.0-sample-cube"), dump("rolled-back"), true);
  }

  @Test
  void aKilledRunsLockIsReportedAndRollbackTakesItOver() throws Exception {
    loadExample("kylin-1.3.0-sample-cube", "--keyvalue-maxsize", "2000");
    assertEquals(99, upgradeInChildJvmHaltingAfter(Step.STAGED), "the child halted");
    assertEquals(ExitCodes.NEEDS_OPERATOR, runner.run(new UpgradeJob()));
    assertEquals(ExitCodes.OK, runner.run(new RollbackJob()), runner.err());
    FolderAssertions.assertSameFolder(TestData.example("kylin-1.3.0-sample-cube"), dump("rolled-back"), true);
    assertEquals(List.of(table, runner.historyTable()), runner.tables(), "no staging table left");
    assertEquals(ExitCodes.OK, runner.run(new UpgradeJob(), "--keyvalue-maxsize", "2000"), runner.err());
  }

  @Test
  void unlockClearsOnlyTheLockOfADeadProcess() throws IOException {
    loadExample("kylin-1.3.0-sample-cube");
    try (HBaseCluster hbase = runner.connect()) {
      org.kylinupgrade.hbase.HistoryTable history = hbase.historyTable(runner.historyTable()).ensureExists();
      java.util.Map<String, String> deadLease = new java.util.LinkedHashMap<>();
      deadLease.put("run", "dead-run");
      deadLease.put("host", org.kylinupgrade.journal.RunLock.host());
      deadLease.put("pid", "999999999");
      deadLease.put("started", "2026-01-01T00:00:00Z");
      history.put("lock", deadLease);
    }
    assertEquals(ExitCodes.FAILED, runner.run(new UpgradeJob()));
    assertTrue(runner.err().contains("unlock --run dead-run"), runner.err());
    assertEquals(ExitCodes.FAILED, runner.run(new UnlockJob(), "--run", "someone-else"));
    assertEquals(ExitCodes.OK, runner.run(new UnlockJob(), "--run", "dead-run"), runner.err());
    assertEquals(ExitCodes.OK, runner.run(new UpgradeJob()), runner.err());
  }
}
