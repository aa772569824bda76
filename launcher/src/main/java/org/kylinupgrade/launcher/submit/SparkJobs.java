package org.kylinupgrade.launcher.submit;

import java.util.List;
import java.util.Optional;

/**
 * Every command that runs as a job of the cluster jar, described once: the launcher chooses their build and
 * submits them, {@code --print-command} prints them and the Oozie workflow and Airflow DAG are generated from
 * those the scheduled upgrade names. Classes are named, not referenced, so that a job whose command is not
 * registered yet can still be scheduled. The jobs without Spark are here for the choice of build: on a cluster
 * whose HBase this JVM's client cannot serve they too go through {@code spark-submit} with the matching jar.
 */
public final class SparkJobs {
  public static final List<SparkJob> ALL = List.of(
      new SparkJob("backup", "org.kylinupgrade.jobs.BackupJob"),
      new SparkJob("upgrade", "org.kylinupgrade.jobs.UpgradeJob", "--from-folder"),
      new SparkJob("coprocessor", "org.kylinupgrade.jobs.CoprocessorJob"),
      new SparkJob("validate", "org.kylinupgrade.jobs.ValidateJob", "--from-folder"),
      new SparkJob("rollback", "org.kylinupgrade.jobs.RollbackJob"),
      new SparkJob("resume", "org.kylinupgrade.jobs.ResumeJob"),
      new SparkJob("info", "org.kylinupgrade.jobs.InfoJob", "--from-folder"),
      // load reads a folder but writes the cluster: it always needs the cluster, so no folder option
      SparkJob.withoutSpark("load", "org.kylinupgrade.jobs.LoadJob"),
      SparkJob.withoutSpark("dump", "org.kylinupgrade.jobs.DumpJob"),
      SparkJob.withoutSpark("unlock", "org.kylinupgrade.jobs.UnlockJob"),
      SparkJob.withoutSpark("hybrid", "org.kylinupgrade.jobs.HybridJob"));

  private SparkJobs() {
  }

  public static Optional<SparkJob> forCommand(String command) {
    return ALL.stream().filter(job -> job.command().equals(command)).findFirst();
  }

  public static SparkJob named(String command) {
    return forCommand(command).orElseThrow(() -> new IllegalArgumentException("not a Spark job: " + command));
  }
}
