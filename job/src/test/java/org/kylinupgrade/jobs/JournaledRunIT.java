package org.kylinupgrade.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kylinupgrade.FolderAssertions;
import org.kylinupgrade.JobRunner;
import org.kylinupgrade.SparkJobs;
import org.kylinupgrade.TestData;
import org.kylinupgrade.hbase.HBaseCluster;
import org.kylinupgrade.journal.FailurePoints;
import org.kylinupgrade.journal.Run;
import org.kylinupgrade.journal.RunJournal;
import org.kylinupgrade.journal.RunLock;
import org.kylinupgrade.journal.Step;

/**
 * The journaled-run skeleton on a real HBase: a failure or a real kill inside the swap and the restore (the live table
 * disabled, dropped, cloned…) is told truly by {@code info} and brought back by the command it names; runs at once
 * are refused naming the holder; bad input leaves nothing behind.
 */
@ExtendWith(SparkJobs.class)
class JournaledRunIT {
  private static final String EXAMPLE = "kylin-1.3.0-sample-cube";

  @TempDir
  Path tmp;

  private JobRunner runner;
  private String table;

  /** Runs {@code job} with what it prints on standard output captured. */
  private String runPrinting(Object job, int expectedExit, String... args) {
    JobRunner.Outcome printed = runner.execute(job, args);
    assertEquals(expectedExit, printed.exit(), printed.out() + runner.err());
    return printed.out();
  }

  private void load(Path folder) {
    runner = JobRunner.onFreshTable("journaled_it_").withOption("--keyvalue-maxsize", "2000")
        .withOption(UpgradeJob.class, "--to", "1.4-alpha");
    table = runner.table();
    assertEquals(ExitCodes.OK, runner.run(new LoadJob(), "--from-folder", folder.toString()), runner.err());
  }

  private Path dump(String name) {
    Path out = tmp.resolve(name);
    assertEquals(ExitCodes.OK, runner.run(new DumpJob(), "--to-folder", out.toString()), runner.err());
    return out;
  }

  private List<Run> history() throws IOException {
    try (HBaseCluster hbase = runner.connect(2000)) {
      return new RunJournal(hbase.historyTable(runner.historyTable())).history();
    }
  }

  private boolean lockHeld() throws IOException {
    try (HBaseCluster hbase = runner.connect(2000)) {
      return new RunLock(hbase.historyTable(runner.historyTable())).holder().isPresent();
    }
  }

  private boolean liveEnabled() throws IOException {
    try (HBaseCluster hbase = runner.connect(2000)) {
      return hbase.admin().exists(table) && hbase.admin().isEnabled(table);
    }
  }

  private boolean snapshotExists(String name) throws IOException {
    try (HBaseCluster hbase = runner.connect(2000)) {
      return hbase.admin().snapshotExists(name);
    }
  }

  private List<String> runSnapshots() throws IOException {
    try (HBaseCluster hbase = runner.connect(2000)) {
      List<String> names = new ArrayList<>();
      hbase.admin().snapshots(table + "_upg_").forEach(s -> names.add(s.name));
      return names;
    }
  }

  private static void assertUpgraded(Path actual) throws IOException {
    FolderAssertions.assertSameFolderButLastModified(TestData.expected(EXAMPLE), actual);
  }

  private void assertOriginal(String name) throws IOException {
    FolderAssertions.assertSameFolder(TestData.example(EXAMPLE), dump(name), true);
  }

  /** A real crash: {@code job} runs in a child JVM that halts (as SIGKILL would stop it) at {@code point}. */
  private int childHaltingAt(Class<?> job, String point, String... args) throws InterruptedException {
    List<String> all = new ArrayList<>(List.of("--master", "local[1]"));
    all.addAll(List.of(args));
    return ChildJvm.start(job, Map.of(FailurePoints.HALT_AFTER, point),
        List.of(runner.commandLine(job, all.toArray(new String[0]))), tmp.resolve("child-" + point.replace(':',
            '_') + ".log")).exitWithin(240);
  }

  // ---- failures inside the swap ----------------------------------------------------------------------------------

  /** A failure right before (or after) each table operation of the swap: the table as it was, enabled, nothing left. */
  @ParameterizedTest
  @ValueSource(strings = {"stage:write", "swap:disable", "swap:disabled", "swap:dropped", "swap:clone", "swap:enable",
      "swap:verify"})
  void aFailureInsideAPhasePutsTheTableBackAndEndsTheRun(String point) throws IOException {
    load(TestData.example(EXAMPLE));
    System.setProperty(FailurePoints.FAIL_AFTER, point);
    int code = runner.run(new UpgradeJob());
    System.clearProperty(FailurePoints.FAIL_AFTER);
    assertEquals(ExitCodes.FAILED, code, runner.err());
    assertTrue(liveEnabled(), "the live table is enabled");
    assertOriginal("as-it-was");
    Run failed = history().get(history().size() - 1);
    boolean touched = point.startsWith("swap:") && !point.equals("swap:snapshot");
    assertEquals(touched ? Run.Status.ROLLED_BACK : Run.Status.FAILED, failed.status(), failed.toString());
    assertFalse(lockHeld(), "the lock is released once the run is journaled as ended");
    assertEquals(List.of(table, runner.historyTable()), runner.tables(), "no staging table left");
    assertEquals(touched ? List.of(failed.backupSnapshot()) : List.of(), runSnapshots(),
        "a backup that put the table back is kept; one of a run that never touched it goes");
    assertEquals(ExitCodes.OK, runner.run(new UpgradeJob()), runner.err());
    assertUpgraded(dump("upgraded"));
  }

  /**
   * The kill of the report: after the staging snapshot, while the live table is being disabled. {@code info} says
   * the table is disabled and names the run, its lock and the next command; {@code resume} finishes the swap; the
   * backup snapshot is kept; {@code rollback} then gives the original back.
   */
  @Test
  void aKillWhileTheLiveTableIsDisabledIsToldTrulyAndResumed() throws Exception {
    load(TestData.example(EXAMPLE));
    assertEquals(99, childHaltingAt(UpgradeJob.class, "swap:disabled", "--to", "1.4-alpha"), "the child halted");
    assertFalse(liveEnabled(), "the kill left the live table disabled");
    Run killed = history().get(history().size() - 1);
    assertTrue(killed.unfinished() && killed.step() == Step.SWAP_SNAPSHOT_TAKEN, killed.toString());

    String info = runPrinting(new InfoJob(), ExitCodes.NEEDS_OPERATOR);
    assertTrue(info.contains("table " + table + " is DISABLED"), info);
    assertFalse(info.contains("untouched"), info);
    assertTrue(info.contains("UNFINISHED: upgrade run " + killed.id()) && info.contains("`kylin-upgrade resume`"), info);
    assertTrue(info.contains("unlock --run " + killed.id()), info);
    assertEquals(ExitCodes.NEEDS_OPERATOR, runner.run(new UpgradeJob()));
    assertTrue(runner.err().contains("stopped half-way") && runner.err().contains("is gone"), runner.err());

    assertEquals(ExitCodes.OK, runner.run(new ResumeJob()), runner.err());
    assertTrue(liveEnabled());
    assertUpgraded(dump("resumed"));
    assertTrue(snapshotExists(killed.backupSnapshot()), "the backup snapshot is kept");
    assertFalse(lockHeld());
    assertEquals(ExitCodes.OK, runner.run(new RollbackJob()), runner.err());
    assertOriginal("rolled-back");
  }

  @Test
  void aKillWhileTheLiveTableIsDisabledIsRolledBack() throws Exception {
    load(TestData.example(EXAMPLE));
    assertEquals(99, childHaltingAt(UpgradeJob.class, "swap:disabled", "--to", "1.4-alpha"), "the child halted");
    Run killed = history().get(history().size() - 1);
    assertEquals(ExitCodes.OK, runner.run(new RollbackJob()), runner.err());
    assertTrue(liveEnabled());
    assertOriginal("rolled-back");
    assertEquals(Run.Status.ROLLED_BACK, history().stream().filter(r -> r.id().equals(killed.id())).findFirst()
        .orElseThrow().status());
    assertTrue(snapshotExists(killed.backupSnapshot()), "the backup snapshot is kept");
    assertEquals(List.of(table, runner.historyTable()), runner.tables(), "no staging table left");
    assertFalse(lockHeld());
    assertEquals(ExitCodes.OK, runner.run(new UpgradeJob()), runner.err());
    assertUpgraded(dump("upgraded"));
  }

  // ---- the rollback's own steps -------------------------------------------------------------------------------------

  /** A rollback killed with the live table dropped: {@code info} says so; {@code resume} finishes the rollback. */
  @Test
  void aRollbackKilledWithTheTableDroppedIsResumed() throws Exception {
    load(TestData.example(EXAMPLE));
    assertEquals(ExitCodes.OK, runner.run(new UpgradeJob()), runner.err());
    assertEquals(99, childHaltingAt(RollbackJob.class, "rollback:dropped"), "the child halted");
    String info = runPrinting(new InfoJob(), ExitCodes.NEEDS_OPERATOR);
    assertTrue(info.contains("table " + table + " does not exist") && info.contains("UNFINISHED: rollback run"), info);
    assertEquals(ExitCodes.OK, runner.run(new ResumeJob()), runner.err());
    assertOriginal("rolled-back");
    Run rollback = history().get(history().size() - 1);
    assertEquals(Run.Status.DONE, rollback.status());
    assertNotNull(rollback.get("step_swap_verified_at"), "verified before it was declared done");
    assertFalse(lockHeld());
  }

  /** A rollback killed while disabling: {@code rollback} puts back what the table held before it (the upgrade). */
  @Test
  void aRollbackKilledWhileDisablingIsItselfUndone() throws Exception {
    load(TestData.example(EXAMPLE));
    assertEquals(ExitCodes.OK, runner.run(new UpgradeJob()), runner.err());
    Path upgraded = dump("upgraded");
    assertEquals(99, childHaltingAt(RollbackJob.class, "rollback:disabled"), "the child halted");
    assertEquals(ExitCodes.OK, runner.run(new RollbackJob()), runner.err());
    assertTrue(liveEnabled());
    FolderAssertions.assertSameFolder(upgraded, dump("upgraded-again"), true);
    assertFalse(lockHeld());
  }

  /**
   * A rollback that fails after it touched the table (here: at its verification) puts the fail-safe back, says so,
   * keeps the fail-safe, and ends its run in the journal before the lock is released.
   */
  @ParameterizedTest
  @ValueSource(strings = {"rollback:clone", "rollback:verify"})
  void aRollbackThatFailsPutsItsFailsafeBackAndEndsItsRun(String point) throws IOException {
    load(TestData.example(EXAMPLE));
    assertEquals(ExitCodes.OK, runner.run(new UpgradeJob()), runner.err());
    Path upgraded = dump("upgraded");
    System.setProperty(FailurePoints.FAIL_AFTER, point);
    int code = runner.run(new RollbackJob(), "--snapshot", history().get(0).backupSnapshot());
    System.clearProperty(FailurePoints.FAIL_AFTER);
    assertEquals(ExitCodes.FAILED, code, runner.err());
    assertTrue(runner.err().contains("was put back as it was before the rollback; its fail-safe snapshot"),
        runner.err());
    Run rollback = history().get(history().size() - 1);
    assertEquals(Run.Status.ROLLED_BACK, rollback.status(), rollback.toString());
    assertTrue(snapshotExists(rollback.backupSnapshot()), "the fail-safe is kept");
    assertFalse(lockHeld());
    assertTrue(liveEnabled());
    FolderAssertions.assertSameFolder(upgraded, dump("upgraded-still"), true);
    assertEquals(ExitCodes.OK, runner.run(new RollbackJob()), runner.err());
    assertOriginal("rolled-back");
  }

  // ---- runs at once -------------------------------------------------------------------------------------------------

  /**
   * While an upgrade runs (here: right after its backup), a second upgrade, a rollback (either form) and a
   * {@code load --replace} are refused naming the holder; the running upgrade then finishes undisturbed.
   */
  @Test
  void whileAnUpgradeRunsEveryOtherChangeIsRefusedNamingTheHolder() throws IOException {
    load(TestData.example(EXAMPLE));
    Map<String, String> refusals = new ConcurrentHashMap<>();
    Map<String, Integer> codes = new ConcurrentHashMap<>();
    FailurePoints.observe(step -> {
      if (step != Step.BACKED_UP) {
        return;
      }
      Object[][] attempts = {{"upgrade", new UpgradeJob(), new String[0]}, {"rollback", new RollbackJob(), new String[0]},
          {"rollback-folder", new RollbackJob(), new String[] {"--from-folder", TestData.example(EXAMPLE).toString()}},
          {"load", new LoadJob(), new String[] {"--replace", "--from-folder", TestData.example(EXAMPLE).toString()}}};
      for (Object[] attempt : attempts) {
        JobRunner.Outcome refused = runner.execute(attempt[1], (String[]) attempt[2]);
        codes.put((String) attempt[0], refused.exit());
        refusals.put((String) attempt[0], refused.err());
      }
    });
    assertEquals(ExitCodes.OK, runner.run(new UpgradeJob()), runner.err());
    FailurePoints.observe(null);
    Run first = history().get(0);
    String holder = "run " + first.id() + " (" + System.getProperty("user.name") + "@" + RunLock.host() + ", pid "
        + ProcessHandle.current().pid();
    for (String attempt : List.of("upgrade", "rollback", "rollback-folder", "load")) {
      assertEquals(ExitCodes.FAILED, codes.get(attempt), attempt + ": " + refusals.get(attempt));
      assertTrue(refusals.get(attempt).contains(holder) && refusals.get(attempt).contains("still running"),
          attempt + ": " + refusals.get(attempt));
      assertFalse(refusals.get(attempt).contains("stopped half-way"), attempt + ": " + refusals.get(attempt));
    }
    assertEquals(1, history().size(), "the refused commands started no run: " + history());
    assertEquals(Run.Status.DONE, first.status());
    assertUpgraded(dump("upgraded"));
  }

  // ---- bad input ----------------------------------------------------------------------------------------------------

  /**
   * A live upgrade refused for bad input (exit 2) leaves no run unfinished, no lock, no staging table, no snapshot;
   * {@code rollback} has nothing to restore (the operator's fix stays); the fixed table upgrades normally.
   */
  @Test
  void aBadInputUpgradeLeavesNothingBehind() throws IOException {
    Path broken = tmp.resolve("broken");
    try (Stream<Path> files = Files.walk(TestData.example(EXAMPLE))) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.copy(f, broken.resolve(TestData.example(EXAMPLE).relativize(f).toString()),
            StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
    Path desc;
    try (Stream<Path> descs = Files.list(broken.resolve("cube_desc"))) {
      desc = descs.findFirst().orElseThrow();
    }
    Files.writeString(desc, "{\"name\": \"broken\", ");
    load(broken);
    assertEquals(ExitCodes.BAD_INPUT, runner.run(new UpgradeJob()), runner.err());
    assertTrue(runner.err().contains(desc.getFileName().toString()), runner.err());
    Run refused = history().get(history().size() - 1);
    assertEquals(Run.Status.ABORTED, refused.status(), refused.toString());
    assertFalse(lockHeld(), "no lock");
    assertEquals(List.of(table, runner.historyTable()), runner.tables(), "no staging table");
    assertEquals(List.of(), runSnapshots(), "no snapshot");

    assertEquals(ExitCodes.OK, runner.run(new LoadJob(), "--replace", "--from-folder",
        TestData.example(EXAMPLE).toString()),
        runner.err());
    assertEquals(ExitCodes.BAD_INPUT, runner.run(new RollbackJob()), "nothing to roll back");
    assertOriginal("fixed");
    assertEquals(ExitCodes.OK, runner.run(new UpgradeJob()), runner.err());
    assertUpgraded(dump("upgraded"));
  }
}
