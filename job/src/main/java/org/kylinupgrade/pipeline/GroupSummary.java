package org.kylinupgrade.pipeline;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.rules.Change;
import org.kylinupgrade.rules.CuboidCheckCounts;
import org.kylinupgrade.rules.GroupResult;
import org.kylinupgrade.rules.Problem;
import org.kylinupgrade.rules.PurgedCube;

/**
 * Everything the driver needs of the converted groups, brought back by one job: the changes, problems, purged cubes,
 * the paths kept untouched and those rewritten, and the cuboid check counts. Lists keep the groups' order, but for the
 * changes, which each part sorts by path.
 */
final class GroupSummary implements Serializable {
  private static final long serialVersionUID = 1L;
  final List<Change> changes = new ArrayList<>();
  final List<Problem> unloadable = new ArrayList<>();
  final List<Problem> warnings = new ArrayList<>();
  final List<PurgedCube> purged = new ArrayList<>();
  final Set<String> untouched = new HashSet<>();
  final Set<String> rewrittenPaths = new HashSet<>();
  CuboidCheckCounts cuboidChecks = CuboidCheckCounts.NONE;

  private GroupSummary() {
  }

  static GroupSummary of(JavaRDD<GroupResult> results) {
    GroupSummary all = new GroupSummary();
    for (GroupSummary part : results.mapPartitions(it -> java.util.Collections.singletonList(ofPart(it)).iterator())
        .collect()) {
      all.addAll(part);
    }
    return all;
  }

  /** The summary of one partition's groups. */
  static GroupSummary ofPart(java.util.Iterator<GroupResult> results) {
    GroupSummary summary = new GroupSummary();
    while (results.hasNext()) {
      summary.add(results.next());
    }
    // sorted here, on the executors: the driver's sort of all parts then merges runs already in order
    summary.changes.sort(java.util.Comparator.comparing(Change::path));
    return summary;
  }

  private void add(GroupResult result) {
    changes.addAll(result.changes());
    unloadable.addAll(result.unloadable());
    warnings.addAll(result.warnings());
    purged.addAll(result.purged());
    untouched.addAll(result.untouched());
    for (Resource r : result.rewritten()) {
      rewrittenPaths.add(r.path());
    }
    cuboidChecks = cuboidChecks.plus(result.cuboidChecks());
  }

  /** A task's summary travels packed ({@link Packed}); Kryo, which does not call this, carries the fields as such. */
  private Object writeReplace() {
    return new Packed(this);
  }

  /**
   * A summary on its way from a task to the driver: changes, problems and paths as one {@link PackedBlock} (a path is
   * written once, though it comes in a change and in a set of paths; a change's reasons repeat from group to group),
   * the few purged cubes and the counts as objects. It is unpacked where Java serialization reads it: on the driver's
   * task-result threads, while the other tasks still run.
   */
  private static final class Packed implements Serializable {
    private static final long serialVersionUID = 1L;
    private final byte[] encoded;
    private final List<PurgedCube> purged;
    private final CuboidCheckCounts cuboidChecks;

    Packed(GroupSummary summary) {
      PackedBlock.Writer out = new PackedBlock.Writer().writeInt(summary.changes.size());
      for (Change change : summary.changes) {
        out.writeString(change.path()).writeInt(change.kind().ordinal()).writeStrings(change.reasons())
            .writeStrings(change.droppedProperties());
      }
      writeProblems(out, summary.unloadable);
      writeProblems(out, summary.warnings);
      out.writeStrings(summary.untouched).writeStrings(summary.rewrittenPaths);
      this.encoded = out.toBytes();
      this.purged = new ArrayList<>(summary.purged);
      this.cuboidChecks = summary.cuboidChecks;
    }

    private static void writeProblems(PackedBlock.Writer out, List<Problem> problems) {
      out.writeInt(problems.size());
      for (Problem problem : problems) {
        out.writeString(problem.path()).writeString(problem.reason());
      }
    }

    private Object readResolve() {
      GroupSummary summary = new GroupSummary();
      PackedBlock.Reader in = new PackedBlock.Reader(encoded);
      Change.Kind[] kinds = Change.Kind.values();
      for (int i = in.readInt(); i > 0; i--) {
        String path = in.readString();
        Change.Kind kind = kinds[in.readInt()];
        List<String> reasons = in.readStrings(new ArrayList<>());
        summary.changes.add(new Change(path, kind, reasons, in.readStrings(new ArrayList<>())));
      }
      readProblems(in, summary.unloadable);
      readProblems(in, summary.warnings);
      in.readStrings(summary.untouched);
      in.readStrings(summary.rewrittenPaths);
      if (!in.atEnd()) {
        throw new IllegalStateException("a group summary was packed in another layout than this one reads");
      }
      summary.purged.addAll(purged);
      summary.cuboidChecks = cuboidChecks;
      return summary;
    }

    private static void readProblems(PackedBlock.Reader in, List<Problem> into) {
      for (int i = in.readInt(); i > 0; i--) {
        into.add(new Problem(in.readString(), in.readString()));
      }
    }
  }

  private void addAll(GroupSummary part) {
    changes.addAll(part.changes);
    unloadable.addAll(part.unloadable);
    warnings.addAll(part.warnings);
    purged.addAll(part.purged);
    untouched.addAll(part.untouched);
    rewrittenPaths.addAll(part.rewrittenPaths);
    cuboidChecks = cuboidChecks.plus(part.cuboidChecks);
  }
}
