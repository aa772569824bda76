package org.kylinupgrade.launcher.submit;

/**
 * A command that runs as a Spark job: its name on the command line, the class {@code spark-submit} runs, and
 * the option with which it works on a metadata folder without HBase ({@code null} when it always needs HBase).
 */
public record SparkJob(String command, String mainClass, String folderOption) {
  public SparkJob(String command, String mainClass) {
    this(command, mainClass, null);
  }
}
