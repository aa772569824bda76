package org.kylinupgrade.pipeline;

/**
 * Keeps Spark's own account of a failed task off the operator's terminal. When a task throws (bad input found by an
 * executor among them), Spark's executor, task-set manager and scheduler each log the failure with its whole stack
 * trace before the job's one-paragraph message; the job reports every failure itself, so those loggers are turned off
 * unless {@code KYLIN_UPGRADE_DEBUG} is set. Where Spark does not log through Log4j 2, nothing is changed.
 */
public final class SparkLogging {
  /** The loggers that print a failed task's stack trace. */
  static final String[] TASK_FAILURE_LOGGERS = {
      "org.apache.spark.executor.Executor",
      "org.apache.spark.scheduler.TaskSetManager",
      "org.apache.spark.scheduler.TaskSchedulerImpl",
      "org.apache.spark.scheduler.DAGScheduler",
      "org.apache.spark.scheduler.TaskResultGetter",
      "org.apache.spark.util.Utils"};

  private SparkLogging() {
  }

  /** Whether the operator asked for stack traces. */
  public static boolean debug() {
    String value = System.getenv("KYLIN_UPGRADE_DEBUG");
    return value != null;
  }

  /** Turns the task-failure loggers off, or leaves them as configured when {@link #debug()}. */
  public static void quietTaskFailures() {
    if (debug()) {
      return;
    }
    try {
      for (String logger : TASK_FAILURE_LOGGERS) {
        org.apache.logging.log4j.core.config.Configurator.setLevel(logger, org.apache.logging.log4j.Level.OFF);
      }
    } catch (LinkageError e) {
      // Spark logs through another framework here: its configuration decides
    }
  }
}
