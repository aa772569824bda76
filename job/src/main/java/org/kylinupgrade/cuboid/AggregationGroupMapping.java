package org.kylinupgrade.cuboid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.List;

/**
 * Maps a v1 cube desc to 1.5 {@code aggregation_groups} whose cuboid set (with the base cuboid, which 1.5 always
 * has) is exactly the v1 build set, with the same rowkey order, and which Kylin 1.5.4.1 loads.
 *
 * <p>Kylin's own converter rule is used when its groups load and keep the set. Otherwise the groups are built from
 * the v1 semantics: per old group, the fixed columns (mandatory, and the later groups' and tail columns when they
 * are all present) and the free units (normal columns, chains of hierarchy levels, the leftover columns as one
 * joint); a product that would add cuboids the v1 build lacks is split on one of its units; cuboids left uncovered
 * get groups grown around them; groups covered by others are dropped; groups over Kylin's combination or size
 * limits are split (a column may be in several groups). The result is checked by comparing the sets.
 */
public final class AggregationGroupMapping {
  /** The most groups a mapping may have. */
  public static final int MAX_GROUPS = 1024;

  private AggregationGroupMapping() {
  }

  /** The result of a mapping. Immutable. */
  public static final class Result {
    private final ArrayNode groups;
    private final boolean keptByKylinRule;
    private final String kylinRuleNote;
    private final String notExpressible;
    private final long cuboidCount;
    private final boolean verified;
    private final List<String> ruleProblems;
    private final boolean tooLargeToCheck;

    private Result(ArrayNode groups, boolean keptByKylinRule, String kylinRuleNote, String notExpressible,
        long cuboidCount, boolean verified, List<String> ruleProblems) {
      this(groups, keptByKylinRule, kylinRuleNote, notExpressible, cuboidCount, verified, ruleProblems, false);
    }

    private Result(ArrayNode groups, boolean keptByKylinRule, String kylinRuleNote, String notExpressible,
        long cuboidCount, boolean verified, List<String> ruleProblems, boolean tooLargeToCheck) {
      this.tooLargeToCheck = tooLargeToCheck;
      this.groups = groups;
      this.keptByKylinRule = keptByKylinRule;
      this.kylinRuleNote = kylinRuleNote;
      this.notExpressible = notExpressible;
      this.cuboidCount = cuboidCount;
      this.verified = verified;
      this.ruleProblems = Collections.unmodifiableList(new ArrayList<>(ruleProblems));
    }

    public boolean expressible() {
      return notExpressible == null;
    }

    /** The 1.5 {@code aggregation_groups} array (a copy), or null when not expressible. */
    public ArrayNode groups() {
      return groups == null ? null : groups.deepCopy();
    }

    /** Whether the groups are Kylin 1.5.4.1's own converter output (the caller may then keep Kylin's bytes). */
    public boolean keptByKylinRule() {
      return keptByKylinRule;
    }

    /**
     * Why Kylin's converter rule was not used (null when it was): what that converter would have done instead,
     * phrased to follow "Kylin's converter would have".
     */
    public String kylinRuleNote() {
      return kylinRuleNote;
    }

    /**
     * Whether the desc is not expressible only because its v1 set is too large to enumerate and its groups are not
     * plain enough to be mapped without it.
     */
    public boolean tooLargeToCheck() {
      return tooLargeToCheck;
    }

    /** Why the v1 set cannot be expressed, or null. */
    public String notExpressibleReason() {
      return notExpressible;
    }

    /** The number of cuboids of the v1 build set (and of the mapping), or -1 when not known. */
    public long cuboidCount() {
      return cuboidCount;
    }

    /**
     * Whether the mapping's set was found equal to the v1 build set by {@link CuboidSets#sameSet}; otherwise both
     * were too large to compare and the groups are exact by construction for the desc's plain groups.
     */
    public boolean verified() {
      return verified;
    }

    /** What Kylin 1.5.4.1's save-time rule would say about the groups (empty for our own groups). */
    public List<String> ruleProblems() {
      return ruleProblems;
    }

    @Override
    public String toString() {
      if (!expressible()) {
        return "not expressible: " + notExpressible;
      }
      return (keptByKylinRule ? "Kylin's rule" : "own groups (" + kylinRuleNote + ")") + ", " + groups.size()
          + " groups, " + cuboidCount + " cuboids";
    }
  }

  /** Maps a v1 desc, resolving columns by name (see {@link V1Cuboids#of(JsonNode)}). */
  public static Result map(JsonNode v1Desc) {
    return map(v1Desc, V15Cuboids.DEFAULT_MAX_COMBINATION);
  }

  /** As {@link #map(JsonNode)}, for a Kylin whose {@code kylin.cube.aggrgroup.max.combination} is {@code maxCombination}. */
  public static Result map(JsonNode v1Desc, int maxCombination) {
    try {
      return map(V1Cuboids.of(v1Desc), V1Cuboids.DEFAULT_BOUND, maxCombination);
    } catch (IllegalArgumentException e) {
      return unloadable(e);
    }
  }

  /** Maps a v1 desc with its model. */
  public static Result map(JsonNode v1Desc, JsonNode model) {
    try {
      return map(V1Cuboids.of(v1Desc, model));
    } catch (IllegalArgumentException e) {
      return unloadable(e);
    }
  }

  private static Result unloadable(IllegalArgumentException e) {
    return new Result(null, false, null, "Kylin 1.3.0 cannot initialise the desc: " + e.getMessage(), -1, false,
        Collections.<String>emptyList());
  }

  public static Result map(V1Cuboids v1) {
    return map(v1, V1Cuboids.DEFAULT_BOUND, V15Cuboids.DEFAULT_MAX_COMBINATION);
  }

  /**
   * Maps a v1 desc, enumerating sets up to {@code bound} cuboids, for a Kylin whose
   * {@code kylin.cube.aggrgroup.max.combination} is {@code maxCombination}.
   */
  public static Result map(V1Cuboids v1, int bound, int maxCombination) {
    List<String> rowkey = v1.rowkeyColumns();
    CuboidSet target = null;
    try {
      target = v1.buildSet(bound);
    } catch (CuboidSetTooLargeException e) {
      // only plain shapes can be mapped then
    }

    String kylinNote;
    KylinGroupRule kylin = KylinGroupRule.apply(v1.desc());
    if (kylin.groups == null) {
      kylinNote = "refused the desc: its old aggregation groups share a column";
    } else {
      V15Cuboids k15 = V15Cuboids.of(rowkey, kylin.groups, maxCombination);
      if (!k15.loads()) {
        kylinNote = "written aggregation groups Kylin 1.5.4.1 does not load (" + k15.loadProblems().get(0) + ")";
      } else {
        CuboidSets.Comparison cmp = CuboidSets.sameSet(v1, k15, bound);
        if (cmp.same()) {
          long count = target != null ? target.size() : v1.isValidCount();
          if (kylin.dimensionProblem == null) {
            return new Result(kylin.groups, true, null, null, count, true, k15.ruleProblems());
          }
          // the groups are right; only Kylin's dimensions are not
          return new Result(kylin.groups, false, kylin.dimensionProblem, null, count, true, k15.ruleProblems());
        }
        kylinNote = cmp.verdict() == CuboidSets.Verdict.TOO_LARGE
            ? "written aggregation groups whose cuboid set is too large to check (" + cmp.detail() + ")"
            : "changed the cuboid set (" + cmp.detail() + ")";
      }
    }
    if (kylin.dimensionProblem != null) {
      kylinNote = kylinNote + ", and " + kylin.dimensionProblem;
    }

    if (target == null && !v1.hasPlainGroups()) {
      return tooLarge(kylinNote, "the v1 build set has more than " + bound
          + " cuboids and its groups are not plain: too large to check");
    }

    List<Product> products = structural(v1);
    if (products == null) {
      if (target == null) {
        return tooLarge(kylinNote, "hierarchies share a column and the v1 build set has more than " + bound
            + " cuboids: too large to check");
      }
      products = new ArrayList<>();
    }
    if (target != null) {
      products = refine(products, target);
    }
    List<Product> limited = new ArrayList<>();
    for (Product p : products) {
      if (!splitForLimits(p, maxCombination, limited) || limited.size() > MAX_GROUPS) {
        return notExpressible(kylinNote, "Kylin's combination and size limits need more than " + MAX_GROUPS
            + " groups");
      }
    }
    products = limited;
    if (target != null) {
      cover(products, target, maxCombination);
      products = prune(products, target);
    }
    List<Product> expressed = new ArrayList<>();
    for (Product p : products) {
      if (p.fixed == 0 || Product.mandatoryExpressible(p.fixed)) {
        expressed.add(p);
        continue;
      }
      long[] ids = p.cuboids(MAX_GROUPS);
      if (ids == null) {
        return notExpressible(kylinNote, "mandatory columns at bit 31 or higher (Kylin 1.5.4.1 shifts an int)"
            + " would need more than " + MAX_GROUPS + " single-cuboid groups");
      }
      for (long id : ids) {
        expressed.add(Product.single(id));
      }
    }
    products = expressed;
    if (products.isEmpty()) {
      // only the base cuboid: one group that allows nothing else (an empty list would not build)
      long full = v1.baseCuboid();
      products.add(new Product(0, Collections.singletonList(Product.Unit.joint(full))));
    }
    if (products.size() > MAX_GROUPS) {
      return notExpressible(kylinNote, "needs " + products.size() + " groups (more than " + MAX_GROUPS + ")");
    }
    ArrayNode groups = JsonNodeFactory.instance.arrayNode();
    for (Product p : products) {
      groups.add(p.toJson(rowkey));
    }
    V15Cuboids v15 = V15Cuboids.of(rowkey, groups, maxCombination);
    if (!v15.loads()) {
      return notExpressible(kylinNote, "the groups built do not load: " + v15.loadProblems().get(0));
    }
    CuboidSets.Comparison cmp = CuboidSets.sameSet(v1, v15, bound);
    if (cmp.verdict() == CuboidSets.Verdict.TOO_LARGE && target == null) {
      return new Result(groups, false, kylinNote, null, v1.isValidCount(), false, v15.ruleProblems());
    }
    if (!cmp.same()) {
      return notExpressible(kylinNote, "the groups built change the set: " + cmp.detail());
    }
    long count = target != null ? target.size() : v1.isValidCount();
    return new Result(groups, false, kylinNote, null, count, true, v15.ruleProblems());
  }

  private static Result notExpressible(String kylinNote, String reason) {
    return new Result(null, false, kylinNote, reason, -1, false, Collections.<String>emptyList());
  }

  private static Result tooLarge(String kylinNote, String reason) {
    return new Result(null, false, kylinNote, reason, -1, false, Collections.<String>emptyList(), true);
  }

  // ---- products from the v1 semantics ----

  /**
   * Per old group i: cuboids = mandatory + A + B, A a non-empty choice in the group, B none or all of the leftover
   * (later groups and tail), with the cube's hierarchies. Hierarchy levels that B or the mandatory columns fix
   * decide which of the group's levels are forced, chained or excluded. Hierarchies sharing a column give no
   * products: null (the cover step handles such descs).
   */
  static List<Product> structural(V1Cuboids v1) {
    List<Product> out = new ArrayList<>();
    List<long[]> hierarchies = new ArrayList<>();
    long seen = 0;
    for (int h = 0; h < v1.hierarchyCount(); h++) {
      LongList levels = new LongList();
      for (long l : v1.hierarchyLevels(h)) {
        levels.addDistinct(l);
      }
      long[] ls = levels.toArray();
      for (long l : ls) {
        if ((seen & l) != 0) {
          return null;
        }
      }
      for (long l : ls) {
        seen |= l;
      }
      hierarchies.add(ls);
    }
    long mandatory = v1.mandatoryMask();
    for (int i = 0; i < v1.groupCount(); i++) {
      long domain = v1.groupMask(i) & ~mandatory;
      long leftover = v1.leftoverMask(i);
      Product none = productFor(hierarchies, mandatory, domain);
      Product all = leftover != 0 && (leftover & mandatory) == 0
          ? productFor(hierarchies, mandatory | leftover, domain & ~leftover) : null;
      if (none != null && all != null && all.fixed == (none.fixed | leftover) && sameUnits(none, all)) {
        List<Product.Unit> units = new ArrayList<>(none.units);
        units.add(Product.Unit.joint(leftover));
        out.add(new Product(none.fixed, units));
        continue;
      }
      if (none != null && !none.units.isEmpty()) {
        out.add(none);
      }
      if (all != null && !all.units.isEmpty()) {
        out.add(all);
      }
    }
    return out;
  }

  private static boolean sameUnits(Product a, Product b) {
    if (a.units.size() != b.units.size()) {
      return false;
    }
    for (int i = 0; i < a.units.size(); i++) {
      Product.Unit x = a.units.get(i);
      Product.Unit y = b.units.get(i);
      if (x.kind != y.kind || !Arrays.equals(x.bits, y.bits)) {
        return false;
      }
    }
    return true;
  }

  /** The product of choices over {@code free} given the fixed columns, or null when the hierarchies allow none. */
  private static Product productFor(List<long[]> hierarchies, long fixed, long free) {
    List<Product.Unit> units = new ArrayList<>();
    for (long[] levels : hierarchies) {
      int present = -1;
      int absent = levels.length;
      for (int i = 0; i < levels.length; i++) {
        if ((fixed & levels[i]) != 0) {
          present = i;
        }
      }
      for (int i = 0; i < levels.length; i++) {
        if ((fixed & levels[i]) == 0 && (free & levels[i]) == 0) {
          absent = i;
          break;
        }
      }
      if (present > absent) {
        return null;
      }
      for (int i = 0; i < present; i++) {
        if ((free & levels[i]) != 0) {
          fixed |= levels[i];
          free &= ~levels[i];
        }
      }
      LongList chain = new LongList();
      for (int i = present + 1; i < absent; i++) {
        chain.add(levels[i]);
        free &= ~levels[i];
      }
      for (int i = absent + 1; i < levels.length; i++) {
        free &= ~levels[i];
      }
      if (chain.size() > 0) {
        units.add(Product.Unit.chain(chain.toArray()));
      }
    }
    for (long rest = free; rest != 0; ) {
      long bit = Long.highestOneBit(rest);
      rest ^= bit;
      units.add(Product.Unit.normal(bit));
    }
    return new Product(fixed, units);
  }

  // ---- refinement against the v1 set ----

  /** Keeps products inside the target; splits the others on one unit until their parts are inside or empty. */
  static List<Product> refine(List<Product> products, CuboidSet target) {
    List<Product> out = new ArrayList<>();
    Deque<Product> todo = new ArrayDeque<>(products);
    while (!todo.isEmpty()) {
      Product p = todo.pollFirst();
      if (p.units.isEmpty()) {
        continue;
      }
      long[] ids = p.cuboids(target.size());
      int split = 0;
      if (ids != null) {
        int bad = 0;
        for (long id : ids) {
          if (!target.contains(id)) {
            bad++;
          }
        }
        if (bad == 0) {
          out.add(p);
          continue;
        }
        if (bad == ids.length) {
          continue;
        }
        split = bestSplit(p, ids, target);
      }
      Product.Unit u = p.units.get(split);
      List<Product.Unit> rest = new ArrayList<>(p.units);
      rest.remove(split);
      long[] patterns = u.patterns();
      for (int k = patterns.length - 1; k >= 0; k--) {
        todo.addFirst(new Product(p.fixed | patterns[k], rest));
      }
    }
    return out;
  }

  /** The unit whose patterns put the most cuboids into parts free of cuboids outside the target. */
  private static int bestSplit(Product p, long[] ids, CuboidSet target) {
    int best = 0;
    long bestScore = -1;
    for (int k = 0; k < p.units.size(); k++) {
      Product.Unit u = p.units.get(k);
      long mask = u.mask();
      long[] patterns = u.patterns();
      long[] size = new long[patterns.length];
      boolean[] bad = new boolean[patterns.length];
      for (long id : ids) {
        int idx = indexOf(patterns, id & mask);
        size[idx]++;
        if (!target.contains(id)) {
          bad[idx] = true;
        }
      }
      long score = 0;
      for (int j = 0; j < patterns.length; j++) {
        if (!bad[j]) {
          score += size[j];
        }
      }
      if (score > bestScore) {
        bestScore = score;
        best = k;
      }
    }
    return best;
  }

  private static int indexOf(long[] a, long v) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] == v) {
        return i;
      }
    }
    throw new IllegalStateException("pattern not found");
  }

  // ---- Kylin's limits ----

  private static boolean withinLimits(long fixed, List<Product.Unit> units, int maxCombination) {
    Product p = new Product(fixed, units);
    return p.combinations() <= maxCombination && p.ruleSize() <= V15Cuboids.DEFAULT_MAX_GROUP_SIZE;
  }

  /**
   * Splits a product over Kylin's combination or size limits into products within them with the same cuboids:
   * with units X + Y, the cuboids are those of (fixed, X), of (fixed + y, X) for each non-empty pattern y of Y,
   * and of (fixed, Y).
   */
  static boolean splitForLimits(Product p, int maxCombination, List<Product> out) {
    if (p.units.isEmpty()) {
      return true;
    }
    if (withinLimits(p.fixed, p.units, maxCombination)) {
      out.add(p);
      return out.size() <= MAX_GROUPS;
    }
    List<Product.Unit> x = new ArrayList<>(p.units);
    List<Product.Unit> y = new ArrayList<>();
    while (x.size() > 1 && !withinLimits(p.fixed, x, maxCombination)) {
      y.add(0, x.remove(x.size() - 1));
    }
    long[] patterns = new Product(0, y).cuboids(MAX_GROUPS);
    if (patterns == null || !splitForLimits(new Product(p.fixed, x), maxCombination, out)) {
      return false;
    }
    for (long pattern : patterns) {
      if (!splitForLimits(new Product(p.fixed | pattern, x), maxCombination, out)) {
        return false;
      }
    }
    return splitForLimits(new Product(p.fixed, y), maxCombination, out);
  }

  // ---- covering what is left ----

  /** Adds products grown around each target cuboid that no product has yet (largest cuboids first). */
  static void cover(List<Product> products, CuboidSet target, int maxCombination) {
    LongSet covered = new LongSet();
    for (Product p : products) {
      for (long id : p.cuboids(Long.MAX_VALUE)) {
        covered.add(id);
      }
    }
    long base = target.toArray()[target.size() - 1];
    List<Long> todo = new ArrayList<>();
    for (long id : target.toArray()) {
      if (id != base && !covered.contains(id)) {
        todo.add(id);
      }
    }
    todo.sort((a, b) -> {
      int c = Integer.compare(Long.bitCount(b), Long.bitCount(a));
      return c != 0 ? c : Long.compare(b, a);
    });
    for (long id : todo) {
      if (covered.contains(id)) {
        continue;
      }
      Product p = grow(id, target, maxCombination);
      products.add(p);
      for (long c : p.cuboids(Long.MAX_VALUE)) {
        covered.add(c);
      }
    }
  }

  /** A product inside the target holding {@code cuboid}, grown by freeing its columns one at a time. */
  private static Product grow(long cuboid, CuboidSet target, int maxCombination) {
    Product best = null;
    long[] bits = bitsHighFirst(cuboid);
    int tries = bits.length <= 12 ? bits.length : 1;
    for (int t = 0; t < tries; t++) {
      long first = bits[bits.length - 1 - t];
      Product p = extend(new Product(cuboid & ~first, Collections.singletonList(Product.Unit.normal(first))),
          target, maxCombination);
      if (best == null || p.combinations() > best.combinations()) {
        best = p;
      }
    }
    return best;
  }

  private static Product extend(Product start, CuboidSet target, int maxCombination) {
    Product p = start;
    boolean grew = true;
    while (grew) {
      grew = false;
      for (long y : bitsHighFirst(p.fixed)) {
        for (Product candidate : extensions(p, y)) {
          if (candidate.combinations() > p.combinations()
              && withinLimits(candidate.fixed, candidate.units, maxCombination) && inside(candidate, target)) {
            p = candidate;
            grew = true;
            break;
          }
        }
        if (grew) {
          break;
        }
      }
    }
    return p;
  }

  /** Ways to free column {@code y} of the fixed columns: a normal column, or joined to a unit as chain or joint. */
  private static List<Product> extensions(Product p, long y) {
    List<Product> out = new ArrayList<>();
    long fixed = p.fixed & ~y;
    List<Product.Unit> normal = new ArrayList<>(p.units);
    normal.add(Product.Unit.normal(y));
    out.add(new Product(fixed, normal));
    for (int k = 0; k < p.units.size(); k++) {
      Product.Unit u = p.units.get(k);
      List<Product.Unit> alternatives = new ArrayList<>();
      if (u.kind == Product.JOINT) {
        alternatives.add(Product.Unit.joint(u.bits[0] | y));
      } else {
        long[] before = new long[u.bits.length + 1];
        before[0] = y;
        System.arraycopy(u.bits, 0, before, 1, u.bits.length);
        long[] after = Arrays.copyOf(u.bits, u.bits.length + 1);
        after[u.bits.length] = y;
        alternatives.add(Product.Unit.chain(before));
        alternatives.add(Product.Unit.chain(after));
        if (u.kind == Product.NORMAL) {
          alternatives.add(Product.Unit.joint(u.bits[0] | y));
        }
      }
      for (Product.Unit alt : alternatives) {
        List<Product.Unit> units = new ArrayList<>(p.units);
        units.set(k, alt);
        out.add(new Product(fixed, units));
      }
    }
    return out;
  }

  private static boolean inside(Product p, CuboidSet target) {
    long[] ids = p.cuboids(target.size());
    if (ids == null) {
      return false;
    }
    for (long id : ids) {
      if (!target.contains(id)) {
        return false;
      }
    }
    return true;
  }

  private static long[] bitsHighFirst(long mask) {
    long[] out = new long[Long.bitCount(mask)];
    int i = 0;
    for (long rest = mask; rest != 0; ) {
      long bit = Long.highestOneBit(rest);
      rest ^= bit;
      out[i++] = bit;
    }
    return out;
  }

  // ---- dropping groups that others cover ----

  /** Drops products whose cuboids other products (or the base cuboid) all have, smallest first. */
  static List<Product> prune(List<Product> products, CuboidSet target) {
    long[] ids = target.toArray();
    long base = ids[ids.length - 1];
    int[] count = new int[ids.length];
    List<long[]> members = new ArrayList<>();
    for (Product p : products) {
      long[] v = p.cuboids(Long.MAX_VALUE);
      members.add(v);
      for (long id : v) {
        count[Arrays.binarySearch(ids, id)]++;
      }
    }
    Integer[] order = new Integer[products.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Integer.compare(members.get(a).length, members.get(b).length));
    boolean[] dropped = new boolean[products.size()];
    for (int i : order) {
      boolean redundant = true;
      for (long id : members.get(i)) {
        if (id != base && count[Arrays.binarySearch(ids, id)] < 2) {
          redundant = false;
          break;
        }
      }
      if (redundant) {
        dropped[i] = true;
        for (long id : members.get(i)) {
          count[Arrays.binarySearch(ids, id)]--;
        }
      }
    }
    List<Product> out = new ArrayList<>();
    for (int i = 0; i < products.size(); i++) {
      if (!dropped[i]) {
        out.add(products.get(i));
      }
    }
    return out;
  }
}
