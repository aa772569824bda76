package org.kylinupgrade.launcher.submit;

/**
 * A command that runs as a job of the cluster jar: its name on the command line, the class {@code spark-submit}
 * runs, the option with which it works on a metadata folder without HBase ({@code null} when it always needs
 * HBase), and whether it runs Spark at all. A job without Spark only talks to HBase: it runs on this host
 * whatever the master, in this JVM when its build is this JVM's, else through a local {@code spark-submit} of
 * the matching build.
 */
public record SparkJob(String command, String mainClass, String folderOption, boolean usesSpark) {
  public SparkJob(String command, String mainClass) {
    this(command, mainClass, null, true);
  }

  public SparkJob(String command, String mainClass, String folderOption) {
    this(command, mainClass, folderOption, true);
  }

  /** A job that works on the cluster's HBase without Spark (load, dump, unlock, hybrid). */
  public static SparkJob withoutSpark(String command, String mainClass) {
    return new SparkJob(command, mainClass, null, false);
  }
}
