package org.kylinupgrade.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kylinupgrade.FolderAssertions;
import org.kylinupgrade.SharedHBase;
import org.kylinupgrade.SharedSpark;
import org.kylinupgrade.TestData;
import org.kylinupgrade.hbase.HBaseCluster;
import org.kylinupgrade.hbase.TestHBase;
import org.kylinupgrade.journal.FailurePoints;
import org.kylinupgrade.journal.Run;
import org.kylinupgrade.journal.RunJournal;
import org.kylinupgrade.journal.RunLock;
import org.kylinupgrade.journal.Step;
import picocli.CommandLine;

/**
 * The journaled-run skeleton on a real HBase: a failure or a real kill inside the swap and the restore (the live table
 * disabled, dropped, cloned…) is told truly by {@code info} and brought back by the command it names; runs at once
 * are refused naming the holder; bad input leaves nothing behind.
 */
class JournaledRunIT {
  private static final AtomicLong TABLES = new AtomicLong();
  private static final Pattern LAST_MODIFIED = Pattern.compile("\"last_modified\" : \\d+");
  private static final String EXAMPLE = "kylin-1.3.0-sample-cube";

  @TempDir
  Path tmp;

  private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
  private String table;
  private String working;

  @BeforeAll
  static void spark() {
    SharedSpark.context();
  }

  @AfterEach
  void clearFailurePoints() {
    System.clearProperty(FailurePoints.FAIL_AFTER);
    FailurePoints.observe(null);
  }

  private int run(Object job, String... args) {
    return run(job, errBytes, args);
  }

  private int run(Object job, ByteArrayOutputStream err, String... args) {
    CommandLine cli = JobCommandLine.create(job);
    cli.setErr(new PrintWriter(err, true));
    List<String> all = new ArrayList<>(List.of(SharedHBase.clusterOptions()));
    all.addAll(List.of("--metadata-url", table + "@hbase", "--working-dir", working, "--keyvalue-maxsize", "2000"));
    all.addAll(List.of(args));
    if (job instanceof UpgradeJob && !all.contains("--to")) {
      all.addAll(List.of("--to", "1.4-alpha"));
    }
    return cli.execute(all.toArray(new String[0]));
  }

  /** Runs {@code job} with what it prints on standard output captured. */
  private String runPrinting(Object job, int expectedExit, String... args) {
    PrintStream out = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true));
    int code;
    try {
      code = run(job, args);
    } finally {
      System.setOut(out);
    }
    String text = printed.toString(StandardCharsets.UTF_8);
    assertEquals(expectedExit, code, text + errBytes);
    return text;
  }

  private void load(Path folder) {
    table = "journaled_it_" + TABLES.incrementAndGet();
    working = SharedHBase.newWorkingDir();
    assertEquals(ExitCodes.OK, run(new LoadJob(), "--from-folder", folder.toString()), errBytes.toString());
  }

  private Path dump(String name) {
    Path out = tmp.resolve(name);
    assertEquals(ExitCodes.OK, run(new DumpJob(), "--to-folder", out.toString()), errBytes.toString());
    return out;
  }

  private HBaseCluster hbase() {
    return SharedHBase.connect(working, 2000);
  }

  private List<Run> history() throws IOException {
    try (HBaseCluster hbase = hbase()) {
      return new RunJournal(hbase.historyTable(table + "_upgrade_history")).history();
    }
  }

  private boolean lockHeld() throws IOException {
    try (HBaseCluster hbase = hbase()) {
      return new RunLock(hbase.historyTable(table + "_upgrade_history")).holder().isPresent();
    }
  }

  private List<String> tablesWithPrefix() throws IOException {
    try (HBaseCluster hbase = hbase(); Admin admin = TestHBase.admin(hbase)) {
      List<String> names = new ArrayList<>();
      for (TableName name : admin.listTableNames()) {
        if (name.getNameAsString().startsWith(table)) {
          names.add(name.getNameAsString());
        }
      }
      return names;
    }
  }

  private boolean liveEnabled() throws IOException {
    try (HBaseCluster hbase = hbase()) {
      return hbase.admin().exists(table) && hbase.admin().isEnabled(table);
    }
  }

  private boolean snapshotExists(String name) throws IOException {
    try (HBaseCluster hbase = hbase()) {
      return hbase.admin().snapshotExists(name);
    }
  }

  private List<String> runSnapshots() throws IOException {
    try (HBaseCluster hbase = hbase()) {
      List<String> names = new ArrayList<>();
      hbase.admin().snapshots(table + "_upg_").forEach(s -> names.add(s.name));
      return names;
    }
  }

  private static void assertUpgraded(Path actual) throws IOException {
    Path expected = TestData.expected(EXAMPLE);
    assertEquals(FolderAssertions.files(expected), FolderAssertions.files(actual));
    for (String f : FolderAssertions.files(expected)) {
      String e = Files.readString(expected.resolve(f), StandardCharsets.ISO_8859_1);
      String a = Files.readString(actual.resolve(f), StandardCharsets.ISO_8859_1);
      assertEquals(LAST_MODIFIED.matcher(e).replaceAll("LM"), LAST_MODIFIED.matcher(a).replaceAll("LM"), f);
    }
  }

  private void assertOriginal(String name) throws IOException {
    FolderAssertions.assertSameFolder(TestData.example(EXAMPLE), dump(name), true);
  }

  /** A real crash: {@code job} runs in a child JVM that halts (as SIGKILL would stop it) at {@code point}. */
  private int childHaltingAt(Class<?> job, String point, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(org.kylinupgrade.runtime.JvmFlags.jdk17());
    command.add("-Xmx1g");
    command.add("-D" + FailurePoints.HALT_AFTER + "=" + point);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(job.getName());
    command.addAll(List.of("--hbase-site", SharedHBase.hbaseSite(), "--metadata-url", table + "@hbase",
        "--working-dir", working, "--keyvalue-maxsize", "2000", "--master", "local[1]"));
    command.addAll(List.of(args));
    Process child = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(tmp.resolve("child-" + point.replace(':', '_') + ".log").toFile()).start();
    assertTrue(child.waitFor(240, TimeUnit.SECONDS), "child finished");
    return child.exitValue();
  }

  // ---- failures inside the swap ----------------------------------------------------------------------------------

  /** A failure right before (or after) each table operation of the swap: the table as it was, enabled, nothing left. */
  @ParameterizedTest
  @ValueSource(strings = {"stage:write", "swap:disable", "swap:disabled", "swap:dropped", "swap:clone", "swap:enable",
      "swap:verify"})
  void aFailureInsideAPhasePutsTheTableBackAndEndsTheRun(String point) throws IOException {
    load(TestData.example(EXAMPLE));
    System.setProperty(FailurePoints.FAIL_AFTER, point);
    int code = run(new UpgradeJob());
    System.clearProperty(FailurePoints.FAIL_AFTER);
    assertEquals(ExitCodes.FAILED, code, errBytes.toString());
    assertTrue(liveEnabled(), "the live table is enabled");
    assertOriginal("as-it-was");
    Run failed = history().get(history().size() - 1);
    boolean touched = point.startsWith("swap:") && !point.equals("swap:snapshot");
    assertEquals(touched ? Run.Status.ROLLED_BACK : Run.Status.FAILED, failed.status(), failed.toString());
    assertFalse(lockHeld(), "the lock is released once the run is journaled as ended");
    assertEquals(List.of(table, table + "_upgrade_history"), tablesWithPrefix(), "no staging table left");
    assertEquals(touched ? List.of(failed.backupSnapshot()) : List.of(), runSnapshots(),
        "a backup that put the table back is kept; one of a run that never touched it goes");
    assertEquals(ExitCodes.OK, run(new UpgradeJob()), errBytes.toString());
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
    assertEquals(ExitCodes.NEEDS_OPERATOR, run(new UpgradeJob()));
    assertTrue(errBytes.toString().contains("stopped half-way") && errBytes.toString().contains("is gone"), errBytes.toString());

    assertEquals(ExitCodes.OK, run(new ResumeJob()), errBytes.toString());
    assertTrue(liveEnabled());
    assertUpgraded(dump("resumed"));
    assertTrue(snapshotExists(killed.backupSnapshot()), "the backup snapshot is kept");
    assertFalse(lockHeld());
    assertEquals(ExitCodes.OK, run(new RollbackJob()), errBytes.toString());
    assertOriginal("rolled-back");
  }

  @Test
  void aKillWhileTheLiveTableIsDisabledIsRolledBack() throws Exception {
    load(TestData.example(EXAMPLE));
    assertEquals(99, childHaltingAt(UpgradeJob.class, "swap:disabled", "--to", "1.4-alpha"), "the child halted");
    Run killed = history().get(history().size() - 1);
    assertEquals(ExitCodes.OK, run(new RollbackJob()), errBytes.toString());
    assertTrue(liveEnabled());
    assertOriginal("rolled-back");
    assertEquals(Run.Status.ROLLED_BACK, history().stream().filter(r -> r.id().equals(killed.id())).findFirst()
        .orElseThrow().status());
    assertTrue(snapshotExists(killed.backupSnapshot()), "the backup snapshot is kept");
    assertEquals(List.of(table, table + "_upgrade_history"), tablesWithPrefix(), "no staging table left");
    assertFalse(lockHeld());
    assertEquals(ExitCodes.OK, run(new UpgradeJob()), errBytes.toString());
    assertUpgraded(dump("upgraded"));
  }

  // ---- the rollback's own steps -------------------------------------------------------------------------------------

  /** A rollback killed with the live table dropped: {@code info} says so; {@code resume} finishes the rollback. */
  @Test
  void aRollbackKilledWithTheTableDroppedIsResumed() throws Exception {
    load(TestData.example(EXAMPLE));
    assertEquals(ExitCodes.OK, run(new UpgradeJob()), errBytes.toString());
    assertEquals(99, childHaltingAt(RollbackJob.class, "rollback:dropped"), "the child halted");
    String info = runPrinting(new InfoJob(), ExitCodes.NEEDS_OPERATOR);
    assertTrue(info.contains("table " + table + " does not exist") && info.contains("UNFINISHED: rollback run"), info);
    assertEquals(ExitCodes.OK, run(new ResumeJob()), errBytes.toString());
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
    assertEquals(ExitCodes.OK, run(new UpgradeJob()), errBytes.toString());
    Path upgraded = dump("upgraded");
    assertEquals(99, childHaltingAt(RollbackJob.class, "rollback:disabled"), "the child halted");
    assertEquals(ExitCodes.OK, run(new RollbackJob()), errBytes.toString());
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
    assertEquals(ExitCodes.OK, run(new UpgradeJob()), errBytes.toString());
    Path upgraded = dump("upgraded");
    System.setProperty(FailurePoints.FAIL_AFTER, point);
    int code = run(new RollbackJob(), "--snapshot", history().get(0).backupSnapshot());
    System.clearProperty(FailurePoints.FAIL_AFTER);
    assertEquals(ExitCodes.FAILED, code, errBytes.toString());
    assertTrue(errBytes.toString().contains("was put back as it was before the rollback; its fail-safe snapshot"),
        errBytes.toString());
    Run rollback = history().get(history().size() - 1);
    assertEquals(Run.Status.ROLLED_BACK, rollback.status(), rollback.toString());
    assertTrue(snapshotExists(rollback.backupSnapshot()), "the fail-safe is kept");
    assertFalse(lockHeld());
    assertTrue(liveEnabled());
    FolderAssertions.assertSameFolder(upgraded, dump("upgraded-still"), true);
    assertEquals(ExitCodes.OK, run(new RollbackJob()), errBytes.toString());
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
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        codes.put((String) attempt[0], run(attempt[1], err, (String[]) attempt[2]));
        refusals.put((String) attempt[0], err.toString());
      }
    });
    assertEquals(ExitCodes.OK, run(new UpgradeJob()), errBytes.toString());
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
    assertEquals(ExitCodes.BAD_INPUT, run(new UpgradeJob()), errBytes.toString());
    assertTrue(errBytes.toString().contains(desc.getFileName().toString()), errBytes.toString());
    Run refused = history().get(history().size() - 1);
    assertEquals(Run.Status.ABORTED, refused.status(), refused.toString());
    assertFalse(lockHeld(), "no lock");
    assertEquals(List.of(table, table + "_upgrade_history"), tablesWithPrefix(), "no staging table");
    assertEquals(List.of(), runSnapshots(), "no snapshot");

    assertEquals(ExitCodes.OK, run(new LoadJob(), "--replace", "--from-folder", TestData.example(EXAMPLE).toString()),
        errBytes.toString());
    assertEquals(ExitCodes.BAD_INPUT, run(new RollbackJob()), "nothing to roll back");
    assertOriginal("fixed");
    assertEquals(ExitCodes.OK, run(new UpgradeJob()), errBytes.toString());
    assertUpgraded(dump("upgraded"));
  }
}
