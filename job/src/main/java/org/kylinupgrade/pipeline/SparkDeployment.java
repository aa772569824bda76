package org.kylinupgrade.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorMetricsUpdate;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.util.LongAccumulator;
import org.apache.spark.util.SerializableConfiguration;
import org.kylinupgrade.coprocessor.CoprocessorEntry;
import org.kylinupgrade.coprocessor.Progress;
import org.kylinupgrade.coprocessor.TableOutcome;
import org.kylinupgrade.hbase.CoprocessorTables;
import org.kylinupgrade.hbase.HBaseCluster;
import scala.Tuple4;
import scala.collection.JavaConverters;
import scala.collection.Seq;

/**
 * The per-table procedure as a Spark job: the table list in {@code parallelism} partitions, each working through
 * its tables one by one on its own HBase connection, so at most {@code parallelism} tables change at once.
 * Only the per-table outcomes come back to the driver.
 */
public final class SparkDeployment {
  private SparkDeployment() {
  }

  public static List<TableOutcome> run(JavaSparkContext sc, HBaseCluster cluster, List<String> tables,
      List<CoprocessorEntry> wanted, boolean dryRun, int parallelism, Progress progress) {
    LongAccumulator done = sc.sc().longAccumulator("coprocessor: tables done");
    LongAccumulator failed = sc.sc().longAccumulator("coprocessor: tables failed");
    RunningTaskProgress listener = new RunningTaskProgress(done.id(), failed.id(), progress);
    sc.sc().addSparkListener(listener);
    SerializableConfiguration conf = new SerializableConfiguration(cluster.conf());
    String workingDir = cluster.workingDir();
    List<CoprocessorEntry> wantedCopy = new ArrayList<>(wanted);
    try {
      List<TableOutcome> outcomes = sc.parallelize(tables, Math.max(1, Math.min(parallelism, tables.size())))
          .mapPartitions(partition -> {
            List<TableOutcome> results = new ArrayList<>();
            if (!partition.hasNext()) {
              return results.iterator();
            }
            HBaseCluster executorCluster;
            try {
              executorCluster = HBaseCluster.connect(conf.value(), workingDir);
            } catch (RuntimeException e) {
              // reported per table, so that the other partitions' outcomes and the report survive
              while (partition.hasNext()) {
                results.add(TableOutcome.notAttempted(partition.next(), "this executor cannot reach HBase: " + e.getMessage()));
                done.add(1);
                failed.add(1);
              }
              return results.iterator();
            }
            try (HBaseCluster connected = executorCluster) {
              while (partition.hasNext()) {
                TableOutcome outcome = CoprocessorTables.deploy(connected, partition.next(), wantedCopy, dryRun);
                results.add(outcome);
                done.add(1);
                if (outcome.failed()) {
                  failed.add(1);
                }
              }
            }
            return results.iterator();
          }).collect();
      progress.finish(done.value(), failed.value());
      return outcomes;
    } finally {
      sc.sc().removeSparkListener(listener);
    }
  }

  /**
   * Progress while tasks run: executors send their accumulators' current values with every heartbeat, and the
   * final ones when a task ends; the sum over tasks is the progress so far.
   */
  static final class RunningTaskProgress extends SparkListener {
    private final long doneId;
    private final long failedId;
    private final Progress progress;
    private final Map<Long, long[]> byTask = new ConcurrentHashMap<>();

    RunningTaskProgress(long doneId, long failedId, Progress progress) {
      this.doneId = doneId;
      this.failedId = failedId;
      this.progress = progress;
    }

    @Override
    public void onExecutorMetricsUpdate(SparkListenerExecutorMetricsUpdate update) {
      for (Tuple4<Object, Object, Object, Seq<AccumulableInfo>> task : JavaConverters.seqAsJavaList(update.accumUpdates())) {
        record((Long) task._1(), task._4());
      }
      report();
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
      if (end.taskInfo() != null) {
        record(end.taskInfo().taskId(), end.taskInfo().accumulables());
        report();
      }
    }

    private void record(long taskId, Seq<AccumulableInfo> infos) {
      long[] counts = byTask.computeIfAbsent(taskId, id -> new long[2]);
      for (AccumulableInfo info : JavaConverters.seqAsJavaList(infos)) {
        if (info.update().isDefined() && info.update().get() instanceof Long) {
          long value = (Long) info.update().get();
          if (info.id() == doneId) {
            counts[0] = value;
          } else if (info.id() == failedId) {
            counts[1] = value;
          }
        }
      }
    }

    private void report() {
      long done = 0;
      long failed = 0;
      for (long[] counts : byTask.values()) {
        done += counts[0];
        failed += counts[1];
      }
      progress.update(done, failed);
    }
  }
}
