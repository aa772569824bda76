package org.kylinupgrade.pipeline;

import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.kylinupgrade.report.Console;

/**
 * The phases of a run that Spark works in. Each runs as a Spark job group named after it ({@link #groupId}, its
 * {@link #label} as the jobs' description), so that Spark's UI and history server show where the time goes, and its
 * progress is shown on the terminal ({@link PhaseProgress}).
 */
public enum Phase {
  READ_FOLDER("read folder"),
  READ_SNAPSHOT("read snapshot"),
  READ_TABLE("read table"),
  CONVERT("convert"),
  WRITE_FOLDER("write folder"),
  STAGE("stage"),
  VERIFY("verify"),
  VALIDATE("validate"),
  /** A dry run's diffs and counts of what would change. */
  DIFF("diff"),
  /** A backup's proof that its snapshot holds the table's rows. */
  COUNT_ROWS("count rows"),
  /** A backup's folder dump. */
  DUMP_FOLDER("dump folder");

  /** What every phase's job group starts with. */
  public static final String GROUP_PREFIX = "kylin-upgrade ";
  /** The local properties Spark keeps a thread's job group and description in (those of its own setters). */
  static final String GROUP_ID_PROPERTY = "spark.jobGroup.id";
  static final String DESCRIPTION_PROPERTY = "spark.job.description";
  static final String INTERRUPT_PROPERTY = "spark.job.interruptOnCancel";

  private final String label;

  Phase(String label) {
    this.label = label;
  }

  /** The phase's name as the operator reads it: "read snapshot", "convert". */
  public String label() {
    return label;
  }

  /** The Spark job group of the phase's jobs: "kylin-upgrade convert". */
  public String groupId() {
    return GROUP_PREFIX + label;
  }

  /** The phase whose job group is {@code groupId}, or {@code null}. */
  public static Phase ofGroup(String groupId) {
    for (Phase phase : values()) {
      if (phase.groupId().equals(groupId)) {
        return phase;
      }
    }
    return null;
  }

  /**
   * Starts the phase on this thread: Spark jobs started until {@link Running#close} belong to its group, and their
   * progress goes to {@code console}. The group and description that were set before come back on close.
   */
  public Running start(JavaSparkContext sc, Console console) {
    return new Running(this, sc.sc(), console);
  }

  /** A phase that runs; close it when its last Spark job ended. */
  public static final class Running implements AutoCloseable {
    private final SparkContext sc;
    private final String previousGroup;
    private final String previousDescription;
    private final String previousInterrupt;
    private final PhaseProgress progress;

    private Running(Phase phase, SparkContext sc, Console console) {
      this.sc = sc;
      this.previousGroup = sc.getLocalProperty(GROUP_ID_PROPERTY);
      this.previousDescription = sc.getLocalProperty(DESCRIPTION_PROPERTY);
      this.previousInterrupt = sc.getLocalProperty(INTERRUPT_PROPERTY);
      this.progress = new PhaseProgress(phase, console, System.nanoTime());
      sc.addSparkListener(progress);
      sc.setJobGroup(phase.groupId(), phase.label(), false);
    }

    /** Prints how the phase ended (after Spark delivered its last events) and puts the previous group back. */
    @Override
    public void close() {
      sc.setLocalProperty(GROUP_ID_PROPERTY, previousGroup);
      sc.setLocalProperty(DESCRIPTION_PROPERTY, previousDescription);
      sc.setLocalProperty(INTERRUPT_PROPERTY, previousInterrupt);
      sc.listenerBus().post(new ProgressListener.PhaseEnded());
      try {
        sc.listenerBus().waitUntilEmpty(5000);
      } catch (java.util.concurrent.TimeoutException e) {
        // a busy event queue: the end line counts the events delivered so far
      }
      sc.removeSparkListener(progress);
      progress.end(System.nanoTime());
    }
  }
}
