package org.kylinupgrade.pipeline;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.scheduler.JobSucceeded$;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.StageInfo;
import org.kylinupgrade.report.Console;
import scala.collection.JavaConverters;

/**
 * The progress of one {@link Phase}, from the Spark jobs of its group: tasks done of the tasks its jobs planned, time
 * spent and an estimate of the time left. On a terminal a live line, rewritten at most every {@link #INTERVAL_MS};
 * elsewhere (a log, a test) only the line that says how the phase ended, so that output that is kept stays short.
 */
public final class PhaseProgress extends SparkListener {
  /** The least time between two live lines. */
  public static final long INTERVAL_MS = 2000;

  private final Phase phase;
  private final Console console;
  private final long startNanos;
  /** Tasks of each stage the phase's jobs planned; stages a job skipped (their output was there) leave at its end. */
  private final Map<Integer, Integer> tasksOfStage = new HashMap<Integer, Integer>();
  private final Map<Integer, Set<Integer>> stagesOfJob = new HashMap<Integer, Set<Integer>>();
  private final Set<Integer> submitted = new HashSet<Integer>();
  private long done;
  private boolean failed;
  private long lastLineNanos;

  PhaseProgress(Phase phase, Console console, long startNanos) {
    this.phase = phase;
    this.console = console;
    this.startNanos = startNanos;
    this.lastLineNanos = startNanos;
  }

  @Override
  public synchronized void onJobStart(SparkListenerJobStart jobStart) {
    String group = jobStart.properties() == null ? null
        : jobStart.properties().getProperty(Phase.GROUP_ID_PROPERTY);
    if (!phase.groupId().equals(group)) {
      return;
    }
    Set<Integer> stages = new HashSet<Integer>();
    for (StageInfo stage : JavaConverters.seqAsJavaList(jobStart.stageInfos())) {
      stages.add(stage.stageId());
      if (!tasksOfStage.containsKey(stage.stageId())) {
        tasksOfStage.put(stage.stageId(), stage.numTasks());
      }
    }
    stagesOfJob.put(jobStart.jobId(), stages);
  }

  @Override
  public synchronized void onStageSubmitted(SparkListenerStageSubmitted stageSubmitted) {
    submitted.add(stageSubmitted.stageInfo().stageId());
  }

  @Override
  public synchronized void onTaskEnd(SparkListenerTaskEnd taskEnd) {
    if (!tasksOfStage.containsKey(taskEnd.stageId()) || !taskEnd.taskInfo().successful()) {
      return;
    }
    done++;
    long now = System.nanoTime();
    if (console.live() && (now - lastLineNanos) / 1_000_000L >= INTERVAL_MS) {
      lastLineNanos = now;
      console.progressLine(running(phase.label(), done, total(), (now - startNanos) / 1_000_000L));
    }
  }

  @Override
  public synchronized void onJobEnd(SparkListenerJobEnd jobEnd) {
    Set<Integer> stages = stagesOfJob.remove(jobEnd.jobId());
    if (stages == null) {
      return;
    }
    if (!(jobEnd.jobResult() instanceof JobSucceeded$)) {
      failed = true;
    }
    for (Integer stage : stages) {
      if (!submitted.contains(stage)) {
        tasksOfStage.remove(stage);
      }
    }
  }

  /** The end line, unless no job of the phase ran or one failed (the run's error says what happened then). */
  synchronized void end(long nowNanos) {
    if (failed || tasksOfStage.isEmpty()) {
      return;
    }
    console.progressEnd(ended(phase.label(), done, total(), (nowNanos - startNanos) / 1_000_000L));
  }

  private long total() {
    long total = 0;
    for (int n : tasksOfStage.values()) {
      total += n;
    }
    return Math.max(total, done);
  }

  /** "convert: 12/40 tasks, 3.2 s, about 8 s left" (no estimate before the first task is done). */
  static String running(String phase, long done, long total, long elapsedMs) {
    String line = phase + ": " + done + "/" + total + " tasks, " + seconds(elapsedMs);
    if (done == 0 || done >= total) {
      return line;
    }
    long left = (long) ((double) elapsedMs / done * (total - done));
    return line + ", about " + seconds(left) + " left";
  }

  /** "convert: 40/40 tasks, 3.2 s". */
  static String ended(String phase, long done, long total, long elapsedMs) {
    return phase + ": " + done + "/" + total + " tasks, " + seconds(elapsedMs);
  }

  /** "0.4 s", "12 s", "3 min 05 s". */
  static String seconds(long ms) {
    if (ms < 10_000) {
      return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
    long s = Math.round(ms / 1000.0);
    return s < 60 ? s + " s" : String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
  }
}
