package org.kylinupgrade.cuboid;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * The cuboids of a 1.5-format cube desc under Kylin 1.5.4.1's {@code AggregationGroup}, {@code Cuboid} and
 * {@code CuboidScheduler}, and whether Kylin 1.5.4.1 would load its aggregation groups. Immutable.
 *
 * <p>Each aggregation group is a partial cube: a cuboid is valid in a group when it uses only the group's
 * {@code includes}, has all its mandatory columns and at least one other, takes each hierarchy as a prefix of its
 * levels (or not at all) and each joint wholly or not at all. The cube's cuboids are the base cuboid plus those the
 * scheduler's tree walk reaches from it (every cuboid valid in some group).
 *
 * <p>Kylin 1.5.4.1 builds the mandatory mask with an int shift ({@code 1 << index}); that is kept here, so a
 * mandatory column at bit 31 or higher does not mean what it says (bit 31 makes the group empty, bit 32 + k stands
 * for bit k).
 */
public final class V15Cuboids {
  /** Kylin 1.5.4.1's default {@code kylin.cube.aggrgroup.max.combination}. */
  public static final int DEFAULT_MAX_COMBINATION = 4096;
  /** Kylin 1.5.4.1's default {@code kylin.cube.aggrgroup.max.size}, checked when a desc is saved. */
  public static final int DEFAULT_MAX_GROUP_SIZE = 12;

  static final class Group {
    final long partial;
    final long mandatory;
    final long[][] hierarchyAll;
    final long[][] hierarchyDims;
    final long[] hierarchyFull;
    final long[] joints;
    final long jointMask;
    final long normalMask;
    final long[] normalDims;

    Group(long partial, long mandatory, List<long[]> hierarchies, List<Long> joints) {
      this.partial = partial;
      this.mandatory = mandatory;
      int h = hierarchies.size();
      hierarchyAll = new long[h][];
      hierarchyDims = new long[h][];
      hierarchyFull = new long[h];
      long hierMask = 0;
      for (int i = 0; i < h; i++) {
        long[] dims = hierarchies.get(i);
        hierarchyDims[i] = dims;
        hierarchyAll[i] = new long[dims.length];
        long f = 0;
        for (int j = 0; j < dims.length; j++) {
          f |= dims[j];
          hierarchyAll[i][j] = f;
        }
        hierarchyFull[i] = f;
        hierMask |= f;
      }
      this.joints = new long[joints.size()];
      long jm = 0;
      for (int i = 0; i < this.joints.length; i++) {
        this.joints[i] = joints.get(i);
        jm |= this.joints[i];
      }
      this.jointMask = jm;
      this.normalMask = partial & ~mandatory & ~jm & ~hierMask;
      LongList nd = new LongList();
      long l = normalMask;
      while (l != 0) {
        long bit = Long.lowestOneBit(l);
        nd.add(bit);
        l ^= bit;
      }
      this.normalDims = nd.toArray();
    }

    boolean isValid(long cuboid) {
      if (cuboid <= 0 || (cuboid & ~partial) != 0) {
        return false;
      }
      if ((cuboid & mandatory) != mandatory || (cuboid & ~mandatory) == 0) {
        return false;
      }
      outer:
      for (int h = 0; h < hierarchyFull.length; h++) {
        long result = cuboid & hierarchyFull[h];
        if (result > 0) {
          for (long m : hierarchyAll[h]) {
            if (result == m) {
              continue outer;
            }
          }
          return false;
        }
      }
      for (long joint : joints) {
        long common = cuboid & joint;
        if (!(common == 0 || common == joint)) {
          return false;
        }
      }
      return true;
    }
  }

  private final List<String> rowkey;
  private final int n;
  private final long full;
  private final List<Group> groups;
  private final List<String> loadProblems;
  private final List<String> ruleProblems;
  private volatile CuboidSet cuboidSet;

  private V15Cuboids(List<String> rowkey, JsonNode aggregationGroups, int maxCombination) {
    List<String> rk = new ArrayList<>();
    for (String c : rowkey) {
      rk.add(Json.upper(c));
    }
    this.rowkey = Collections.unmodifiableList(rk);
    this.n = rk.size();
    if (n == 0 || n > 62) {
      throw new IllegalArgumentException(n + " rowkey columns (1 to 62 supported)");
    }
    this.full = (1L << n) - 1;
    List<String> load = new ArrayList<>();
    List<String> rule = new ArrayList<>();
    List<Group> gs = new ArrayList<>();
    if (Json.isAbsent(aggregationGroups) || !aggregationGroups.isArray()) {
      load.add("no aggregation_groups: CubeDesc.validate fails with a NullPointerException");
    } else {
      List<RawGroup> raw = new ArrayList<>();
      for (JsonNode g : aggregationGroups) {
        raw.add(new RawGroup(g));
      }
      String problem = validate(raw, maxCombination);
      if (problem == null) {
        for (int i = 0; i < raw.size() && problem == null; i++) {
          problem = init(raw.get(i), i, gs);
        }
      }
      if (problem != null) {
        load.add(problem);
        gs.clear();
      }
      for (int i = 0; i < raw.size(); i++) {
        String p = saveRule(raw.get(i), i);
        if (p != null) {
          rule.add(p);
        }
      }
    }
    this.groups = Collections.unmodifiableList(gs);
    this.loadProblems = Collections.unmodifiableList(load);
    this.ruleProblems = Collections.unmodifiableList(rule);
  }

  /** The cuboids of a 1.5-format desc ({@code rowkey.rowkey_columns[].column}, {@code aggregation_groups}). */
  public static V15Cuboids of(JsonNode v15Desc) {
    return of(v15Desc, DEFAULT_MAX_COMBINATION);
  }

  /** As {@link #of(JsonNode)}, with another {@code kylin.cube.aggrgroup.max.combination}. */
  public static V15Cuboids of(JsonNode v15Desc, int maxCombination) {
    List<String> rk = new ArrayList<>();
    JsonNode cols = v15Desc.path("rowkey").path("rowkey_columns");
    for (JsonNode c : cols) {
      rk.add(Json.text(c, "column"));
    }
    return new V15Cuboids(rk, v15Desc.get("aggregation_groups"), maxCombination);
  }

  /** The cuboids of the given aggregation groups (a JSON array) over the given rowkey columns. */
  public static V15Cuboids of(List<String> rowkeyColumns, JsonNode aggregationGroups) {
    return new V15Cuboids(rowkeyColumns, aggregationGroups, DEFAULT_MAX_COMBINATION);
  }

  /** As {@link #of(List, JsonNode)}, with another {@code kylin.cube.aggrgroup.max.combination}. */
  public static V15Cuboids of(List<String> rowkeyColumns, JsonNode aggregationGroups, int maxCombination) {
    return new V15Cuboids(rowkeyColumns, aggregationGroups, maxCombination);
  }

  public List<String> rowkeyColumns() {
    return rowkey;
  }

  public long baseCuboid() {
    return full;
  }

  /** Why Kylin 1.5.4.1 would refuse to load these aggregation groups (empty: it loads them). */
  public List<String> loadProblems() {
    return loadProblems;
  }

  /**
   * What Kylin 1.5.4.1's {@code AggregationGroupRule} reports when such a desc is saved (through its REST service
   * or UI); a loaded desc may still have these.
   */
  public List<String> ruleProblems() {
    return ruleProblems;
  }

  public boolean loads() {
    return loadProblems.isEmpty();
  }

  int groupCount() {
    return groups.size();
  }

  Group group(int i) {
    return groups.get(i);
  }

  private void requireLoaded() {
    if (!loadProblems.isEmpty()) {
      throw new IllegalStateException("Kylin 1.5.4.1 does not load these aggregation groups: " + loadProblems.get(0));
    }
  }

  // ---- load checks ----

  private static final class RawGroup {
    final List<String> includes;
    final boolean hasSelectRule;
    final List<String> mandatory;
    final List<List<String>> hierarchies;
    final List<List<String>> joints;

    RawGroup(JsonNode g) {
      includes = Json.strings(g.get("includes"));
      JsonNode rule = g.get("select_rule");
      hasSelectRule = !Json.isAbsent(rule);
      mandatory = hasSelectRule ? Json.strings(rule.get("mandatory_dims")) : null;
      hierarchies = hasSelectRule ? Json.stringArrays(rule.get("hierarchy_dims")) : null;
      joints = hasSelectRule ? Json.stringArrays(rule.get("joint_dims")) : null;
    }
  }

  private static Set<String> ci() {
    return new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
  }

  private static boolean hasNull(List<String> l) {
    return l != null && l.contains(null);
  }

  private static boolean hasNullInner(List<List<String>> ll) {
    if (ll == null) {
      return false;
    }
    for (List<String> l : ll) {
      if (l == null || l.contains(null)) {
        return true;
      }
    }
    return false;
  }

  /** {@code CubeDesc.validate} of Kylin 1.5.4.1, int arithmetic included; the first problem, or null. */
  private static String validate(List<RawGroup> raw, int maxCombination) {
    int index = 0;
    for (RawGroup g : raw) {
      String at = "Aggregation group " + index;
      if (g.includes == null) {
        return at + " includes field not set";
      }
      if (!g.hasSelectRule) {
        return at + " select rule field not set";
      }
      if (hasNull(g.includes) || hasNull(g.mandatory) || hasNullInner(g.hierarchies) || hasNullInner(g.joints)) {
        return at + ": a null name makes CubeDesc.validate fail with a NullPointerException";
      }
      int combination = 1;
      Set<String> includes = ci();
      includes.addAll(g.includes);
      Set<String> mandatory = ci();
      if (g.mandatory != null) {
        mandatory.addAll(g.mandatory);
      }
      List<Set<String>> hierarchyList = new ArrayList<>();
      Set<String> hierarchyDims = ci();
      if (g.hierarchies != null) {
        for (List<String> h : g.hierarchies) {
          Set<String> s = ci();
          s.addAll(h);
          hierarchyDims.addAll(h);
          hierarchyList.add(s);
          combination = combination * (s.size() + 1);
        }
      }
      List<Set<String>> jointList = new ArrayList<>();
      Set<String> jointDims = ci();
      if (g.joints != null) {
        for (List<String> j : g.joints) {
          Set<String> s = ci();
          s.addAll(j);
          jointDims.addAll(j);
          jointList.add(s);
        }
      }
      if (jointList.size() > 0) {
        combination = combination * (1 << jointList.size());
      }
      if (!includes.containsAll(mandatory) || !includes.containsAll(hierarchyDims)
          || !includes.containsAll(jointDims)) {
        return at + " Include dims not containing all the used dims";
      }
      Set<String> normal = ci();
      normal.addAll(includes);
      normal.removeAll(mandatory);
      normal.removeAll(hierarchyDims);
      normal.removeAll(jointDims);
      combination = combination * (1 << normal.size());
      if (combination > maxCombination) {
        return at + " has too many combinations, use 'mandatory'/'hierarchy'/'joint' to optimize;"
            + " or update 'kylin.cube.aggrgroup.max.combination' to a bigger value.";
      }
      if (intersects(hierarchyDims, jointDims)) {
        return at + " hierarchy dims overlap with joint dims";
      }
      for (Set<String> h : hierarchyList) {
        if (h.size() < 2) {
          return at + " require at least 2 dims in a hierarchy";
        }
      }
      for (Set<String> j : jointList) {
        if (j.size() < 2) {
          return at + " require at least 2 dims in a joint";
        }
      }
      if (sizes(hierarchyList) != hierarchyDims.size()) {
        return at + " a dim exist in more than one hierarchy";
      }
      if (sizes(jointList) != jointDims.size()) {
        return at + " a dim exist in more than one joint";
      }
      index++;
    }
    return null;
  }

  private static boolean intersects(Set<String> a, Set<String> b) {
    for (String s : a) {
      if (b.contains(s)) {
        return true;
      }
    }
    return false;
  }

  private static int sizes(List<Set<String>> sets) {
    int total = 0;
    for (Set<String> s : sets) {
      total += s.size();
    }
    return total;
  }

  /** {@code AggregationGroup.init} of Kylin 1.5.4.1: masks by rowkey position; the problem, or null. */
  private String init(RawGroup g, int index, List<Group> out) {
    String at = "Aggregation group " + index;
    if (g.includes == null || g.includes.isEmpty() || !g.hasSelectRule) {
      return at + ": AggregationGroup incomplete";
    }
    long partial = 0;
    for (String s : g.includes) {
      int p = position(s);
      if (p < 0) {
        return at + ": column " + s + " does not exist in row key desc";
      }
      partial |= 1L << (n - 1 - p);
    }
    long mandatory = 0;
    if (g.mandatory != null) {
      for (String s : g.mandatory) {
        int p = position(s);
        if (p < 0) {
          return at + ": column " + s + " does not exist in row key desc";
        }
        // Kylin 1.5.4.1 shifts an int here
        mandatory |= (long) (1 << (n - 1 - p));
      }
    }
    List<long[]> hierarchies = new ArrayList<>();
    if (g.hierarchies != null) {
      for (List<String> h : g.hierarchies) {
        if (h == null || h.isEmpty()) {
          continue;
        }
        long[] dims = new long[h.size()];
        for (int i = 0; i < dims.length; i++) {
          int p = position(h.get(i));
          if (p < 0) {
            return at + ": column " + h.get(i) + " does not exist in row key desc";
          }
          dims[i] = 1L << (n - 1 - p);
        }
        hierarchies.add(dims);
      }
    }
    List<Long> joints = new ArrayList<>();
    if (g.joints != null) {
      for (List<String> j : g.joints) {
        if (j == null || j.isEmpty()) {
          continue;
        }
        long joint = 0;
        for (String s : j) {
          int p = position(s);
          if (p < 0) {
            return at + ": column " + s + " does not exist in row key desc";
          }
          joint |= 1L << (n - 1 - p);
        }
        joints.add(joint);
      }
    }
    out.add(new Group(partial, mandatory, hierarchies, joints));
    return null;
  }

  /** The rowkey position a name stands for (the last rowkey entry of that name), or -1. */
  private int position(String name) {
    String u = name.toUpperCase(Locale.ROOT);
    return rowkey.lastIndexOf(u);
  }

  /** Kylin 1.5.4.1's {@code AggregationGroupRule} for one group; the first problem, or null. */
  private static String saveRule(RawGroup g, int index) {
    String at = "Aggregation group " + index;
    if (g.includes == null) {
      return at + " includes field not set";
    }
    if (!g.hasSelectRule) {
      return at + " select rule field not set";
    }
    if (hasNull(g.includes) || hasNull(g.mandatory) || hasNullInner(g.hierarchies) || hasNullInner(g.joints)) {
      return at + " has a null name";
    }
    Set<String> includes = ci();
    includes.addAll(g.includes);
    Set<String> mandatory = ci();
    if (g.mandatory != null) {
      mandatory.addAll(g.mandatory);
    }
    Set<String> hierarchyDims = ci();
    if (g.hierarchies != null) {
      for (List<String> h : g.hierarchies) {
        hierarchyDims.addAll(h);
      }
    }
    Set<String> jointDims = ci();
    if (g.joints != null) {
      for (List<String> j : g.joints) {
        jointDims.addAll(j);
      }
    }
    if (!includes.containsAll(mandatory) || !includes.containsAll(hierarchyDims)
        || !includes.containsAll(jointDims)) {
      return at + " Include dims not containing all the used dims";
    }
    Set<String> normal = ci();
    normal.addAll(includes);
    normal.removeAll(mandatory);
    normal.removeAll(hierarchyDims);
    normal.removeAll(jointDims);
    int size = (mandatory.isEmpty() ? 0 : 1) + normal.size() + (g.hierarchies == null ? 0 : g.hierarchies.size())
        + (g.joints == null ? 0 : g.joints.size());
    if (size > DEFAULT_MAX_GROUP_SIZE) {
      return at + " has too many dimensions";
    }
    if (intersects(mandatory, hierarchyDims)) {
      return at + " mandatory dims overlap with hierarchy dims";
    }
    if (intersects(mandatory, jointDims)) {
      return at + " mandatory dims overlap with joint dims";
    }
    if (g.joints != null) {
      int jointDimNum = 0;
      for (List<String> j : g.joints) {
        Set<String> one = ci();
        one.addAll(j);
        if (one.size() < 2) {
          return at + " require at least 2 dims in a joint";
        }
        jointDimNum += one.size();
        if (g.hierarchies != null) {
          int overlapping = 0;
          for (List<String> h : g.hierarchies) {
            Set<String> share = ci();
            for (String s : h) {
              if (one.contains(s)) {
                share.add(s);
              }
            }
            if (!share.isEmpty()) {
              overlapping++;
            }
            if (share.size() > 1) {
              return at + " joint columns overlap with more than 1 dim in same hierarchy";
            }
          }
          if (overlapping > 1) {
            return at + " joint columns overlap with more than 1 hierarchies";
          }
        }
      }
      if (jointDimNum != jointDims.size()) {
        return at + " a dim exist in more than one joint";
      }
    }
    return null;
  }

  /** An upper bound of the set's size without enumerating it: the base cuboid plus each group's combinations. */
  long countUpperBound() {
    requireLoaded();
    double total = 1;
    for (Group g : groups) {
      double c = Math.pow(2, g.normalDims.length + g.joints.length);
      for (long[] all : g.hierarchyAll) {
        c *= all.length + 1;
      }
      total += c - 1;
    }
    return total >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) total;
  }

  // ---- Cuboid ----

  /** Kylin 1.5.4.1's {@code Cuboid.isValid}: the base cuboid, or valid in some group. */
  public boolean isValid(long cuboid) {
    requireLoaded();
    if (cuboid == full) {
      return true;
    }
    for (Group g : groups) {
      if (g.isValid(cuboid)) {
        return true;
      }
    }
    return false;
  }

  private static int compareForSelect(long a, long b) {
    int c = Integer.compare(Long.bitCount(a), Long.bitCount(b));
    return c != 0 ? c : Long.compare(a, b);
  }

  /**
   * The cuboid Kylin 1.5.4.1 answers a query on the given columns from ({@code Cuboid.findById}), or empty where it
   * throws (a group needing a joint it does not have).
   */
  public OptionalLong findById(long queryMask) {
    requireLoaded();
    if (queryMask == full) {
      return OptionalLong.of(queryMask);
    }
    boolean any = false;
    long best = 0;
    for (Group g : groups) {
      Long candidate;
      try {
        candidate = translate(g, queryMask);
      } catch (IllegalStateException e) {
        return OptionalLong.empty();
      }
      if (candidate != null && (!any || compareForSelect(candidate, best) < 0)) {
        best = candidate;
        any = true;
      }
    }
    return OptionalLong.of(any ? best : full);
  }

  private static Long translate(Group g, long query) {
    if ((query & ~g.partial) > 0) {
      return null;
    }
    long id = query | g.mandatory;
    for (int h = 0; h < g.hierarchyFull.length; h++) {
      long intersect = id & g.hierarchyFull[h];
      if (intersect != 0 && intersect != g.hierarchyFull[h]) {
        boolean fill = false;
        long[] dims = g.hierarchyDims[h];
        for (int i = dims.length - 1; i >= 0; i--) {
          if (fill) {
            id |= dims[i];
          } else if ((id & dims[i]) != 0) {
            fill = true;
            id |= dims[i];
          }
        }
      }
    }
    for (long joint : g.joints) {
      if ((id | joint) != id && (id & ~joint) != id) {
        id |= joint;
      }
    }
    if (g.isValid(id)) {
      return id;
    }
    long nonJoint = (g.partial ^ g.mandatory) & ~g.jointMask;
    if (nonJoint != 0) {
      long nonJointNonHierarchy = nonJoint;
      for (long f : g.hierarchyFull) {
        nonJointNonHierarchy &= ~f;
      }
      if (nonJointNonHierarchy != 0) {
        return id | Long.lowestOneBit(nonJointNonHierarchy);
      }
      for (long[] all : g.hierarchyAll) {
        if ((all[0] & g.jointMask) == 0) {
          return id | all[0];
        }
      }
    }
    if (g.joints.length == 0) {
      throw new IllegalStateException("Collections.min of no joints");
    }
    long min = g.joints[0];
    for (long j : g.joints) {
      if (compareForSelect(j, min) < 0) {
        min = j;
      }
    }
    return id | min;
  }

  // ---- CuboidScheduler ----

  private List<Group> validGroups(long cuboid) {
    List<Group> out = new ArrayList<>();
    for (Group g : groups) {
      if (g.isValid(cuboid)) {
        out.add(g);
      }
    }
    return out;
  }

  /** Kylin 1.5.4.1's {@code CuboidScheduler.getPotentialChildren}. */
  long[] potentialChildren(long parent) {
    if (parent != full && !isValid(parent)) {
      throw new IllegalStateException("not a valid cuboid: " + parent);
    }
    LongList set = new LongList();
    if (Long.bitCount(parent) == 1) {
      return set.toArray();
    }
    if (parent == full) {
      for (Group g : groups) {
        if (g.partial != parent && g.isValid(g.partial)) {
          set.addDistinct(g.partial);
        }
      }
    }
    for (Group g : validGroups(parent)) {
      for (long normal : g.normalDims) {
        long temp = parent ^ normal;
        if ((parent & normal) != 0 && g.isValid(temp)) {
          set.addDistinct(temp);
        }
      }
      for (int h = 0; h < g.hierarchyAll.length; h++) {
        long[] all = g.hierarchyAll[h];
        for (int i = all.length - 1; i >= 0; i--) {
          if ((parent & all[i]) == all[i]) {
            long dim = g.hierarchyDims[h][i];
            if ((g.jointMask & dim) == 0 && g.isValid(parent ^ dim)) {
              set.addDistinct(parent ^ dim);
            }
            break;
          }
        }
      }
      for (long joint : g.joints) {
        if ((parent & joint) == joint && g.isValid(parent ^ joint)) {
          set.addDistinct(parent ^ joint);
        }
      }
    }
    return set.toArray();
  }

  /** Kylin 1.5.4.1's {@code CuboidScheduler.getParent}. */
  long parent(long child) {
    if (child == full || !isValid(child)) {
      throw new IllegalStateException("no parent for " + child);
    }
    boolean any = false;
    long best = 0;
    for (Group g : validGroups(child)) {
      if (g.partial == child) {
        return full;
      }
      LongList candidates = new LongList();
      boolean contributed = false;
      long normal = g.normalMask & ~child;
      if (normal != 0) {
        candidates.add(child | Long.lowestOneBit(normal));
        contributed = true;
      }
      for (int h = 0; h < g.hierarchyAll.length; h++) {
        long[] all = g.hierarchyAll[h];
        long[] dims = g.hierarchyDims[h];
        if ((child & g.hierarchyFull[h]) == 0) {
          candidates.add(child | dims[0]);
          contributed = true;
        } else {
          for (int i = all.length - 1; i >= 0; i--) {
            if ((child & all[i]) == all[i]) {
              if (i == all.length - 1) {
                continue;
              }
              if ((g.jointMask & dims[i + 1]) == 0 && (child & dims[i + 1]) == 0) {
                candidates.add(child | dims[i + 1]);
                contributed = true;
              }
              break;
            }
          }
        }
      }
      if (!contributed) {
        for (long joint : g.joints) {
          if ((child & joint) == 0) {
            candidates.add(child | joint);
          }
        }
      }
      for (int i = 0; i < candidates.size(); i++) {
        long c = candidates.get(i);
        if (!any || compareForSelect(c, best) < 0) {
          best = c;
          any = true;
        }
      }
    }
    if (!any) {
      throw new IllegalStateException("no parent for " + child);
    }
    return best;
  }

  /**
   * Kylin 1.5.4.1's {@code CuboidScheduler.getAllCuboidIds}: the base cuboid and the tree walk from it, enumerated
   * up to {@link V1Cuboids#DEFAULT_BOUND} cuboids.
   */
  public CuboidSet cuboidSet() {
    return cuboidSet(V1Cuboids.DEFAULT_BOUND);
  }

  public CuboidSet cuboidSet(int bound) {
    requireLoaded();
    CuboidSet s = cuboidSet;
    if (s != null) {
      if (s.size() > bound) {
        throw new CuboidSetTooLargeException("the 1.5 cuboid set", bound);
      }
      return s;
    }
    s = treeFromParents(bound);
    if (s == null) {
      s = walkedSet(bound);
    }
    cuboidSet = s;
    return s;
  }

  /**
   * The tree walk's set found from the other end, with one parent lookup (and one list of that parent's potential
   * children) per cuboid where the walk makes a parent lookup per potential child: the walk keeps a child only under
   * its parent, so a cuboid other than the base is in the tree exactly when its parent is and it is one of its
   * parent's potential children. Parents are supersets, so taking the candidates (every cuboid valid in some group)
   * from the largest id down settles each parent first. Null where the candidates exceed {@code bound} or a parent
   * lookup throws: {@link #walkedSet} decides those.
   */
  private CuboidSet treeFromParents(int bound) {
    LongSet candidates = new LongSet();
    candidates.add(full);
    for (Group g : groups) {
      if (!addValid(g, candidates, bound)) {
        return null;
      }
    }
    long[] ids = candidates.toSortedArray();
    LongSet tree = new LongSet();
    tree.add(full);
    for (int i = ids.length - 1; i >= 0; i--) {
      long c = ids[i];
      if (c == full) {
        continue;
      }
      long p;
      try {
        p = parent(c);
      } catch (IllegalStateException e) {
        return null;
      }
      if (tree.contains(p) && isPotentialChild(p, c) && tree.add(c) && tree.size() > bound) {
        throw new CuboidSetTooLargeException("the 1.5 cuboid set", bound);
      }
    }
    return CuboidSet.of(tree);
  }

  /** Whether {@code child} is among {@link #potentialChildren}{@code (parent)}. */
  private boolean isPotentialChild(long parent, long child) {
    for (long c : potentialChildren(parent)) {
      if (c == child) {
        return true;
      }
    }
    return false;
  }

  /** The scheduler's own walk down from the base cuboid, each potential child kept under the parent it names. */
  CuboidSet walkedSet(int bound) {
    requireLoaded();
    LongSet seen = new LongSet();
    seen.add(full);
    long[] todo = {full};
    int top = 1;
    while (top > 0) {
      long c = todo[--top];
      for (long child : potentialChildren(c)) {
        if (parent(child) == c && seen.add(child)) {
          if (seen.size() > bound) {
            throw new CuboidSetTooLargeException("the 1.5 cuboid set", bound);
          }
          if (top == todo.length) {
            todo = Arrays.copyOf(todo, top * 2);
          }
          todo[top++] = child;
        }
      }
    }
    return CuboidSet.of(seen);
  }

  /** The cuboids valid in one group (Kylin's partial cube), enumerated up to {@code bound}. */
  CuboidSet groupSet(int group, int bound) {
    requireLoaded();
    LongSet out = new LongSet();
    if (!addValid(groups.get(group), out, bound)) {
      throw new CuboidSetTooLargeException("a 1.5 group", bound);
    }
    return CuboidSet.of(out);
  }

  /** Adds the cuboids valid in {@code g} to {@code out}; false once {@code out} or the patterns outgrow the bound. */
  private static boolean addValid(Group g, LongSet out, int bound) {
    // every valid cuboid is the mandatory columns plus one pattern per unit: a normal column or a joint (absent
    // or present), a hierarchy (absent or a prefix)
    LongList patterns = new LongList();
    patterns.add(g.mandatory);
    List<long[]> units = new ArrayList<>();
    for (long d : g.normalDims) {
      units.add(new long[] {0, d});
    }
    for (long j : g.joints) {
      units.add(new long[] {0, j});
    }
    for (long[] all : g.hierarchyAll) {
      long[] options = new long[all.length + 1];
      System.arraycopy(all, 0, options, 1, all.length);
      units.add(options);
    }
    for (long[] options : units) {
      LongList next = new LongList();
      for (int i = 0; i < patterns.size(); i++) {
        for (long o : options) {
          next.add(patterns.get(i) | o);
          if (next.size() > 4L * bound) {
            return false;
          }
        }
      }
      patterns = next;
    }
    for (int i = 0; i < patterns.size(); i++) {
      long c = patterns.get(i);
      if (c > 0 && g.isValid(c) && out.add(c) && out.size() > bound) {
        return false;
      }
    }
    return true;
  }
}
