package org.kylinupgrade.pipeline;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.metadata.ResourcePaths;
import org.kylinupgrade.rules.Change;
import org.kylinupgrade.rules.CubingJobRef;
import org.kylinupgrade.rules.DiscardedJob;
import org.kylinupgrade.rules.JobDiscard;
import org.kylinupgrade.rules.UpgradeOptions;

/**
 * The jobs of the purged cubes: their unfinished build jobs are discarded. Only the job records ({@code /execute/})
 * are scanned for the cube names; the few job ids found travel to the driver and select the output records
 * ({@code /execute_output/}) to rewrite. Nothing else is shuffled.
 */
final class JobPurgeStep {
  static final String EXECUTE = ResourcePaths.EXECUTE.substring(1);
  static final String EXECUTE_OUTPUT = ResourcePaths.EXECUTE_OUTPUT.substring(1);

  final JavaRDD<Resource> output;
  final JavaRDD<Resource> rewritten;
  final List<Change> changes;
  final List<DiscardedJob> discarded;

  private JobPurgeStep(JavaRDD<Resource> output, JavaRDD<Resource> rewritten, List<Change> changes,
      List<DiscardedJob> discarded) {
    this.output = output;
    this.rewritten = rewritten;
    this.changes = changes;
    this.discarded = discarded;
  }

  /** {@code resources}: the resources the conversion passes through (jobs among them). */
  static JobPurgeStep run(JavaSparkContext sc, ConversionBroadcasts broadcasts, JavaRDD<Resource> resources,
      UpgradeOptions options) {
    List<CubingJobRef> jobs = resources.filter(r -> r.type().equals(EXECUTE))
        .map(JobDiscard::cubingJob)
        .filter(job -> job != null && options.purges(job.cubeName()))
        .collect();
    if (jobs.isEmpty()) {
      return new JobPurgeStep(resources, sc.emptyRDD(), Collections.<Change>emptyList(),
          Collections.<DiscardedJob>emptyList());
    }
    Map<String, String> jobOfOutput = new HashMap<>();
    for (CubingJobRef job : jobs) {
      jobOfOutput.put(JobDiscard.outputPath(job.id()), job.id());
      job.stepIds().forEach(step -> jobOfOutput.put(JobDiscard.outputPath(step), job.id()));
    }
    Broadcast<Map<String, String>> jobOf = broadcasts.of(jobOfOutput);
    JavaPairRDD<String, Iterable<Resource>> outputsByJob = resources
        .filter(r -> r.type().equals(EXECUTE_OUTPUT) && jobOf.value().containsKey(r.path()))
        .keyBy(r -> jobOf.value().get(r.path()))
        .groupByKey();
    long timestamp = options.runTimestamp();
    JavaRDD<JobDiscard> discards = sc.parallelize(jobs)
        .keyBy(CubingJobRef::id)
        .leftOuterJoin(outputsByJob)
        .map(t -> JobDiscard.of(t._2()._1(), t._2()._2().orElse(Collections.<Resource>emptyList()), timestamp))
        .filter(d -> d != null);
    discards.persist(StorageLevel.MEMORY_AND_DISK());
    List<DiscardedJob> discarded = discards.map(JobDiscard::record).collect();
    List<Change> changes = discards.flatMap(d -> d.changes().iterator()).collect();
    JavaRDD<Resource> rewritten = discards.flatMap(d -> d.rewritten().iterator());
    Set<String> replacedPaths = new HashSet<>();
    changes.forEach(c -> replacedPaths.add(c.path()));
    Broadcast<Set<String>> replaced = broadcasts.of(replacedPaths);
    JavaRDD<Resource> output = resources.filter(r -> !replaced.value().contains(r.path())).union(rewritten);
    return new JobPurgeStep(output, rewritten, changes, discarded);
  }
}
