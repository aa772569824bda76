package org.kylinupgrade.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kylinupgrade.metadata.BadInputException;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.metadata.ResourcePaths;
import org.kylinupgrade.rules.v2.JobOutput;
import org.kylinupgrade.util.Immutables;

/**
 * The job half of Kylin's purge ({@code CubeService.discardAllRunningJobs}, {@code ExecutableManager.discardJob}): a
 * cube build job that is not SUCCEED, STOPPED or DISCARDED is discarded, with each of its steps that is not SUCCEED
 * or DISCARDED. A job's state lives in its output record ({@code /execute_output/<id>}), not in the job record.
 */
public final class JobDiscard implements Serializable {
  private static final long serialVersionUID = 1L;

  /** {@code CubingJob} before and after v2's class rename ({@code ClassUtil}); the job JSON keeps the v1 name. */
  private static final Set<String> CUBING_JOB_TYPES =
      Immutables.setOf("org.apache.kylin.job.cube.CubingJob", "org.apache.kylin.engine.mr.CubingJob");
  private static final String CUBE_NAME_PARAM = "cubeName";
  private static final String DISCARDED = "DISCARDED";
  private static final Set<String> STATES = Immutables.setOf("READY", "RUNNING", "ERROR", "STOPPED", DISCARDED,
      "SUCCEED");
  private static final Set<String> JOB_LEFT_ALONE = Immutables.setOf("SUCCEED", "STOPPED", DISCARDED);
  private static final Set<String> STEP_LEFT_ALONE = Immutables.setOf("SUCCEED", DISCARDED);

  private final DiscardedJob record;
  private final List<Resource> rewritten;
  private final List<Change> changes;

  private JobDiscard(DiscardedJob record, List<Resource> rewritten, List<Change> changes) {
    this.record = record;
    this.rewritten = Immutables.copyOfList(rewritten);
    this.changes = Immutables.copyOfList(changes);
  }

  /** The job a {@code /execute/<id>} record describes, or null when it is no cube build job Kylin can read. */
  public static CubingJobRef cubingJob(Resource execute) {
    ObjectNode job;
    try {
      job = KylinJson.readObject(execute);
    } catch (NotAJsonObjectException e) {
      return null;
    }
    String type = KylinJson.text(job, "type");
    JsonNode params = job.get("params");
    String id = KylinJson.text(job, "uuid");
    if (type == null || !CUBING_JOB_TYPES.contains(type) || params == null || !params.isObject() || id == null) {
      return null;
    }
    String cube = KylinJson.text((ObjectNode) params, CUBE_NAME_PARAM);
    List<String> steps = new ArrayList<>();
    JsonNode tasks = job.get("tasks");
    if (tasks != null && tasks.isArray()) {
      for (JsonNode task : tasks) {
        if (task.isObject() && KylinJson.text((ObjectNode) task, "uuid") != null) {
          steps.add(KylinJson.text((ObjectNode) task, "uuid"));
        }
      }
    }
    return cube == null ? null : new CubingJobRef(id, cube, steps);
  }

  /** The path of a job's or step's output record. */
  public static String outputPath(String id) {
    return ResourcePaths.EXECUTE_OUTPUT + "/" + id;
  }

  /**
   * Discards the job when it is unfinished. A missing output record reads as READY, as Kylin's
   * {@code ExecutableDao.getJobOutput} reads it, and is written when discarded.
   *
   * @param outputs the output records of the job and its steps (others are ignored)
   * @return null when the job is left alone
   */
  public static JobDiscard of(CubingJobRef job, Iterable<Resource> outputs, long timestamp) {
    Map<String, Resource> byPath = new HashMap<>();
    outputs.forEach(o -> byPath.put(o.path(), o));
    Resource jobOutput = byPath.get(outputPath(job.id()));
    String jobStatus = status(jobOutput, job.id());
    if (JOB_LEFT_ALONE.contains(jobStatus)) {
      return null;
    }
    List<Resource> rewritten = new ArrayList<>();
    List<Change> changes = new ArrayList<>();
    List<String> steps = new ArrayList<>();
    for (String step : job.stepIds()) {
      Resource stepOutput = byPath.get(outputPath(step));
      String stepStatus = status(stepOutput, step);
      if (!STEP_LEFT_ALONE.contains(stepStatus)) {
        discard(step, stepOutput, stepStatus, job, timestamp, rewritten, changes);
        steps.add(step);
      }
    }
    discard(job.id(), jobOutput, jobStatus, job, timestamp, rewritten, changes);
    return new JobDiscard(new DiscardedJob(job.id(), job.cubeName(), jobStatus, steps), rewritten, changes);
  }

  private static String status(Resource output, String id) {
    if (output == null) {
      return "READY";
    }
    String status = V2Entities.read(output, JobOutput.class).status;
    if (status == null || !STATES.contains(status)) {
      throw new BadInputException(output.path() + ": job state '" + status + "' is not one Kylin knows " + STATES
          + "; cannot tell whether the purge must discard job " + id);
    }
    return status;
  }

  private static void discard(String id, Resource output, String status, CubingJobRef job, long timestamp,
      List<Resource> rewritten, List<Change> changes) {
    JobOutput record;
    List<String> dropped;
    if (output == null) {
      record = new JobOutput();
      record.uuid = id;
      dropped = Collections.emptyList();
    } else {
      record = V2Entities.read(output, JobOutput.class);
      dropped = DroppedProperties.find(KylinJson.readObject(output), JobOutput.class);
    }
    record.status = DISCARDED;
    record.lastModified = timestamp;
    rewritten.add(new Resource(outputPath(id), KylinJson.indented(record), timestamp));
    changes.add(new Change(outputPath(id), Change.Kind.JOB_OUTPUT, Immutables.listOf(
        (output == null ? "(no output record) " : "")
        + "status " + status + " -> DISCARDED (purge of cube " + job.cubeName() + ", job " + job.id() + ")"), dropped));
  }

  public DiscardedJob record() {
    return record;
  }

  public List<Resource> rewritten() {
    return rewritten;
  }

  public List<Change> changes() {
    return changes;
  }
}
