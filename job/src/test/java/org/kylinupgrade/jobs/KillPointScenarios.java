package org.kylinupgrade.jobs;

import static org.junit.jupiter.api.Assertions.assertAll;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kylinupgrade.CoprocessorTestJars;
import org.kylinupgrade.CubeTableFixture;
import org.kylinupgrade.FolderAssertions;
import org.kylinupgrade.JobRunner;
import org.kylinupgrade.SparkJobs;
import org.kylinupgrade.TestData;
import org.kylinupgrade.TestTables;
import org.kylinupgrade.coprocessor.CoprocessorEntry;
import org.kylinupgrade.coprocessor.KylinCoprocessors.Target;
import org.kylinupgrade.coprocessor.TablePlan;
import org.kylinupgrade.hbase.HBaseCluster;
import org.kylinupgrade.hbase.TestHBase;
import org.kylinupgrade.journal.Run;
import org.kylinupgrade.journal.RunJournal;
import org.kylinupgrade.journal.RunLock;
import org.kylinupgrade.journal.Step;
import org.kylinupgrade.metadata.AclCell;

/**
 * Every command that changes the metadata table, SIGKILLed in a child JVM at each journaled step and inside its long
 * phases. After each kill, {@code info} names the run, the step it stopped after and the exact next command; that
 * command, run here, leaves the table equal (through {@code dump}) to the clean run's result or to what it held before
 * the killed command, with no run unfinished, no lock held, no table disabled, the backup snapshot of a killed run
 * that touched the table kept and nothing else of the run's left behind. A killed {@code backup} is discarded
 * whole: no snapshot of it is left.
 * {@code coprocessor} is not journaled: run again after the kill, it brings every table to the wanted set, enabled.
 */
@ExtendWith(SparkJobs.class)
abstract class KillPointScenarios {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EXAMPLE = "kylin-1.3.0-sample-cube";
  /** Cells above this many bytes are stored as files: the swap moves them too. */
  private static final String MAX_CELL = "2000";
  private static final String TO = "1.4-alpha";
  private static final String HYBRID_CUBE = "test_kylin_cube_with_slr_ready_2_segments";
  private static final String HYBRID_CUBE_UUID = "1eaca32a-a33e-4b69-83dd-0bb8b1f8c53c";

  /** What the next command leaves. */
  enum Expect {
    /** the clean run's result */
    RESULT,
    /** what the table held before the killed command */
    ORIGINAL,
    /** coprocessor: every selected table carries the wanted set and is enabled */
    CONVERGED
  }

  @TempDir
  Path tmp;

  private String table;
  private JobRunner runner;

  /**
   * Kills {@code command} at {@code point} and checks what {@code info} says and what {@code next} leaves. COMMAND is
   * the killed command ({@code resume@POINT}: the resume of an upgrade first killed at POINT); POINT a journaled step,
   * or a named point inside a phase ({@code swap:drop}, …), where the child pauses and is killed; STEP the last step
   * the journal holds then (for a point inside a phase: the step journaled before it); NEXT the command {@code info}
   * must name, which is then run; EXPECT the state it must leave. A journaled step and the point right after it leave
   * the same state: only one of the two is a row.
   */
  protected void killAndCheck(String command, String point, String step, String next, Expect expect) throws Exception {
    if (command.equals("coprocessor")) {
      coprocessorConvergesAfterAKillAt(point);
      return;
    }
    Scenario scenario = setUp(command);
    ChildJvm killed = KillPoint.killAt(point, scenario.main(), scenario.args(), tmp);
    String log = "\nthe killed child's output ends with:\n" + killed.tail(25);

    Run stopped = unfinishedRun().orElseThrow(() -> new AssertionError("the kill left no unfinished run" + log));
    assertEquals(step, stopped.step().name(), "the journal says where the run stopped" + log);
    boolean touched = command.equals("hybrid") ? stopped.step().compareTo(Step.BACKED_UP) >= 0
        : stopped.step().swapStarted();
    // each check is made and reported even when one before it failed: a kill point often breaks several
    assertAll(command + " killed at " + point,
        () -> {
          boolean healthy = liveHealthy();
          JobRunner.Outcome info = runner.execute(new InfoJob());
          if (healthy) {
            assertEquals(ExitCodes.OK, info.exit(), "info after the kill, the table enabled: " + info + log);
          } else {
            assertTrue(info.exit() == ExitCodes.OK || info.exit() == ExitCodes.NEEDS_OPERATOR,
                "info after the kill, the table disabled or missing, exits 0 or 3: " + info + log);
          }
          assertTrue(info.out().contains(stopped.id()), "info names the run " + stopped.id() + ": " + info.out());
          assertTrue(info.out().contains(stopped.step().name()), "info says where it stopped, " + stopped.step() + ": "
              + info.out());
          assertTrue(info.out().contains("`kylin-upgrade " + next + "`"), "info names the next command "
              + "`kylin-upgrade " + next + "`: " + info.out());
        },
        () -> {
          JobRunner.Outcome done = runNext(next);
          assertEquals(ExitCodes.OK, done.exit(), next + " after the kill: " + done + log);
        },
        () -> {
          Path after = dump("after-" + next);
          if (expect == Expect.RESULT) {
            scenario.result().check(after);
          } else {
            FolderAssertions.assertSameFolder(scenario.original(), after, true);
          }
        },
        () -> {
          String aclCopy = stopped.get("acl_copy_row");
          if (aclCopy != null && !aclCopy.isEmpty()) {
            assertEquals(List.of(), aclRow(aclCopy), "the ACL row the killed hybrid copied is gone");
          }
        },
        () -> {
          String backup = stopped.get("backup_snapshot");
          if (backup == null || backup.isEmpty()) {
            return;
          }
          try (HBaseCluster hbase = runner.connect()) {
            if (command.equals("backup")) {
              // a killed backup is no backup: nothing of it is left half-made
              assertEquals(List.of(), hbase.admin().snapshots(backup).stream().map(s -> s.name).toList(),
                  "the killed backup's snapshots are gone");
              assertEquals(List.of(), FolderAssertions.files(Files.createDirectories(tmp.resolve("backups"))),
                  "the killed backup wrote no folder");
            } else if (touched) {
              assertTrue(hbase.admin().snapshotExists(backup), "the killed run's backup snapshot " + backup
                  + " is kept");
            }
          }
        },
        this::assertNothingLeft);
  }

  // the killed commands -------------------------------------------------------------------------------------------

  /** How a command's result is checked. */
  @FunctionalInterface
  private interface ResultCheck {
    void check(Path dump) throws IOException;
  }

  /**
   * Two upgrades of one table as two processes on one host: while the first holds the run lock (paused as it stages),
   * the second is refused, naming the first's run and process as still running, and starts no run of its own; the
   * first, killed, is then finished by {@code resume}.
   */
  protected void aSecondUpgradeProcessIsRefusedWhileTheFirstRuns() throws Exception {
    Scenario scenario = setUp("upgrade");
    ChildJvm first = KillPoint.pausedAt("stage:write", scenario.main(), scenario.args(), tmp);
    Run running;
    ChildJvm second;
    int exit;
    try {
      running = unfinishedRun().orElseThrow(() -> new AssertionError("the paused upgrade holds no run"));
      second = ChildJvm.start(scenario.main(), Map.of(), scenario.args(), tmp.resolve("second-upgrade.log"));
      exit = second.exitWithin(300);
      assertEquals(1, history().size(), "the refused upgrade started no run: " + history());
      assertEquals(running.id(), unfinishedRun().map(Run::id).orElse(null), "the first run is still the open one");
    } finally {
      first.kill();
    }
    String refusal = second.tail(40);
    assertEquals(ExitCodes.FAILED, exit, refusal);
    assertTrue(refusal.contains("run " + running.id()) && refusal.contains("pid " + first.process().pid())
        && refusal.contains("still running"), "the refusal names the first run's process as running: " + refusal);
    JobRunner.Outcome resumed = runner.execute(new ResumeJob());
    assertEquals(ExitCodes.OK, resumed.exit(), resumed.toString());
    scenario.result().check(dump("after-resume"));
    assertNothingLeft();
  }

  /** The command to kill, what the table held before it and how its clean result looks. */
  private record Scenario(Class<?> main, List<String> args, Path original, ResultCheck result) {
  }

  private Scenario setUp(String command) throws Exception {
    String[] parts = command.split("@", 2);
    Path v1 = TestData.example(EXAMPLE);
    ResultCheck upgraded = dump -> FolderAssertions.assertSameFolderButLastModified(TestData.expected(EXAMPLE), dump);
    switch (parts[0]) {
      case "upgrade":
        load(v1);
        return new Scenario(UpgradeJob.class, childArgs("--to", TO), v1, upgraded);
      case "resume":
        load(v1);
        KillPoint.killAt(parts[1], UpgradeJob.class, childArgs("--to", TO), tmp);
        return new Scenario(ResumeJob.class, childArgs(), v1, upgraded);
      case "rollback-folder":
        load(v1);
        Path folder = TestData.expected(EXAMPLE);
        return new Scenario(RollbackJob.class, childArgs("--from-folder", folder.toString()), v1,
            dump -> FolderAssertions.assertSameFolder(folder, dump, true));
      case "rollback-snapshot": {
        load(v1);
        JobRunner.Outcome upgrade = runner.execute(new UpgradeJob(), "--to", TO);
        assertEquals(ExitCodes.OK, upgrade.exit(), upgrade.toString());
        Path before = dump("before");
        String backup = history().get(history().size() - 1).get("backup_snapshot");
        return new Scenario(RollbackJob.class, childArgs("--snapshot", backup), before,
            dump -> FolderAssertions.assertSameFolder(v1, dump, true));
      }
      case "hybrid": {
        loadWithAcl(TestData.expected("kylin-1.3.0-localmeta"));
        Path before = dump("before");
        return new Scenario(HybridJob.class, childArgs("--to", TO, "--project", "default", "--cube", HYBRID_CUBE),
            before, dump -> {
              throw new AssertionError("a killed hybrid is rolled back, not finished");
            });
      }
      case "backup":
        load(v1);
        return new Scenario(BackupJob.class, childArgs("--to-folder", tmp.resolve("backups").toString()), v1,
            dump -> {
              throw new AssertionError("a killed backup is discarded, not finished");
            });
      default:
        throw new IllegalArgumentException("no such killed command: " + command);
    }
  }

  /** The arguments of a child run: the mini cluster as an operator names it, one Spark core. */
  private List<String> childArgs(String... more) {
    List<String> args = new ArrayList<>(List.of("--master", "local[1]"));
    args.addAll(List.of(more));
    return List.of(runner.commandLine(Object.class, args.toArray(new String[0])));
  }

  private JobRunner.Outcome runNext(String command) {
    List<String> words = List.of(command.split(" "));
    String[] rest = words.subList(1, words.size()).toArray(new String[0]);
    switch (words.get(0)) {
      case "resume":
        return runner.execute(new ResumeJob(), rest);
      case "rollback":
        return runner.execute(new RollbackJob(), rest);
      default:
        throw new IllegalArgumentException("not a next command: " + command);
    }
  }

  // the checks after the next command -----------------------------------------------------------------------------

  /** No run unfinished, no lock, no table of this metadata disabled, no staging table or run snapshot left. */
  private void assertNothingLeft() throws IOException {
    assertEquals(Optional.empty(), unfinishedRun().map(Run::toString), "no run is left unfinished");
    try (HBaseCluster hbase = runner.connect(); Admin admin = TestHBase.admin(hbase)) {
      assertEquals(Optional.empty(), new RunLock(hbase.historyTable(runner.historyTable())).holder()
          .map(Object::toString), "no lock is held");
      List<String> tables = new ArrayList<>();
      for (TableName name : admin.listTableNames(Pattern.compile(Pattern.quote(table) + "(_.*)?"))) {
        tables.add(name.getNameAsString());
        assertTrue(admin.isTableEnabled(name), name + " is enabled");
      }
      tables.removeAll(Set.of(table, runner.historyTable(), runner.url().aclTable()));
      assertEquals(List.of(), tables, "no staging table is left");
      List<String> runSnapshots = hbase.admin().snapshots(table + "_upg_").stream().map(s -> s.name)
          .filter(n -> n.endsWith("_new") || n.endsWith("_dryrun") || n.endsWith("_verify")).toList();
      assertEquals(List.of(), runSnapshots, "no snapshot a run takes for itself is left");
    }
  }

  // coprocessor ---------------------------------------------------------------------------------------------------

  /**
   * Three cube tables with Kylin 1.3's set (one of them disabled) and one already right; the job is killed at
   * {@code point} with one table at a time, then run again.
   */
  private void coprocessorConvergesAfterAKillAt(String point) throws Exception {
    runner = JobRunner.onFreshTable("kill_cp_");
    table = runner.table();
    String prefix = JobRunner.freshTable("KYLIN_KILL") + "_";
    Path jar = CoprocessorTestJars.standIn(Files.createDirectories(tmp.resolve("jar")), "kylin-coprocessor-test.jar");
    Path legacyJar = Files.copy(jar, Files.createDirectories(tmp.resolve("legacy")).resolve("kylin-coprocessor-1.3.jar"));
    Map<String, List<CoprocessorEntry>> tables = new LinkedHashMap<>();
    try (HBaseCluster hbase = runner.connect()) {
      CubeTableFixture fixture = new CubeTableFixture(hbase);
      for (int i = 0; i < 4; i++) {
        fixture.cube("cube_" + i, "READY:" + prefix + i);
        tables.put(prefix + i, i == 3 ? List.of() : Target.KYLIN_1_3.entries(legacyJar.toUri().toString()));
      }
      fixture.project("p").load(table);
      fixture.createTables(tables);
      fixture.disable(prefix + 1);
    }
    List<String> args = List.of(runner.commandLine(CoprocessorJob.class, "--master", "local[1]", "--all", "--jar",
        jar.toString(), "--parallelism", "1"));
    ChildJvm killed = KillPoint.killAt(point, CoprocessorJob.class, args, tmp);
    try (HBaseCluster hbase = runner.connect()) {
      CubeTableFixture fixture = new CubeTableFixture(hbase);
      if (!point.equals(CoprocessorJob.JAR_DEPLOYED)) {
        assertTrue(!fixture.isEnabled(prefix + 0) || !fixture.isEnabled(prefix + 2),
            "the kill left a table disabled half-way through its change:\n" + killed.tail(20));
      }
    }

    Path report = tmp.resolve("coprocessor-rerun.json");
    JobRunner.Outcome rerun = runner.execute(new CoprocessorJob(), "--master", "local[1]", "--all", "--jar",
        jar.toString(),
        "--report", report.toString());
    assertEquals(ExitCodes.OK, rerun.exit(), "the re-run after the kill: " + rerun);
    JsonNode json = JSON.readTree(report.toFile());
    assertEquals(0, json.get("failed").asInt(), json.toString());
    List<CoprocessorEntry> wanted = Target.KYLIN_1_5.entries(json.get("deployedJar").asText());
    try (HBaseCluster hbase = runner.connect()) {
      CubeTableFixture fixture = new CubeTableFixture(hbase);
      for (String t : tables.keySet()) {
        assertTrue(TablePlan.of(fixture.coprocessors(t), true, wanted).alreadyRight(), t + " carries the wanted set: "
            + fixture.coprocessors(t));
      }
      for (String t : tables.keySet()) {
        assertTrue(fixture.isEnabled(t), t + " is enabled");
      }
    }
    assertFalse(rerun.out().contains("FAILED"), rerun.out());
  }

  // running the follow-up commands in this JVM --------------------------------------------------------------------

  private void load(Path folder) {
    runner = JobRunner.onFreshTable("kill_it_").withOption("--keyvalue-maxsize", MAX_CELL);
    table = runner.table();
    JobRunner.Outcome load = runner.execute(new LoadJob(), "--from-folder", folder.toString());
    assertEquals(ExitCodes.OK, load.exit(), load.toString());
  }

  /** A folder in a new table, and an ACL table holding a row for the cube the hybrid extends. */
  private void loadWithAcl(Path folder) throws IOException {
    load(folder);
    List<AclCell> row = List.of(
        new AclCell("a", "ADMIN", "{\"sidInfo\":{\"sid\":\"ADMIN\",\"principal\":true},\"permissionMask\":16}"
            .getBytes(StandardCharsets.UTF_8)),
        new AclCell("i", "o", "{\"sid\":\"ADMIN\",\"principal\":true}".getBytes(StandardCharsets.UTF_8)),
        new AclCell("i", "t", "org.apache.kylin.cube.CubeInstance".getBytes(StandardCharsets.UTF_8)));
    try (HBaseCluster hbase = runner.connect()) {
      TestTables.create(hbase, runner.url().aclTable(), "i", "a");
      hbase.aclTable(runner.url()).put(HYBRID_CUBE_UUID, row);
    }
  }

  private List<AclCell> aclRow(String id) throws IOException {
    try (HBaseCluster hbase = runner.connect()) {
      return hbase.aclTable(runner.url()).row(id);
    }
  }

  private Path dump(String name) {
    Path out = tmp.resolve(name);
    JobRunner.Outcome dump = runner.execute(new DumpJob(), "--to-folder", out.toString());
    assertEquals(ExitCodes.OK, dump.exit(), "dump: " + dump);
    return out;
  }

  private List<Run> history() throws IOException {
    try (HBaseCluster hbase = runner.connect()) {
      return new RunJournal(hbase.historyTable(runner.historyTable())).history();
    }
  }

  private boolean liveHealthy() throws IOException {
    try (HBaseCluster hbase = runner.connect()) {
      return hbase.admin().exists(table) && hbase.admin().isEnabled(table);
    }
  }

  private Optional<Run> unfinishedRun() throws IOException {
    try (HBaseCluster hbase = runner.connect()) {
      return new RunJournal(hbase.historyTable(runner.historyTable())).unfinished();
    }
  }
}
