package org.kylinupgrade.hbase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.kylinupgrade.SharedHBase;
import org.kylinupgrade.journal.RunLock;

/**
 * The compare-and-set the run lock and the journal stand on, against the cluster this build's client talks to
 * (HBase 2 here, HBase 1.7.2 in the job-hbase1 module): exactly one of two contenders wins, the loser changes
 * nothing, and a false condition writes nothing.
 */
class RunLockCasIT {
  private static final AtomicInteger TABLES = new AtomicInteger();
  private static final String ROW = "lock";

  private static String newTable() {
    return "cas_it_" + TABLES.incrementAndGet() + "_" + System.nanoTime() % 100000;
  }

  private static Map<String, String> fields(String run, String note) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("run", run);
    f.put("note", note);
    return f;
  }

  @Test
  void ofTwoContendersExactlyOneTakesTheRowAndTheLoserLeavesItUnchanged() throws Exception {
    String table = newTable();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (HBaseCluster a = SharedHBase.connect(SharedHBase.newWorkingDir(), HBaseCluster.DEFAULT_MAX_CELL_SIZE);
        HBaseCluster b = SharedHBase.connect(SharedHBase.newWorkingDir(), HBaseCluster.DEFAULT_MAX_CELL_SIZE)) {
      a.historyTable(table).ensureExists();
      for (int round = 0; round < 10; round++) {
        String row = ROW + round;
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<Boolean>> results = new ArrayList<>();
        for (HBaseCluster contender : new HBaseCluster[] {a, b}) {
          String run = contender == a ? "run-a" : "run-b";
          Callable<Boolean> attempt = () -> {
            HistoryTable t = contender.historyTable(table);
            start.await();
            return t.putIfAbsent(row, "run", fields(run, "written by " + run));
          };
          results.add(pool.submit(attempt));
        }
        boolean aWon = results.get(0).get();
        boolean bWon = results.get(1).get();
        assertTrue(aWon ^ bWon, "round " + round + ": exactly one contender wins (a " + aWon + ", b " + bWon + ")");
        String winner = aWon ? "run-a" : "run-b";
        assertEquals(fields(winner, "written by " + winner), a.historyTable(table).get(row),
            "round " + round + ": the row is the winner's, nothing of the loser's");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aFalseConditionWritesNothingAndATrueOneWritesItAll() throws Exception {
    String table = newTable();
    try (HBaseCluster hbase = SharedHBase.connect(SharedHBase.newWorkingDir(), HBaseCluster.DEFAULT_MAX_CELL_SIZE)) {
      HistoryTable t = hbase.historyTable(table).ensureExists();
      assertTrue(t.putIfAbsent(ROW, "run", fields("run-1", "first")));
      Map<String, String> before = t.get(ROW);

      assertFalse(t.putIfAbsent(ROW, "run", fields("run-2", "second")), "the row exists");
      assertEquals(before, t.get(ROW));
      Map<String, String> other = fields("run-2", "second");
      other.put("extra", "x");
      assertFalse(t.replaceIf(ROW, "run", "run-9", other), "the row names another run");
      assertEquals(before, t.get(ROW), "a false condition writes no field, not even a new one");
      assertFalse(t.deleteIf(ROW, "run", "run-9"));
      assertEquals(before, t.get(ROW));
      assertFalse(t.replaceIf("no-such-row", "run", "run-1", other), "no row, no match");
      assertTrue(t.get("no-such-row").isEmpty(), "nothing written for a false condition on a missing row");

      assertTrue(t.replaceIf(ROW, "run", "run-1", other));
      assertEquals(other, t.get(ROW));
      assertTrue(t.deleteIf(ROW, "run", "run-2"));
      assertTrue(t.get(ROW).isEmpty());
      assertTrue(t.putIfAbsent(ROW, "run", fields("run-3", "after the delete")), "a deleted row is absent again");
    }
  }

  @Test
  void theRunLockAdmitsOneRunAndReleasesOnlyForItsHolder() throws Exception {
    String table = newTable();
    try (HBaseCluster hbase = SharedHBase.connect(SharedHBase.newWorkingDir(), HBaseCluster.DEFAULT_MAX_CELL_SIZE)) {
      RunLock lock = new RunLock(hbase.historyTable(table).ensureExists());
      lock.acquire("run-1");
      assertThrows(RunLock.LockedException.class, () -> lock.acquire("run-2"));
      assertEquals("run-1", lock.holder().get().run);
      lock.release("run-2");
      assertEquals("run-1", lock.holder().get().run, "a release by another run changes nothing");
      lock.release("run-1");
      assertFalse(lock.holder().isPresent());
      lock.acquire("run-2");
      assertEquals("run-2", lock.holder().get().run);
    }
  }
}
