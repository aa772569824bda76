package org.kylinupgrade.bench;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.pipeline.LargestFirst;
import org.kylinupgrade.rules.GroupResult;
import org.kylinupgrade.rules.TableCatalog;
import org.kylinupgrade.rules.UpgradeOptions;
import org.kylinupgrade.rules.UpgradeRules;
import org.kylinupgrade.rules.UpgradeTarget;
import org.kylinupgrade.rules.VersionRefresh;

/**
 * The floor under any Spark run of these rules on this machine: the plain rules' three passes (names and checks, the
 * model groups, the output) in one Spark stage, over cached partitions that already hold whole model groups with
 * their members and a share of the other resources. No shuffle, no driver's turn between passes, nothing broadcast per
 * round: what is left against the plain threads is Spark running its tasks and the process's other threads (compiler,
 * collector) on the same cores. The groups are dealt as the pipeline deals them ({@link LargestFirst}).
 */
final class SparkFloor {
  private final JavaRDD<Share> shares;

  private SparkFloor(JavaRDD<Share> shares) {
    this.shares = shares;
  }

  /**
   * Lays {@code resources} (the generator's, in its order) out in {@code partitions} shares and caches them built on
   * the executors, untimed.
   */
  static SparkFloor prepare(JavaSparkContext sc, SyntheticV1Metadata generator, SyntheticV1Metadata.Shape shape,
      List<Resource> resources, UpgradeOptions options, TableCatalog tables, int partitions) {
    Map<Resource, Integer> indexOf = new IdentityHashMap<>();
    for (int i = 0; i < resources.size(); i++) {
      indexOf.put(resources.get(i), i);
    }
    List<Layout> layouts = new ArrayList<>();
    for (int i = 0; i < partitions; i++) {
      layouts.add(new Layout());
    }
    List<PlainConvert.Group> groups = PlainConvert.groups(resources, options.target());
    int[] sizes = new int[groups.size()];
    for (int g = 0; g < sizes.length; g++) {
      sizes[g] = size(groups.get(g));
    }
    int[] partitionOf = LargestFirst.deal(sizes, partitions);
    boolean[] inGroup = new boolean[resources.size()];
    for (int g = 0; g < sizes.length; g++) {
      PlainConvert.Group group = groups.get(g);
      IndexGroup indexed = new IndexGroup(group.key(), group.model() == null ? -1 : indexOf.get(group.model()),
          indexes(group.descs(), indexOf), indexes(group.cubes(), indexOf));
      layouts.get(partitionOf[g]).groups.add(indexed);
      for (int index : indexed.members()) {
        if (inGroup[index]) {
          throw new IllegalStateException("resource " + resources.get(index).path() + " is in two model groups: the "
              + "floor deals each resource once");
        }
        inGroup[index] = true;
      }
    }
    int next = 0;
    for (int i = 0; i < resources.size(); i++) {
      if (!inGroup[i]) {
        layouts.get(next++ % partitions).others.add(i);
      }
    }
    Broadcast<List<Layout>> laid = sc.broadcast(layouts);
    Broadcast<TableCatalog> catalog = sc.broadcast(tables);
    List<Integer> numbers = new ArrayList<>();
    for (int i = 0; i < partitions; i++) {
      numbers.add(i);
    }
    JavaRDD<Share> shares = sc.parallelize(numbers, partitions)
        .map(i -> Share.build(generator, shape, laid.value().get(i), catalog.value(), options)).cache();
    shares.count();
    return new SparkFloor(shares);
  }

  /** One round: every share's three passes; what they give summed ({@link Outcome}). */
  Outcome round() {
    long[] sums = shares.map(Share::run).reduce((a, b) -> new long[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]});
    return new Outcome(sums[0], sums[1], sums[2]);
  }

  /** What a round gave: the output's size, how many of it got only the version label, how many changes. */
  record Outcome(long output, long labelled, long changes) {
  }

  private static int size(PlainConvert.Group group) {
    return (group.model() == null ? 0 : 1) + group.descs().size() + group.cubes().size();
  }

  private static int[] indexes(List<Resource> members, Map<Resource, Integer> indexOf) {
    int[] out = new int[members.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = indexOf.get(members.get(i));
    }
    return out;
  }

  /** A share's resources by their index in the generator: its model groups' members and the others. */
  private static final class Layout implements Serializable {
    private static final long serialVersionUID = 1L;
    final List<IndexGroup> groups = new ArrayList<>();
    final List<Integer> others = new ArrayList<>();
  }

  /** A plain class, not a record: Kryo's field serializer cannot set a record's fields. */
  private static final class IndexGroup implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String key;
    private final int model;
    private final int[] descs;
    private final int[] cubes;

    IndexGroup(String key, int model, int[] descs, int[] cubes) {
      this.key = key;
      this.model = model;
      this.descs = descs;
      this.cubes = cubes;
    }

    String key() {
      return key;
    }

    int model() {
      return model;
    }

    int[] descs() {
      return descs;
    }

    int[] cubes() {
      return cubes;
    }

    int[] members() {
      int[] all = new int[(model < 0 ? 0 : 1) + descs.length + cubes.length];
      int n = 0;
      if (model >= 0) {
        all[n++] = model;
      }
      System.arraycopy(descs, 0, all, n, descs.length);
      System.arraycopy(cubes, 0, all, n + descs.length, cubes.length);
      return all;
    }
  }

  /** A share built on an executor: its resources, its groups over them, what the rules need besides. */
  private static final class Share {
    final List<Resource> resources = new ArrayList<>();
    final List<PlainConvert.Group> groups = new ArrayList<>();
    final TableCatalog tables;
    final UpgradeOptions options;

    private Share(TableCatalog tables, UpgradeOptions options) {
      this.tables = tables;
      this.options = options;
    }

    static Share build(SyntheticV1Metadata generator, SyntheticV1Metadata.Shape shape, Layout layout,
        TableCatalog tables, UpgradeOptions options) {
      Share share = new Share(tables, options);
      for (IndexGroup g : layout.groups) {
        Resource model = g.model() < 0 ? null : share.add(generator.resource(shape, g.model()));
        share.groups.add(new PlainConvert.Group(g.key(), model, share.addAll(generator, shape, g.descs()),
            share.addAll(generator, shape, g.cubes())));
      }
      for (int index : layout.others) {
        share.add(generator.resource(shape, index));
      }
      return share;
    }

    private Resource add(Resource r) {
      resources.add(r);
      return r;
    }

    private List<Resource> addAll(SyntheticV1Metadata generator, SyntheticV1Metadata.Shape shape, int[] indexes) {
      List<Resource> out = new ArrayList<>(indexes.length);
      for (int index : indexes) {
        out.add(add(generator.resource(shape, index)));
      }
      return out;
    }

    /** The three passes over this share; its output's size, labelled count and changes. */
    long[] run() {
      UpgradeTarget target = options.target();
      PlainConvert.readNames(resources, target);
      Map<String, Resource> rewritten = new HashMap<>();
      Set<String> untouched = new HashSet<>();
      long changes = 0;
      for (PlainConvert.Group g : groups) {
        GroupResult result = UpgradeRules.convertGroup(g.key(), g.model(), g.descs(), g.cubes(), tables, options);
        result.rewritten().forEach(r -> rewritten.put(r.path(), r));
        untouched.addAll(result.untouched());
        changes += result.changes().size();
      }
      boolean v15 = target == UpgradeTarget.V1_5;
      long timestamp = options.runTimestamp();
      long output = 0;
      long labelled = 0;
      for (Resource r : resources) {
        Resource out = rewritten.get(r.path());
        if (out == null) {
          out = !v15 || untouched.contains(r.path()) ? r : VersionRefresh.refresh(r, timestamp);
          labelled += out != r ? 1 : 0;
        }
        output++;
      }
      return new long[] {output, labelled, changes};
    }
  }
}
