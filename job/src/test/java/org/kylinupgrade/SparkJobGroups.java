package org.kylinupgrade;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;

/** The job groups of the Spark jobs a piece of work starts in the shared context, as the phases they name. */
public final class SparkJobGroups {
  /** Work that may throw. */
  public interface Work {
    void run() throws Exception;
  }

  private SparkJobGroups() {
  }

  /**
   * The descriptions of the jobs {@code work} starts, each run of jobs of one phase once, in order. A job outside a
   * {@code kylin-upgrade} group, or whose description is not its group's phase, appears as {@code "(no phase) ..."}.
   */
  public static List<String> phasesOf(Work work) throws Exception {
    List<String> jobs = Collections.synchronizedList(new ArrayList<>());
    SparkListener recorder = new SparkListener() {
      @Override
      public void onJobStart(SparkListenerJobStart start) {
        String group = start.properties().getProperty("spark.jobGroup.id");
        String description = start.properties().getProperty("spark.job.description");
        jobs.add(group != null && group.equals("kylin-upgrade " + description) ? description
            : "(no phase) group " + group + ", description " + description);
      }
    };
    SparkContext sc = SharedSpark.context().sc();
    sc.addSparkListener(recorder);
    try {
      work.run();
    } finally {
      sc.listenerBus().waitUntilEmpty(10_000);
      sc.removeSparkListener(recorder);
    }
    List<String> phases = new ArrayList<>();
    synchronized (jobs) {
      for (String job : jobs) {
        if (phases.isEmpty() || !phases.get(phases.size() - 1).equals(job)) {
          phases.add(job);
        }
      }
    }
    return phases;
  }
}
