package org.kylinupgrade.launcher.schedule;

import java.util.LinkedHashMap;
import java.util.Map;
import org.kylinupgrade.launcher.config.LauncherEnvironment;
import org.kylinupgrade.launcher.submit.SubmitPlanner;

/** The scheduler files, by their path under {@code scripts/}. */
public final class SchedulerFiles {
  public static final String WORKFLOW = "oozie/workflow.xml";
  public static final String JOB_PROPERTIES = "oozie/job.properties";
  public static final String DAG = "airflow/kylin_upgrade_dag.py";

  private SchedulerFiles() {
  }

  public static Map<String, String> render(LauncherEnvironment environment) {
    SchedulerChain chain = new SchedulerChain(new SubmitPlanner(environment));
    OozieWorkflow oozie = new OozieWorkflow(chain);
    Map<String, String> files = new LinkedHashMap<>();
    files.put(WORKFLOW, oozie.workflowXml());
    files.put(JOB_PROPERTIES, oozie.jobProperties(LauncherEnvironment.version()));
    files.put(DAG, new AirflowDag(chain).dag());
    return files;
  }
}
