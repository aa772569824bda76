package org.kylinupgrade.pipeline;

import java.util.HashSet;
import java.util.Set;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerApplicationEnd;
import org.apache.spark.scheduler.SparkListenerEvent;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.StageInfo;
import org.apache.spark.util.AccumulatorContext;
import org.apache.spark.util.AccumulatorV2;
import scala.Option;
import scala.collection.JavaConverters;

/**
 * Logs the job's progress (logger {@code org.kylinupgrade.progress}): stages done of those known so far (Spark plans
 * stages job by job, so the total grows as the job goes on), the resources converted so far and the {@link Phase} the
 * stages ran in. A line per stage at DEBUG; at INFO a line when a phase ends ({@link PhaseEnded}, or the first job
 * of another phase starts), at most every {@link #INFO_INTERVAL_MS} within a long phase, and at the end of the
 * application for jobs run outside a phase, so that a log holds the progress of a run of any size in a few lines, each
 * before what the run printed after that phase. The terminal's live progress is {@link PhaseProgress}'s.
 */
public final class ProgressListener extends SparkListener {
  /** The name of the accumulator {@link UpgradePipeline} counts converted resources in. */
  public static final String CONVERTED = "resources converted";
  /** The least time between two INFO lines within one phase. */
  public static final long INFO_INTERVAL_MS = 10_000;
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger("org.kylinupgrade.progress");

  /**
   * Posted when a phase's last job has ended: it reaches the listeners after that job's own events, so the line it
   * logs counts them all.
   */
  public static final class PhaseEnded implements SparkListenerEvent {
    @Override
    public boolean logEvent() {
      return false;
    }
  }

  private final java.util.function.Consumer<String> log;
  private final Set<Integer> known = new HashSet<>();
  private final Set<Integer> done = new HashSet<>();
  private long converted;
  /** The phase of the job started last, if it ran in one. */
  private String phase;
  private long lastInfoNanos = System.nanoTime();
  private boolean unlogged;

  public ProgressListener() {
    this(LOG::info);
  }

  /** A listener whose INFO lines go to {@code log}. */
  ProgressListener(java.util.function.Consumer<String> log) {
    this.log = log;
  }

  @Override
  public synchronized void onJobStart(SparkListenerJobStart jobStart) {
    Phase started = jobStart.properties() == null ? null
        : Phase.ofGroup(jobStart.properties().getProperty(Phase.GROUP_ID_PROPERTY));
    String now = started == null ? null : started.label();
    if (unlogged && !java.util.Objects.equals(now, phase)) {
      info();
    }
    phase = now;
    for (StageInfo stage : JavaConverters.seqAsJavaList(jobStart.stageInfos())) {
      known.add(stage.stageId());
    }
  }

  @Override
  public synchronized void onStageCompleted(SparkListenerStageCompleted completed) {
    StageInfo stage = completed.stageInfo();
    known.add(stage.stageId());
    done.add(stage.stageId());
    converted = Math.max(converted, convertedSoFar(stage));
    unlogged = true;
    if ((System.nanoTime() - lastInfoNanos) / 1_000_000L >= INFO_INTERVAL_MS) {
      info();
    } else if (LOG.isDebugEnabled()) {
      LOG.debug(line());
    }
  }

  /** Stages a finished job planned but never ran (their output was cached) count as done. */
  @Override
  public synchronized void onJobEnd(SparkListenerJobEnd jobEnd) {
    done.addAll(known);
  }

  @Override
  public synchronized void onOtherEvent(SparkListenerEvent event) {
    if (event instanceof PhaseEnded && unlogged) {
      info();
    }
  }

  @Override
  public synchronized void onApplicationEnd(SparkListenerApplicationEnd applicationEnd) {
    if (unlogged) {
      info();
    }
  }

  private void info() {
    log.accept(line());
    lastInfoNanos = System.nanoTime();
    unlogged = false;
  }

  synchronized String line() {
    return String.format("%d/%d stages done, %d %s", done.size(), known.size(), converted, CONVERTED)
        + (phase == null ? "" : " (" + phase + ")");
  }

  private static long convertedSoFar(StageInfo stage) {
    return JavaConverters.mapAsJavaMap(stage.accumulables()).values().stream()
        .filter(info -> info.name().isDefined() && CONVERTED.equals(info.name().get()))
        .map(info -> AccumulatorContext.get(info.id()))
        .filter(Option::isDefined)
        .map(Option::get)
        .mapToLong(ProgressListener::longValue)
        .max().orElse(0L);
  }

  private static long longValue(AccumulatorV2<?, ?> accumulator) {
    Object value = accumulator.value();
    return value instanceof Number ? ((Number) value).longValue() : 0L;
  }
}
