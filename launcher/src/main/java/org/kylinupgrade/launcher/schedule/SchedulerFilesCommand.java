package org.kylinupgrade.launcher.schedule;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.kylinupgrade.jobs.ExitCodes;
import org.kylinupgrade.launcher.config.LauncherEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scheduler-files}: writes the Oozie workflow and the Airflow DAG from the launcher's job descriptions. */
@Command(name = "scheduler-files", mixinStandardHelpOptions = true,
    description = {"Write the Oozie workflow (oozie/workflow.xml, oozie/job.properties) and the Airflow DAG "
        + "(airflow/kylin_upgrade_dag.py) under DIR: backup, upgrade, coprocessor, validate, and rollback on failure.",
        "They carry the same class, jar, Spark properties (conf/spark-defaults.conf) and arguments as --print-command."})
public final class SchedulerFilesCommand implements Callable<Integer> {
  @Option(names = "--out", paramLabel = "DIR", defaultValue = "scripts", description = "where to write (default: ${DEFAULT-VALUE})")
  Path out;

  @Override
  public Integer call() throws Exception {
    for (Map.Entry<String, String> file : SchedulerFiles.render(LauncherEnvironment.current()).entrySet()) {
      Path target = out.resolve(file.getKey());
      Files.createDirectories(target.getParent());
      Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
      System.out.println("wrote " + target);
    }
    return ExitCodes.OK;
  }
}
