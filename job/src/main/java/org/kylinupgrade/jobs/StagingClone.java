package org.kylinupgrade.jobs;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.kylinupgrade.hbase.HBaseCluster;
import org.kylinupgrade.hbase.HBaseRdds;
import org.kylinupgrade.hbase.TableAdmin;
import org.kylinupgrade.journal.FailurePoints;
import org.kylinupgrade.metadata.RowSelection;

/**
 * The staging table, cloned from a snapshot on a thread of its own while Spark reads the snapshot's files, and the
 * rows it holds under the ranges read, counted by the region servers from the keys alone: the count that proves the
 * Spark read complete goes through neither Spark's splits nor the snapshot's files. HBase links the clone's files,
 * so it holds exactly the snapshot's rows until the rewritten resources are staged into it.
 */
final class StagingClone implements AutoCloseable {
  private final String table;
  private final ExecutorService thread;
  private final Future<Long> rowsUnderRanges;

  private StagingClone(String table, ExecutorService thread, Future<Long> rowsUnderRanges) {
    this.table = table;
    this.thread = thread;
    this.rowsUnderRanges = rowsUnderRanges;
  }

  /** Drops what a stopped run left under {@code table}'s name, then clones {@code snapshot} into it and counts. */
  static StagingClone start(HBaseCluster cluster, String snapshot, String table, RowSelection ranges) {
    ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "staging clone " + table);
      t.setDaemon(true);
      return t;
    });
    Future<Long> rows = thread.submit(() -> {
      TableAdmin admin = cluster.admin();
      admin.dropIfExists(table);
      FailurePoints.reached("stage:clone");
      admin.cloneSnapshot(snapshot, table);
      return HBaseRdds.countTableRows(cluster, table, ranges);
    });
    thread.shutdown();
    return new StagingClone(table, thread, rows);
  }

  String table() {
    return table;
  }

  /** Waits for the clone: the rows it holds under the ranges read, before anything is staged into it. */
  long rowsUnderRanges() throws IOException {
    try {
      return rowsUnderRanges.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while staging table " + table + " was cloned", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof IOException ? (IOException) cause
          : new IOException("cloning staging table " + table + " or counting its rows failed: " + cause, cause);
    }
  }

  /**
   * Waits for the clone's thread to end, whatever became of it: a run that stops early cleans up (drops the staging
   * table) only once no clone is under way.
   */
  @Override
  public void close() {
    try {
      // a clone is a master procedure: it ends, or the client's own timeout for table operations ends it
      thread.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
