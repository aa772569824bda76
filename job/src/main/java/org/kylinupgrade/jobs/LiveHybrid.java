package org.kylinupgrade.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kylinupgrade.hbase.AclTable;
import org.kylinupgrade.hbase.HBaseCluster;
import org.kylinupgrade.hbase.HBaseStore;
import org.kylinupgrade.hybrid.AclCopy;
import org.kylinupgrade.hybrid.ExtendCubeToHybrid;
import org.kylinupgrade.hybrid.HybridIds;
import org.kylinupgrade.hybrid.HybridInput;
import org.kylinupgrade.hybrid.HybridPlan;
import org.kylinupgrade.journal.FailurePoints;
import org.kylinupgrade.journal.Run;
import org.kylinupgrade.journal.RunJournal;
import org.kylinupgrade.journal.RunLock;
import org.kylinupgrade.journal.RunNames;
import org.kylinupgrade.journal.Step;
import org.kylinupgrade.metadata.AclCell;
import org.kylinupgrade.metadata.BadInputException;
import org.kylinupgrade.metadata.MetadataUrl;
import org.kylinupgrade.rules.UpgradeTarget;
import org.kylinupgrade.metadata.Resource;

/**
 * {@code hybrid} on the live metadata table, all or nothing: under the run lock, the plan is made from the table
 * (bad input changes nothing), the table is snapshotted, the resources are written and the ACL row copied; on any
 * failure every resource is put back as it was read and the ACL copy deleted. A run that could not put things back
 * stays unfinished in the journal, and {@code rollback} restores its snapshot.
 */
final class LiveHybrid {
  /** Failure points for the tests: after the resources, after the ACL copy. */
  static final String WRITTEN = "HYBRID_WRITTEN";
  static final String ACL_COPIED = "HYBRID_ACL_COPIED";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final HBaseCluster cluster;
  private final MetadataUrl url;
  private final HybridIds ids;
  private final String reportFile;
  private final RunJournal journal;
  private final RunLock lock;

  LiveHybrid(HBaseCluster cluster, MetadataUrl url, HybridIds ids, String reportFile) throws IOException {
    this.cluster = cluster;
    this.url = url;
    this.ids = ids;
    this.reportFile = reportFile;
    this.journal = new RunJournal(cluster.historyTable(RunNames.historyTable(url)).ensureExists());
    this.lock = new RunLock(journal.table());
  }

  int run(UpgradeTarget target, String project, String cube, String partitionDate) throws IOException {
    journal.unfinished().ifPresent(unfinished -> {
      throw new NeedsOperatorException(unfinished + " stopped half-way; finish it with `kylin-upgrade resume` "
          + "or undo it with `kylin-upgrade rollback`");
    });
    try (HBaseStore store = cluster.openStore(url)) {
      RunNames names = new RunNames(url, RunNames.newRunId());
      lock.acquire(names.runId());
      Run run = journal.start(names.runId(), "hybrid", facts(target, project, cube, partitionDate));
      try {
        return extend(store, names, run, target, project, cube, partitionDate);
      } finally {
        Run current = journal.load(names.runId()).orElse(run);
        if (!current.unfinished()) {
          lock.release(names.runId());
        }
      }
    }
  }

  private Map<String, String> facts(UpgradeTarget target, String project, String cube, String partitionDate) {
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("table", url.tableName());
    facts.put("version", Version.current());
    facts.put("to", target.label());
    facts.put("project", project);
    facts.put("cube", cube);
    facts.put("partition_date", partitionDate == null ? "" : partitionDate);
    return facts;
  }

  private int extend(HBaseStore store, RunNames names, Run run, UpgradeTarget target, String project, String cube,
      String partitionDate) throws IOException {
    AclTable aclTable = cluster.aclTable(url);
    HybridPlan plan;
    List<AclCell> aclRow;
    try {
      plan = ExtendCubeToHybrid.plan(read(store), target, project, cube, partitionDate, ids);
      aclRow = aclTable.exists() ? aclTable.row(plan.cubeUuid()) : List.of();
      cluster.admin().snapshot(url.tableName(), names.backupSnapshot());
    } catch (RuntimeException | IOException e) {
      cluster.admin().deleteSnapshotIfExists(names.backupSnapshot());
      journal.finish(run, e instanceof BadInputException ? Run.Status.ABORTED : Run.Status.FAILED,
          Map.of("message", String.valueOf(e.getMessage())));
      throw e;
    }
    Map<String, String> produced = new LinkedHashMap<>();
    produced.put("backup_snapshot", names.backupSnapshot());
    produced.put("acl_copy_row", aclRow.isEmpty() ? "" : plan.oldCubeUuid());
    produced.put("written", String.join("\n", plan.writes().stream().map(w -> w.after().path()).toList()));
    run = journal.step(run, Step.BACKED_UP, produced);
    try {
      for (HybridPlan.Write write : plan.writes()) {
        store.put(write.after());
      }
      store.flush();
      FailurePoints.reached(WRITTEN);
      aclTable.put(plan.oldCubeUuid(), AclCopy.of(aclRow, plan.projectUuid()));
      FailurePoints.reached(ACL_COPIED);
    } catch (RuntimeException | IOException e) {
      putBack(run, store, aclTable, target, plan, !aclRow.isEmpty(), e);
    }
    journal.finish(run, Run.Status.DONE, Map.of());
    print(target, plan, aclRow, names);
    report(target, plan, aclRow, names, "done", ExitCodes.OK);
    return ExitCodes.OK;
  }

  private static HybridInput read(HBaseStore store) throws IOException {
    List<Resource> resources = new ArrayList<>();
    for (String range : HybridInput.RANGES) {
      resources.addAll(store.readPrefix(range));
    }
    return HybridInput.of(resources);
  }

  /** Puts back what every write replaced (all of them: a buffered write may have landed), then the ACL table. */
  private void putBack(Run run, HBaseStore store, AclTable aclTable, UpgradeTarget target, HybridPlan plan,
      boolean aclCopied, Exception cause) throws IOException {
    try {
      List<HybridPlan.Write> writes = new ArrayList<>(plan.writes());
      Collections.reverse(writes);
      for (HybridPlan.Write write : writes) {
        if (write.creates()) {
          store.delete(write.after().path());
        } else {
          store.put(write.before());
        }
      }
      store.flush();
      if (aclCopied) {
        aclTable.delete(plan.oldCubeUuid());
      }
    } catch (RuntimeException | IOException again) {
      cause.addSuppressed(again);
      throw new NeedsOperatorException("extending cube " + plan.cube() + " failed (" + cause.getMessage()
          + ") and so did putting the metadata back (" + again.getMessage() + "); `kylin-upgrade rollback --snapshot "
          + run.get("backup_snapshot") + "` restores the table as it was (and deletes the ACL copy)");
    }
    journal.finish(run, Run.Status.ROLLED_BACK, Map.of("message", String.valueOf(cause.getMessage())));
    report(target, plan, new ArrayList<AclCell>(), null, "failed, put back", ExitCodes.FAILED);
    throw new HybridFailedException("extending cube " + plan.cube() + " failed (" + cause.getMessage() + "); every "
        + "resource and the ACL table were put back as they were", cause);
  }

  private void print(UpgradeTarget target, HybridPlan plan, List<AclCell> aclRow, RunNames names) {
    System.out.printf("extended cube %s into hybrid %s in project %s as Kylin %s does (run %s, backup snapshot %s):%n",
        plan.cube(), plan.hybrid(), plan.project(), target.label(), names.runId(), names.backupSnapshot());
    for (HybridPlan.Write write : plan.writes()) {
      System.out.println("  " + (write.creates() ? "created " : "changed ") + write.after().path() + ": " + write.why());
    }
    System.out.println(aclRow.isEmpty() ? "  no ACL entries for cube " + plan.cube() + "; nothing copied"
        : "  ACL: " + aclRow.size() + " cells copied from row " + plan.cubeUuid() + " to " + plan.oldCubeUuid()
            + " (parent: project " + plan.project() + ")");
    plan.droppedSegments().forEach(s -> System.out.println("  segment left out (after the partition date): " + s));
    plan.notes().forEach(n -> System.out.println("  note: " + n));
  }

  private void report(UpgradeTarget target, HybridPlan plan, List<AclCell> aclRow, RunNames names, String status,
      int exitCode) throws IOException {
    if (reportFile == null) {
      return;
    }
    ObjectNode root = JSON.createObjectNode();
    root.put("command", "hybrid");
    root.put("table", url.tableName());
    root.put("to", target.label());
    root.put("project", plan.project());
    root.put("cube", plan.cube());
    root.put("oldCube", plan.oldCube());
    root.put("oldDesc", plan.oldDesc());
    root.put("ownDesc", plan.ownDesc());
    root.put("hybrid", plan.hybrid());
    root.put("partitionDate", plan.partitionDate());
    if (names != null) {
      root.put("backupSnapshot", names.backupSnapshot());
    }
    ArrayNode writes = root.putArray("writes");
    for (HybridPlan.Write write : plan.writes()) {
      writes.addObject().put("path", write.after().path()).put("created", write.creates()).put("why", write.why());
    }
    ObjectNode acl = root.putObject("acl");
    acl.put("table", url.aclTable());
    acl.put("from", plan.cubeUuid());
    acl.put("to", plan.oldCubeUuid());
    acl.put("cellsCopied", aclRow.size());
    plan.droppedSegments().forEach(root.putArray("segmentsLeftOut")::add);
    plan.notes().forEach(root.putArray("notes")::add);
    root.put("status", status);
    root.put("exitCode", exitCode);
    JSON.writeValue(new File(reportFile), root);
  }

  /** Extending failed and everything was put back: exit 1, table as it was. */
  static final class HybridFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    HybridFailedException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
