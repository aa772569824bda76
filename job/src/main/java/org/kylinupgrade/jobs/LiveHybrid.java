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
import org.kylinupgrade.hbase.TableAdmin;
import org.kylinupgrade.hybrid.AclCopy;
import org.kylinupgrade.hybrid.ExtendCubeToHybrid;
import org.kylinupgrade.hybrid.HybridIds;
import org.kylinupgrade.hybrid.HybridInput;
import org.kylinupgrade.hybrid.HybridPlan;
import org.kylinupgrade.journal.FailurePoints;
import org.kylinupgrade.journal.JournaledRun;
import org.kylinupgrade.journal.Run;
import org.kylinupgrade.journal.RunJournal;
import org.kylinupgrade.journal.RunNames;
import org.kylinupgrade.journal.Step;
import org.kylinupgrade.metadata.AclCell;
import org.kylinupgrade.metadata.MetadataUrl;
import org.kylinupgrade.report.Console;
import org.kylinupgrade.rules.UpgradeTarget;
import org.kylinupgrade.metadata.Resource;

/**
 * {@code hybrid} on the live metadata table, all or nothing, run by {@link JournaledRun}. Its steps:
 * <ol>
 *   <li>the plan is made from the table (bad input changes nothing: exit 2, journaled ABORTED);</li>
 *   <li>{@code BACKED_UP}: the table is snapshotted, the resources it writes recorded;</li>
 *   <li>the resources are written and flushed ({@value #WRITTEN}), then read back and compared with what was
 *   written (a resource that does not read back fails the run);</li>
 *   <li>the cube's ACL row is copied ({@value #ACL_COPIED}).</li>
 * </ol>
 * On any failure after the backup, every resource is put back as it was read (a created one deleted), the ACL
 * copy deleted, and the put-back read back and compared with what was read; the run is journaled ROLLED_BACK. A
 * run that could not put things back (or was killed) stays unfinished, and {@code rollback} restores its snapshot.
 */
final class LiveHybrid implements JournaledRun.Job {
  /** Failure points for the tests: after the resources, after the ACL copy. */
  static final String WRITTEN = "HYBRID_WRITTEN";
  static final String ACL_COPIED = "HYBRID_ACL_COPIED";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final HBaseCluster cluster;
  private final MetadataUrl url;
  private final HybridIds ids;
  private final String reportFile;
  private final JournaledRun runs;
  private final RunJournal journal;
  private final Console console;
  // the run's state, set by its steps
  private HBaseStore store;
  private RunNames names;
  private UpgradeTarget target;
  private int maxCombination;
  private String project;
  private String cube;
  private String partitionDate;
  private HybridPlan plan;
  private List<AclCell> aclRow = new ArrayList<>();
  private boolean aclCopied;

  LiveHybrid(HBaseCluster cluster, MetadataUrl url, HybridIds ids, String reportFile, Console console)
      throws IOException {
    this.cluster = cluster;
    this.url = url;
    this.ids = ids;
    this.reportFile = reportFile;
    this.console = console;
    this.runs = new JournaledRun(cluster, url, console);
    this.journal = runs.journal();
  }

  int run(UpgradeTarget target, int maxCombination, String project, String cube, String partitionDate)
      throws Exception {
    this.target = target;
    this.maxCombination = maxCombination;
    this.project = project;
    this.cube = cube;
    this.partitionDate = partitionDate;
    try (HBaseStore opened = cluster.openStore(url)) {
      this.store = opened;
      this.names = new RunNames(url, RunNames.newRunId());
      return runs.start("hybrid", names, facts(), this);
    }
  }

  private Map<String, String> facts() {
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("version", Version.current());
    facts.put("to", target.label());
    facts.put(Run.MAX_COMBINATION, Integer.toString(maxCombination));
    facts.put("project", project);
    facts.put("cube", cube);
    facts.put("partition_date", partitionDate == null ? "" : partitionDate);
    return facts;
  }

  @Override
  public JournaledRun.Ending steps(Run run) throws IOException {
    AclTable aclTable = cluster.aclTable(url);
    plan = ExtendCubeToHybrid.plan(read(store), target, maxCombination, project, cube, partitionDate, ids);
    aclRow = aclTable.exists() ? aclTable.row(plan.cubeUuid()) : new ArrayList<AclCell>();
    FailurePoints.reached("hybrid:backup");
    cluster.admin().snapshot(url.tableName(), names.backupSnapshot());
    Map<String, String> produced = new LinkedHashMap<>();
    produced.put(Run.BACKUP_SNAPSHOT, names.backupSnapshot());
    produced.put(Run.ACL_COPY_ROW, aclRow.isEmpty() ? "" : plan.oldCubeUuid());
    List<String> written = new ArrayList<>();
    for (HybridPlan.Write write : plan.writes()) {
      written.add(write.after().path());
    }
    produced.put(Run.WRITTEN, String.join("\n", written));
    run = journal.step(run, Step.BACKED_UP, produced);
    boolean first = true;
    for (HybridPlan.Write write : plan.writes()) {
      store.put(write.after());
      if (first) {
        store.flush();
        FailurePoints.reached("hybrid:write"); // in the middle of the writes: one landed, the others not
        first = false;
      }
    }
    store.flush();
    FailurePoints.reached(WRITTEN);
    List<String> notAsWritten = new ArrayList<>();
    for (HybridPlan.Write write : plan.writes()) {
      if (!write.after().equals(readOne(write.after().path()))) {
        notAsWritten.add(write.after().path());
      }
    }
    if (!notAsWritten.isEmpty()) {
      throw new IllegalStateException("written resources do not read back as written: " + notAsWritten);
    }
    FailurePoints.reached("hybrid:acl");
    if (!aclRow.isEmpty()) {
      aclCopied = true;
      aclTable.put(plan.oldCubeUuid(), AclCopy.of(aclRow, plan.projectUuid()));
    }
    FailurePoints.reached(ACL_COPIED);
    print();
    report("done", ExitCodes.OK, true);
    return JournaledRun.Ending.of(Run.Status.DONE, ExitCodes.OK);
  }

  @Override
  public boolean touched(Run run) {
    return run.step().compareTo(Step.BACKED_UP) >= 0;
  }

  /**
   * Puts back what every write replaced (all of them: a buffered write may have landed), then the ACL table; then
   * reads every written path back: each is as it was read before the run (a created one absent).
   */
  @Override
  public RuntimeException restore(Run run, Throwable cause) throws IOException {
    AclTable aclTable = cluster.aclTable(url);
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
      if (aclCopied || run.aclCopyRow() != null) {
        aclTable.delete(plan.oldCubeUuid());
      }
      for (HybridPlan.Write write : writes) {
        Resource now = readOne(write.after().path());
        if (write.creates() ? now != null : !write.before().equals(now)) {
          throw new IllegalStateException(write.after().path() + " does not read back as it was before the run");
        }
      }
    } catch (RuntimeException | IOException again) {
      throw new NeedsOperatorException("extending cube " + plan.cube() + " failed (" + cause.getMessage()
          + ") and so did putting the metadata back (" + again.getMessage() + "); `kylin-upgrade rollback --snapshot "
          + run.backupSnapshot() + "` restores the table as it was (and deletes the ACL copy)");
    }
    report("failed, put back", ExitCodes.FAILED, false);
    return new HybridFailedException("extending cube " + plan.cube() + " failed (" + cause.getMessage() + "); every "
        + "resource and the ACL table were put back as they were", cause);
  }

  /** The backup snapshot is the way back from a finished or a put-back run; it goes only if nothing was written. */
  @Override
  public String cleanUp(Run run, Run.Status ending) throws IOException {
    if (ending == Run.Status.DONE || ending == Run.Status.ROLLED_BACK || touched(run)) {
      return null;
    }
    TableAdmin admin = cluster.admin();
    if (admin.exists(url.tableName()) && admin.isEnabled(url.tableName())) {
      admin.deleteSnapshotIfExists(names.backupSnapshot());
      return null;
    }
    return admin.snapshotExists(names.backupSnapshot()) ? "backup snapshot " + names.backupSnapshot()
        + " is kept: table " + url.tableName() + " is not verified as healthy" : null;
  }

  /** The resource at {@code path} as the table holds it now, or null. */
  private Resource readOne(String path) throws IOException {
    for (Resource r : store.readPrefix(path)) {
      if (r.path().equals(path)) {
        return r;
      }
    }
    return null;
  }

  private static HybridInput read(HBaseStore store) throws IOException {
    List<Resource> resources = new ArrayList<>();
    for (String range : HybridInput.RANGES) {
      resources.addAll(store.readPrefix(range));
    }
    return HybridInput.of(resources);
  }

  private void print() {
    console.outcomef("extended cube %s into hybrid %s in project %s as Kylin %s does (run %s, backup snapshot %s):",
        plan.cube(), plan.hybrid(), plan.project(), target.label(), names.runId(), names.backupSnapshot());
    for (HybridPlan.Write write : plan.writes()) {
      console.info("  " + (write.creates() ? "created " : "changed ") + write.after().path() + ": " + write.why());
    }
    console.info(aclRow.isEmpty() ? "  no ACL entries for cube " + plan.cube() + "; nothing copied"
        : "  ACL: " + aclRow.size() + " cells copied from row " + plan.cubeUuid() + " to " + plan.oldCubeUuid()
            + " (parent: project " + plan.project() + ")");
    plan.droppedSegments().forEach(s -> console.info("  segment left out (after the partition date): " + s));
    plan.notes().forEach(n -> console.info("  note: " + n));
  }

  private void report(String status, int exitCode, boolean done) throws IOException {
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
    if (done) {
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
    acl.put("cellsCopied", done ? aclRow.size() : 0);
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
