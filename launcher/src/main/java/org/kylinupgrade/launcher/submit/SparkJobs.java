package org.kylinupgrade.launcher.submit;

import java.util.List;
import java.util.Optional;

/**
 * Every command that runs as a Spark job, described once: the launcher submits them, {@code --print-command}
 * prints them and the Oozie workflow and Airflow DAG are generated from them. Classes are named, not
 * referenced, so that a job whose command is not registered yet can still be scheduled.
 */
public final class SparkJobs {
  public static final List<SparkJob> ALL = List.of(
      new SparkJob("backup", "org.kylinupgrade.jobs.BackupJob"),
      new SparkJob("upgrade", "org.kylinupgrade.jobs.UpgradeJob", "--from-folder"),
      new SparkJob("coprocessor", "org.kylinupgrade.jobs.CoprocessorJob"),
      new SparkJob("validate", "org.kylinupgrade.jobs.ValidateJob", "--from-folder"),
      new SparkJob("rollback", "org.kylinupgrade.jobs.RollbackJob"),
      new SparkJob("resume", "org.kylinupgrade.jobs.ResumeJob"),
      new SparkJob("info", "org.kylinupgrade.jobs.InfoJob", "--from-folder"));

  private SparkJobs() {
  }

  public static Optional<SparkJob> forCommand(String command) {
    return ALL.stream().filter(job -> job.command().equals(command)).findFirst();
  }

  public static SparkJob named(String command) {
    return forCommand(command).orElseThrow(() -> new IllegalArgumentException("not a Spark job: " + command));
  }
}
