package org.kylinupgrade.launcher.submit;

/** A command that runs as a Spark job: its name on the command line and the class {@code spark-submit} runs. */
public record SparkJob(String command, String mainClass) {
}
