package org.kylinupgrade.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.kylinupgrade.coprocessor.CoprocessorEntry;
import org.kylinupgrade.coprocessor.Progress;
import org.kylinupgrade.coprocessor.TableOutcome;
import org.kylinupgrade.hbase.CoprocessorTables;
import org.kylinupgrade.hbase.HBaseCluster;

/** The per-table procedure on a pool of threads in this process, sharing one connection: for a local master. */
public final class PoolDeployment {
  private PoolDeployment() {
  }

  /** At most {@code parallelism} tables change at once; outcomes come back in the order of {@code tables}. */
  public static List<TableOutcome> run(HBaseCluster cluster, List<String> tables, List<CoprocessorEntry> wanted,
      boolean dryRun, int parallelism, Progress progress) throws InterruptedException {
    AtomicLong done = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    AtomicInteger threads = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallelism, tables.size())), r -> {
      Thread t = new Thread(r, "coprocessor-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<TableOutcome>> futures = new ArrayList<>();
      for (String table : tables) {
        futures.add(pool.submit(() -> {
          TableOutcome outcome = CoprocessorTables.deploy(cluster, table, wanted, dryRun);
          if (outcome.failed()) {
            failed.incrementAndGet();
          }
          progress.update(done.incrementAndGet(), failed.get());
          return outcome;
        }));
      }
      List<TableOutcome> outcomes = new ArrayList<>();
      for (Future<TableOutcome> f : futures) {
        outcomes.add(f.get());
      }
      progress.finish(done.get(), failed.get());
      return outcomes;
    } catch (ExecutionException e) {
      throw new IllegalStateException("the coprocessor deployment stopped: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
