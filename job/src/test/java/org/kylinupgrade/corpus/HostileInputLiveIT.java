package org.kylinupgrade.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kylinupgrade.FolderAssertions;
import org.kylinupgrade.JobRunner;
import org.kylinupgrade.SharedSpark;
import org.kylinupgrade.corpus.HostileFolders.Case;
import org.kylinupgrade.corpus.HostileInputIT.Outcome;
import org.kylinupgrade.hbase.HBaseCluster;
import org.kylinupgrade.jobs.DumpJob;
import org.kylinupgrade.jobs.ExitCodes;
import org.kylinupgrade.jobs.LoadJob;
import org.kylinupgrade.jobs.UpgradeJob;
import org.kylinupgrade.journal.RunJournal;
import org.kylinupgrade.journal.RunLock;

/**
 * The live {@code upgrade} on a table loaded with a broken folder of the corpus: refused (exit 2) naming the
 * resource, the table equal through {@code dump} to what it held, and nothing of the run left behind: no staging
 * table, no run RUNNING in the journal, no lock.
 */
class HostileInputLiveIT {
  /** The cases whose folder a table can hold (load stores them byte for byte) and that the live upgrade refuses. */
  static final List<String> LIVE = List.of("malformed-desc", "malformed-cube", "malformed-project", "desc-is-array",
      "non-utf8-desc", "nul-bytes-desc", "trailing-garbage-desc", "two-objects-cube", "cube-desc-missing",
      "unknown-engine", "duplicate-cube-name", "desc-model-missing");
  private static Path corpus;
  private static final long STARTED = System.nanoTime();

  @BeforeAll
  static void start() throws IOException {
    SharedSpark.context();
    corpus = Files.createTempDirectory("hostile-live");
  }

  @AfterAll
  static void cleanUp() throws IOException {
    System.out.printf("hostile-input live subset: %d cases, %.1f s%n", LIVE.size(), (System.nanoTime() - STARTED) / 1e9);
    HostileFolders.deleteTree(corpus);
  }

  static Stream<Case> liveCases() {
    return HostileFolders.all().stream().filter(c -> LIVE.contains(c.name()));
  }

  @ParameterizedTest(name = "live upgrade {0}")
  @MethodSource("liveCases")
  void liveUpgradeRefusesAndLeavesNothingBehind(Case c) throws IOException {
    JobRunner table = JobRunner.onFreshTable("hostile_live_");
    Path in = c.generate(corpus.resolve(c.name()));
    Outcome load = HostileInputIT.run(table, new LoadJob(), "--from-folder", in.toString());
    assertEquals(ExitCodes.OK, load.exit(), load.printed());
    Path before = corpus.resolve(c.name() + "-before");
    assertEquals(ExitCodes.OK, HostileInputIT.run(table, new DumpJob(), "--to-folder",
        before.toString()).exit());

    Outcome upgrade = HostileInputIT.run(table, new UpgradeJob());
    upgrade.assertNoStackTrace();
    assertEquals(ExitCodes.BAD_INPUT, upgrade.exit(), upgrade.printed());
    upgrade.assertNames(c.resource());

    Path after = corpus.resolve(c.name() + "-after");
    assertEquals(ExitCodes.OK, HostileInputIT.run(table, new DumpJob(), "--to-folder",
        after.toString()).exit());
    FolderAssertions.assertSameFolder(before, after, true);
    assertNothingLeftBehind(table);
  }

  /** No staging table, no run RUNNING in the journal, no lock. */
  static void assertNothingLeftBehind(JobRunner table) throws IOException {
    List<String> others = table.tables().stream()
        .filter(n -> n.startsWith(table.table() + "_") && !n.equals(table.historyTable())).toList();
    assertEquals(List.of(), others, "no staging table left");
    try (HBaseCluster hbase = table.connect()) {
      if (!hbase.tableExists(table.historyTable())) {
        return;
      }
      RunJournal journal = new RunJournal(hbase.historyTable(table.historyTable()));
      assertTrue(journal.unfinished().isEmpty(), "no run left RUNNING: " + journal.unfinished());
      RunLock lock = new RunLock(hbase.historyTable(table.historyTable()));
      assertTrue(lock.holder().isEmpty(), "no lock left: " + lock.holder());
    }
  }

  static Stream<Case> folderCases() {
    return HostileFolders.all().stream().filter(Case::folderLevel);
  }

  /**
   * {@code rollback --from-folder} with a folder it cannot store: refused (exit 2) naming the resource, the table as it
   * was, and nothing of the run left behind.
   */
  @ParameterizedTest(name = "rollback --from-folder {0}")
  @MethodSource("folderCases")
  void rollbackFromFolderRefusesAndLeavesNothingBehind(Case c) throws IOException {
    JobRunner table = JobRunner.onFreshTable("hostile_rb_");
    Outcome load = HostileInputIT.run(table, new LoadJob(), "--from-folder",
        org.kylinupgrade.TestData.example("kylin-1.3.0-sample-cube").toString());
    assertEquals(ExitCodes.OK, load.exit(), load.printed());
    Path in = c.generate(corpus.resolve("rb-" + c.name()));
    Outcome rollback = HostileInputIT.run(table, new org.kylinupgrade.jobs.RollbackJob(),
        "--from-folder", in.toString());
    rollback.assertNoStackTrace();
    assertEquals(ExitCodes.BAD_INPUT, rollback.exit(), rollback.printed());
    rollback.assertNames(c.resource());
    assertNothingLeftBehind(table);
  }
}
