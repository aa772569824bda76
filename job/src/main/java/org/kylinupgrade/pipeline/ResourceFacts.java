package org.kylinupgrade.pipeline;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaRDD;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.metadata.ResourcePaths;
import org.kylinupgrade.rules.InputChecks;
import org.kylinupgrade.rules.Problem;
import org.kylinupgrade.rules.UpgradeRules;
import org.kylinupgrade.rules.UpgradeTarget;

/**
 * What the checks before the conversion need of the resources, read in one pass (one Spark job, no shuffle): the
 * input checks' problems, the names of cube descs, cubes and models, and the table resources. The names are small,
 * so the rest is decided on the driver. When a name cannot be read ({@link #complete} false), the caller reads
 * them again the way that reports why.
 */
final class ResourceFacts {
  /** One resource's part: its input problem if any, its names, the resource itself for a table. */
  static final class Fact implements Serializable {
    private static final long serialVersionUID = 1L;
    final String path;
    final String type;
    final Problem problem;
    /** desc: name, model_name; cube: name, descriptor, its name for messages; model: name. */
    final String[] names;
    /** The keys the first two names compare by ({@link UpgradeRules#groupKey}), found on the executors. */
    final String[] keys;
    final Resource table;
    final boolean namesRead;

    Fact(String path, String type, Problem problem, String[] names, String[] keys, Resource table, boolean namesRead) {
      this.path = path;
      this.type = type;
      this.problem = problem;
      this.names = names;
      this.keys = keys;
      this.table = table;
      this.namesRead = namesRead;
    }
  }

  final List<Problem> inputProblems = new ArrayList<>();
  /** How many resources of each type were read, every resource counted. */
  final Map<String, Long> countsByType = new TreeMap<>();
  final List<Resource> tables = new ArrayList<>();
  final boolean complete;
  private final List<Fact> descs = new ArrayList<>();
  private final List<Fact> cubes = new ArrayList<>();
  private final List<Fact> models = new ArrayList<>();

  private ResourceFacts(List<Fact> facts, Map<String, Long> counts) {
    countsByType.putAll(counts);
    boolean allRead = true;
    for (Fact fact : facts) {
      if (fact.problem != null) {
        inputProblems.add(fact.problem);
      }
      allRead &= fact.namesRead;
      if (fact.type.equals(UpgradePipeline.TABLE)) {
        tables.add(fact.table);
      } else if (fact.type.equals(UpgradePipeline.CUBE_DESC)) {
        descs.add(fact);
      } else if (fact.type.equals(UpgradePipeline.CUBE)) {
        cubes.add(fact);
      } else if (fact.type.equals(UpgradePipeline.MODEL)) {
        models.add(fact);
      }
    }
    this.complete = allRead;
  }

  static ResourceFacts of(JavaRDD<Resource> resources, UpgradeTarget target) {
    List<Fact> facts = new ArrayList<>();
    Map<String, Long> counts = new TreeMap<>();
    for (Part part : resources.mapPartitions(rs -> {
      List<Fact> partFacts = new ArrayList<>();
      HashMap<String, Long> partCounts = new HashMap<>();
      while (rs.hasNext()) {
        Resource r = rs.next();
        partCounts.merge(r.type(), 1L, Long::sum);
        Fact fact = factOf(r, target);
        if (fact != null) {
          partFacts.add(fact);
        }
      }
      return Collections.singletonList(new Part(partFacts, partCounts)).iterator();
    }).collect()) {
      facts.addAll(part.facts());
      part.counts.forEach((type, n) -> counts.merge(type, n, Long::sum));
    }
    return new ResourceFacts(facts, counts);
  }

  /** The fact of one resource; null for one that is neither converted nor faulty. */
  private static Fact factOf(Resource r, UpgradeTarget target) {
    Problem problem = InputChecks.isRead(r, target) ? InputChecks.check(r) : null;
    String type = r.type();
    if (!UpgradePipeline.isConvertedType(type)) {
      return problem == null ? null : new Fact(r.path(), type, problem, null, null, null, true);
    }
    String[] names = null;
    boolean read = true;
    try {
      if (type.equals(UpgradePipeline.CUBE_DESC)) {
        names = UpgradeRules.namesOfDesc(r);
      } else if (type.equals(UpgradePipeline.CUBE)) {
        String name = UpgradeRules.nameOfCube(r);
        // as UpgradePipeline.cubeName names it, without reading the JSON again
        names = new String[] {name, UpgradeRules.descNameOfCube(r),
            name != null ? name : ResourcePaths.entityName(r.path())};
      } else if (type.equals(UpgradePipeline.MODEL)) {
        names = new String[] {UpgradeRules.modelNameOfModel(r)};
      }
    } catch (RuntimeException e) {
      read = false;
    }
    Resource table = type.equals(UpgradePipeline.TABLE) ? r : null;
    return new Fact(r.path(), type, problem, names, read ? keysOf(names) : null, table, read);
  }

  private static String[] keysOf(String[] names) {
    if (names == null) {
      return null;
    }
    String[] keys = new String[Math.min(2, names.length)];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = UpgradeRules.groupKey(names[i]);
    }
    return keys;
  }

  /**
   * One partition's facts on their way to the driver: paths, types and names as one block of bytes (tens of thousands
   * of small objects would cost the serializer an object header, a handle and a class lookup each, on both sides),
   * problems and table resources as objects. Plain fields only, so that any {@code spark.serializer} carries it.
   */
  static final class Part implements Serializable {
    private static final long serialVersionUID = 1L;
    private final byte[] encoded;
    private final List<Problem> problems = new ArrayList<>();
    private final List<Resource> tables = new ArrayList<>();
    /** The partition's resources counted by type, every one of them. */
    private final HashMap<String, Long> counts;

    Part(List<Fact> facts, HashMap<String, Long> counts) {
      this.counts = counts;
      PackedBlock.Writer out = new PackedBlock.Writer().writeInt(facts.size());
      for (Fact fact : facts) {
        out.writeString(fact.path).writeString(fact.type).writeBoolean(fact.namesRead)
            .writeBoolean(fact.problem != null).writeBoolean(fact.table != null)
            .writeInt(fact.names == null ? -1 : fact.names.length);
        if (fact.problem != null) {
          problems.add(fact.problem);
        }
        if (fact.table != null) {
          tables.add(fact.table);
        }
        for (int i = 0; fact.names != null && i < fact.names.length; i++) {
          out.writeString(fact.names[i]);
        }
        out.writeInt(fact.keys == null ? -1 : fact.keys.length);
        for (int i = 0; fact.keys != null && i < fact.keys.length; i++) {
          out.writeString(fact.keys[i]);
        }
      }
      this.encoded = out.toBytes();
    }

    /**
     * The facts, decoded as the part was read where Java serialization carried it: on the driver's task-result
     * threads, while the job's other tasks still run, rather than on the driver's own thread after the job.
     */
    private transient List<Fact> decoded;

    private void readObject(java.io.ObjectInputStream in) throws IOException, ClassNotFoundException {
      in.defaultReadObject();
      decoded = decode();
    }

    List<Fact> facts() {
      return decoded != null ? decoded : decode();
    }

    private List<Fact> decode() {
      Iterator<Problem> problem = problems.iterator();
      Iterator<Resource> table = tables.iterator();
      PackedBlock.Reader in = new PackedBlock.Reader(encoded);
      int size = in.readInt();
      List<Fact> facts = new ArrayList<>(size);
      for (int f = 0; f < size; f++) {
        String path = in.readString();
        String type = in.readString();
        boolean namesRead = in.readBoolean();
        Problem p = in.readBoolean() ? problem.next() : null;
        Resource t = in.readBoolean() ? table.next() : null;
        int count = in.readInt();
        String[] names = count < 0 ? null : new String[count];
        for (int i = 0; i < count; i++) {
          names[i] = in.readString();
        }
        int keyCount = in.readInt();
        String[] keys = keyCount < 0 ? null : new String[keyCount];
        for (int i = 0; i < keyCount; i++) {
          keys[i] = in.readString();
        }
        facts.add(new Fact(path, type, p, names, keys, t, namesRead));
      }
      return facts;
    }
  }

  /** Cubes whose {@code descriptor} names no cube desc: Kylin does not load such a cube, and no model group reaches it. */
  List<Problem> cubesWithoutDesc() {
    Set<String> known = new HashSet<>();
    for (Fact desc : descs) {
      known.add(desc.keys[0]);
    }
    List<Problem> problems = new ArrayList<>();
    for (Fact cube : cubes) {
      String desc = cube.names[1];
      if (!known.contains(cube.keys[1])) {
        problems.add(cubeWithoutDesc(cube.path, cube.names[2], desc));
      }
    }
    return problems;
  }

  /** The problem of a cube whose {@code descriptor} ({@code desc}, null when absent) names no cube desc. */
  static Problem cubeWithoutDesc(String path, String cubeName, String desc) {
    return new Problem(path, "cube " + cubeName + (desc == null ? " names no cube desc (no descriptor)"
        : " uses cube desc '" + desc + "', which does not exist") + ": Kylin does not load the cube");
  }

  /**
   * Cubes, and models, that share a name with another (names compare case-insensitively, as Kylin's maps do): Kylin
   * keeps one of them and drops the others without a word.
   */
  List<Problem> duplicateNames() {
    Map<String, List<String>> pathsByName = new HashMap<>();
    for (Fact cube : cubes) {
      pathsByName.computeIfAbsent(UpgradePipeline.CUBE + "/" + cube.keys[0],
          k -> new ArrayList<>()).add(cube.path);
    }
    for (Fact model : models) {
      pathsByName.computeIfAbsent(UpgradePipeline.MODEL + "/" + model.keys[0],
          k -> new ArrayList<>()).add(model.path);
    }
    Map<String, List<String>> duplicates = new TreeMap<>();
    pathsByName.forEach((name, paths) -> {
      if (paths.size() > 1) {
        List<String> sorted = new ArrayList<>(paths);
        Collections.sort(sorted);
        duplicates.put(name, sorted);
      }
    });
    return duplicateNameProblems(duplicates);
  }

  /**
   * A problem for each path of each name declared more than once: {@code duplicates} maps {@code cube/KEY} or
   * {@code model/KEY} to its paths, names and paths in order.
   */
  static List<Problem> duplicateNameProblems(Map<String, List<String>> duplicates) {
    List<Problem> problems = new ArrayList<>();
    for (Map.Entry<String, List<String>> entry : duplicates.entrySet()) {
      String kind = entry.getKey().startsWith(UpgradePipeline.CUBE + "/") ? "cube" : "model";
      for (String path : entry.getValue()) {
        List<String> others = new ArrayList<>(entry.getValue());
        others.remove(path);
        problems.add(new Problem(path, "the " + kind + " name it declares is declared by " + String.join(", ", others)
            + " too: Kylin keeps one of them and drops the other"));
      }
    }
    return problems;
  }

  boolean hasDescs() {
    return !descs.isEmpty();
  }

  /**
   * The model groups each cube desc, model and cube joins, by path, from the names read already: a desc its model's
   * key, a model its own key when a desc names it, a cube the model keys of its desc. Resources of no group are absent.
   */
  GroupsOfPath groupsOfPath() {
    GroupsOfPath.Builder groups = new GroupsOfPath.Builder();
    // each desc key's model numbers, each once (a desc key of two descs may name two models)
    Map<String, int[]> modelsOfDesc = new HashMap<>();
    Set<String> modelsWithDescs = new HashSet<>();
    for (Fact desc : descs) {
      String model = desc.keys[1];
      modelsWithDescs.add(model);
      int[] one = {groups.indexOf(model)};
      groups.put(desc.path, one);
      modelsOfDesc.merge(desc.keys[0], one, ResourceFacts::union);
    }
    for (Fact model : models) {
      String key = model.keys[0];
      if (modelsWithDescs.contains(key)) {
        groups.put(model.path, new int[] {groups.indexOf(key)});
      }
    }
    for (Fact cube : cubes) {
      int[] models = modelsOfDesc.get(cube.keys[1]);
      if (models != null) {
        groups.put(cube.path, models);
      }
    }
    return groups.build();
  }

  /** {@code a}, then those of {@code b} it does not hold, in order. */
  private static int[] union(int[] a, int[] b) {
    int[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    int n = a.length;
    for (int x : b) {
      boolean seen = false;
      for (int i = 0; i < n && !seen; i++) {
        seen = out[i] == x;
      }
      if (!seen) {
        out[n++] = x;
      }
    }
    return n == out.length ? out : java.util.Arrays.copyOf(out, n);
  }

  /** The cubes' names as messages give them (the file name when a cube declares none). */
  List<String> cubeNames() {
    List<String> names = new ArrayList<>();
    for (Fact cube : cubes) {
      names.add(cube.names[2]);
    }
    return names;
  }
}
