package org.kylinupgrade.cuboid;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;

/**
 * The cuboids of a v1 (Kylin 1.3.0) cube desc, as Kylin 1.3.0's {@code RowKeyDesc}, {@code Cuboid} and
 * {@code CuboidScheduler} define them. Immutable; the build set is computed on first use.
 *
 * <p>Masks: rowkey column i (0-based, rowkey order) is bit {@code n-1-i}. The tail mask is Kylin's
 * {@code full ^ mandatory ^ groups} (an exclusive or: a mandatory column that is also in a group lands in the
 * tail). Group i's unique mask is its columns minus those of later groups; its leftover mask is the tail plus the
 * later groups' columns, minus its own. Hierarchy masks ignore levels in the tail.
 */
public final class V1Cuboids {
  /** The default enumeration bound. */
  public static final int DEFAULT_BOUND = 1 << 20;

  private static final long[] NONE = new long[0];

  private final V1Desc desc;
  private final int n;
  private final long full;
  private final long mandatory;
  private final long groupsFull;
  private final long tail;
  private final long[] groupMask;
  private final long[] uniqueMask;
  private final long[] leftoverMask;
  private final long[][] groupOneBits;
  /** Per hierarchy: bits of its levels outside the tail, in level order. */
  private final long[][] hierarchyLevels;
  private final long[] hierarchyFull;
  private final long[][] hierarchyAll;

  private volatile CuboidSet buildSet;
  private volatile long buildEmissions;

  private V1Cuboids(V1Desc desc) {
    this.desc = desc;
    this.n = desc.rowkey.size();
    this.full = n == 63 ? Long.MAX_VALUE : (1L << n) - 1;
    long m = 0;
    for (int i = 0; i < n; i++) {
      if (desc.mandatory[i]) {
        m |= bitOfPosition(i);
      }
    }
    this.mandatory = m;
    int g = desc.groupPositions.size();
    groupMask = new long[g];
    uniqueMask = new long[g];
    leftoverMask = new long[g];
    groupOneBits = new long[g][];
    long agf = 0;
    for (int i = 0; i < g; i++) {
      int[] pos = desc.groupPositions.get(i);
      groupOneBits[i] = new long[pos.length];
      for (int j = 0; j < pos.length; j++) {
        long bit = bitOfPosition(pos[j]);
        groupMask[i] |= bit;
        groupOneBits[i][j] = bit;
      }
      agf |= groupMask[i];
    }
    this.groupsFull = agf;
    this.tail = full ^ mandatory ^ agf;
    for (int i = 0; i < g; i++) {
      long unique = groupMask[i];
      long leftover = tail;
      for (int j = i + 1; j < g; j++) {
        unique &= ~groupMask[j];
        leftover |= groupMask[j];
      }
      uniqueMask[i] = unique;
      leftoverMask[i] = leftover & ~groupMask[i];
    }
    int h = desc.hierarchyPositions.size();
    hierarchyLevels = new long[h][];
    hierarchyFull = new long[h];
    hierarchyAll = new long[h][];
    for (int i = 0; i < h; i++) {
      int[] pos = desc.hierarchyPositions.get(i);
      long[] levels = new long[pos.length];
      long[] all = new long[pos.length];
      int k = 0;
      long f = 0;
      for (int p : pos) {
        long bit = bitOfPosition(p);
        if ((tail & bit) != 0) {
          continue;
        }
        f |= bit;
        levels[k] = bit;
        all[k] = f;
        k++;
      }
      hierarchyLevels[i] = Arrays.copyOf(levels, k);
      hierarchyAll[i] = Arrays.copyOf(all, k);
      hierarchyFull[i] = f;
    }
  }

  /**
   * The cuboids of a v1 desc, resolving columns by name only: a hierarchy level must then be named like its rowkey
   * column (a level named by a lookup's primary key needs the model).
   */
  public static V1Cuboids of(JsonNode v1Desc) {
    return new V1Cuboids(new V1Desc(v1Desc, null));
  }

  /**
   * The cuboids of a v1 desc with its model, resolving columns as Kylin 1.3.0 does.
   *
   * @throws IllegalArgumentException when Kylin 1.3.0 could not initialise the desc's rowkey
   */
  public static V1Cuboids of(JsonNode v1Desc, JsonNode model) {
    return new V1Cuboids(new V1Desc(v1Desc, model));
  }

  private long bitOfPosition(int position) {
    return 1L << (n - 1 - position);
  }

  public String name() {
    return desc.name;
  }

  /** Rowkey column names, upper-cased, in rowkey order. */
  public List<String> rowkeyColumns() {
    return desc.rowkey;
  }

  /** The base cuboid id: every rowkey column. */
  public long baseCuboid() {
    return full;
  }

  public long mandatoryMask() {
    return mandatory;
  }

  public long tailMask() {
    return tail;
  }

  public int groupCount() {
    return groupMask.length;
  }

  public long groupMask(int group) {
    return groupMask[group];
  }

  public long uniqueMask(int group) {
    return uniqueMask[group];
  }

  public long leftoverMask(int group) {
    return leftoverMask[group];
  }

  /** Per hierarchy dimension, the cumulative masks of its levels outside the tail (Kylin's {@code allMasks}). */
  public List<long[]> hierarchyMasks() {
    List<long[]> out = new ArrayList<>();
    for (long[] a : hierarchyAll) {
      out.add(a.clone());
    }
    return Collections.unmodifiableList(out);
  }

  V1Desc desc() {
    return desc;
  }

  long[] hierarchyLevels(int h) {
    return hierarchyLevels[h];
  }

  int hierarchyCount() {
    return hierarchyLevels.length;
  }

  /**
   * Whether the groups are plain: none is empty, none shares a column with another or holds a mandatory column,
   * no two hierarchies share a column, and every hierarchy's levels outside the tail lie within one group. For such
   * descs the build set is the isValid set, so its size is {@link #isValidCount()} and membership is
   * {@link #isValid(long)}.
   */
  public boolean hasPlainGroups() {
    long levels = 0;
    for (long f : hierarchyFull) {
      if ((levels & f) != 0) {
        return false;
      }
      levels |= f;
    }
    long seen = 0;
    for (long g : groupMask) {
      if (g == 0 || (g & seen) != 0 || (g & mandatory) != 0) {
        return false;
      }
      seen |= g;
    }
    for (long f : hierarchyFull) {
      if (f == 0) {
        continue;
      }
      boolean inOne = false;
      for (long g : groupMask) {
        if ((f & ~g) == 0) {
          inOne = true;
        }
      }
      if (!inOne) {
        return false;
      }
    }
    return true;
  }

  // ---- Cuboid.isValid ----

  /** Kylin 1.3.0's {@code Cuboid.isValid}. */
  public boolean isValid(long cuboid) {
    if (cuboid < 0 || cuboid > full) {
      throw new IllegalArgumentException("Cuboid " + cuboid + " is out of scope 0-" + full);
    }
    if (cuboid == full) {
      return true;
    }
    if (cuboid <= mandatory || (cuboid & mandatory) != mandatory) {
      return false;
    }
    return checkGroups(cuboid) && checkHierarchies(cuboid);
  }

  private boolean checkGroups(long cuboid) {
    long withoutMandatory = cuboid & ~mandatory;
    for (int i = 0; i < groupMask.length; i++) {
      if ((withoutMandatory & uniqueMask[i]) != 0) {
        long leftover = withoutMandatory & ~groupMask[i];
        return leftover == 0 || leftover == leftoverMask[i];
      }
    }
    long leftover = withoutMandatory & tail;
    return leftover == 0 || leftover == tail;
  }

  private boolean checkHierarchies(long cuboid) {
    outer:
    for (int h = 0; h < hierarchyFull.length; h++) {
      long result = cuboid & hierarchyFull[h];
      if (result != 0) {
        for (long m : hierarchyAll[h]) {
          if (result == m) {
            continue outer;
          }
        }
        return false;
      }
    }
    return true;
  }

  // ---- Cuboid.findById ----

  /**
   * The cuboid Kylin 1.3.0 answers a query on the given columns from ({@code Cuboid.findById}), or empty where
   * Kylin 1.3.0 itself fails (it throws "Didn't find a valid cuboid", or recurses without end).
   */
  public OptionalLong findById(long queryMask) {
    if (queryMask < 0 || queryMask > full) {
      throw new IllegalArgumentException("Query mask " + queryMask + " is out of scope 0-" + full);
    }
    Long translated = translate(queryMask);
    if (translated == null || !isValid(translated)) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(translated);
  }

  private Long translate(long cuboid) {
    long id = cuboid;
    if (id < mandatory) {
      id |= mandatory;
    }
    for (long[] levels : hierarchyLevels) {
      boolean found = false;
      long result = 0;
      for (int i = levels.length - 1; i >= 0; i--) {
        if ((levels[i] & id) != 0) {
          found = true;
        }
        if (found) {
          result |= levels[i];
        }
      }
      id |= result;
    }
    long withoutMandatory = id & ~mandatory;
    for (int i = 0; i < groupMask.length; i++) {
      if ((withoutMandatory & uniqueMask[i]) != 0) {
        long leftover = withoutMandatory & ~groupMask[i];
        return leftover == 0 ? id : id | leftoverMask[i];
      }
    }
    long leftover = withoutMandatory & tail;
    if (leftover == 0) {
      if (withoutMandatory != 0) {
        return id;
      }
      long next = id | Long.lowestOneBit(groupsFull);
      // Kylin recurses; without progress it never returns
      return next == id ? null : translate(next);
    }
    return id | tail;
  }

  // ---- CuboidScheduler: the build walk ----

  /** Kylin 1.3.0's {@code CuboidScheduler.generateChildren}: zero-tail cuboids and one-bit-less children. */
  long[] generateChildren(long cuboid) {
    LongList out = new LongList();
    long withoutMandatory = cuboid & ~mandatory;
    for (int i = 0; i < groupMask.length; i++) {
      if ((withoutMandatory & groupMask[i]) == groupMask[i]
          && (withoutMandatory & leftoverMask[i]) == leftoverMask[i]) {
        long zeroTail = mandatory | groupMask[i];
        if (zeroTail > 0 && zeroTail != cuboid) {
          out.addDistinct(zeroTail);
        }
      }
      if ((withoutMandatory & uniqueMask[i]) != 0) {
        break;
      }
    }
    for (int i = 0; i < groupMask.length; i++) {
      long groupBits = withoutMandatory & groupMask[i];
      long leftoverBits = withoutMandatory & leftoverMask[i];
      if (!(groupBits != 0 && (leftoverBits == 0 || leftoverBits == leftoverMask[i]))) {
        continue;
      }
      for (long oneBit : groupOneBits[i]) {
        if ((cuboid & oneBit) == 0) {
          continue;
        }
        long child = cuboid ^ oneBit;
        if (isValid(child)) {
          out.addDistinct(child);
        }
      }
      if ((withoutMandatory & uniqueMask[i]) != 0) {
        break;
      }
    }
    return out.toArray();
  }

  private static boolean contains(long[] arr, long v) {
    for (long a : arr) {
      if (a == v) {
        return true;
      }
    }
    return false;
  }

  /**
   * Kylin 1.3.0's {@code CuboidScheduler.getSpanningCuboid}: the children of a cuboid that no smaller valid
   * "sibling" (same bits outside the groups it touches, as many bits inside them, a smaller id) also generates.
   * Instead of enumerating siblings, each child's possible parents are enumerated: a cuboid with one more bit, or
   * for a zero-tail child the one cuboid whose zero-tail it can be.
   */
  long[] spanningCuboids(long cuboid) {
    long[] children = generateChildren(cuboid);
    if (children.length == 0 || !isValid(cuboid)) {
      return children;
    }
    long touched = 0;
    for (long g : groupMask) {
      if ((g & cuboid) != 0) {
        touched |= g;
      }
    }
    if (touched == 0) {
      // the only "sibling" is the cuboid itself, so all its children are a sibling's
      return NONE;
    }
    long outside = cuboid & ~touched;
    int inside = Long.bitCount(cuboid & touched);
    long[] out = new long[children.length];
    int k = 0;
    for (long child : children) {
      if (!generatedBySmallerSibling(cuboid, child, touched, outside, inside)) {
        out[k++] = child;
      }
    }
    return Arrays.copyOf(out, k);
  }

  private boolean generatedBySmallerSibling(long cuboid, long child, long touched, long outside, int inside) {
    long free = full & ~child;
    while (free != 0) {
      long bit = Long.lowestOneBit(free);
      free ^= bit;
      long parent = child | bit;
      if (isSibling(parent, cuboid, touched, outside, inside) && contains(generateChildren(parent), child)) {
        return true;
      }
    }
    for (int i = 0; i < groupMask.length; i++) {
      if (child == (mandatory | groupMask[i])) {
        long parent = mandatory | groupMask[i] | leftoverMask[i];
        if (isSibling(parent, cuboid, touched, outside, inside) && contains(generateChildren(parent), child)) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean isSibling(long candidate, long cuboid, long touched, long outside, int inside) {
    return candidate < cuboid && (candidate & ~touched) == outside && Long.bitCount(candidate & touched) == inside
        && isValid(candidate);
  }

  /**
   * The cuboids a Kylin 1.3.0 build materialises: the walk of {@code getSpanningCuboid} from the base cuboid (the
   * v1 cuboid set), enumerated up to {@link #DEFAULT_BOUND} cuboids.
   */
  public CuboidSet buildSet() {
    return buildSet(DEFAULT_BOUND);
  }

  /** The build set, enumerated up to {@code bound} cuboids. */
  public CuboidSet buildSet(int bound) {
    CuboidSet s = buildSet;
    if (s != null) {
      if (s.size() > bound) {
        throw new CuboidSetTooLargeException("the v1 build set of " + desc.name, bound);
      }
      return s;
    }
    LongSet seen = new LongSet();
    seen.add(full);
    long[] stack = new long[64];
    int top = 0;
    stack[top++] = full;
    long emissions = 0;
    while (top > 0) {
      long c = stack[--top];
      for (long child : spanningCuboids(c)) {
        emissions++;
        if (seen.add(child)) {
          if (seen.size() > bound) {
            throw new CuboidSetTooLargeException("the v1 build set of " + desc.name, bound);
          }
          if (top == stack.length) {
            stack = Arrays.copyOf(stack, top * 2);
          }
          stack[top++] = child;
        }
      }
    }
    s = CuboidSet.of(seen);
    buildEmissions = emissions;
    buildSet = s;
    return s;
  }

  /**
   * How many times the build walk reaches a cuboid it already has (Kylin 1.3.0's {@code CuboidCLI} refuses such
   * a desc with "Find duplicate spanning cuboid"; a build would aggregate those cuboids more than once).
   */
  public long buildDuplicates() {
    CuboidSet s = buildSet();
    return buildEmissions - (s.size() - 1);
  }

  // ---- the isValid set and counts ----

  /** Every id {@code Cuboid.isValid} accepts, enumerated group by group up to {@link #DEFAULT_BOUND} cuboids. */
  public CuboidSet isValidSet() {
    return isValidSet(DEFAULT_BOUND);
  }

  public CuboidSet isValidSet(int bound) {
    LongSet out = new LongSet();
    out.add(full);
    for (int i = 0; i < groupMask.length; i++) {
      long domain = groupMask[i] & ~mandatory;
      if (Long.bitCount(domain) > 40 || (1L << Long.bitCount(domain)) > 4L * bound) {
        throw new CuboidSetTooLargeException("the v1 isValid set of " + desc.name, bound);
      }
      long[] tails = leftoverMask[i] == 0 ? new long[] {0} : new long[] {0, leftoverMask[i]};
      for (long a = domain; ; a = (a - 1) & domain) {
        for (long b : tails) {
          long c = mandatory | a | b;
          if (c > mandatory && c <= full && isValid(c)) {
            out.add(c);
            if (out.size() > bound) {
              throw new CuboidSetTooLargeException("the v1 isValid set of " + desc.name, bound);
            }
          }
        }
        if (a == 0) {
          break;
        }
      }
    }
    long tailOnly = mandatory | tail;
    if (tailOnly > mandatory && tailOnly <= full && isValid(tailOnly)) {
      out.add(tailOnly);
    }
    return CuboidSet.of(out);
  }

  /**
   * The size of the isValid set, counted per group as a product over hierarchies without enumerating it (when the
   * hierarchies share no column; otherwise by enumeration).
   */
  public long isValidCount() {
    for (int a = 0; a < hierarchyFull.length; a++) {
      for (int b = a + 1; b < hierarchyFull.length; b++) {
        if ((hierarchyFull[a] & hierarchyFull[b]) != 0) {
          return isValidSet(Integer.MAX_VALUE - 8).size();
        }
      }
    }
    long total = 1; // the base cuboid
    long earlierUnique = 0;
    for (int i = 0; i < groupMask.length; i++) {
      long domain = groupMask[i] & ~mandatory & ~earlierUnique;
      long[] tails = leftoverMask[i] == 0 ? new long[] {0} : new long[] {0, leftoverMask[i]};
      for (long b : tails) {
        if ((b & mandatory) != 0 || (b & earlierUnique) != 0) {
          continue;
        }
        long fixed = mandatory | b;
        long count = countHierarchyFree(domain, fixed) - countHierarchyFree(domain & ~uniqueMask[i], fixed);
        // the base cuboid is counted once, above
        if (b == (full & ~mandatory & ~groupMask[i]) && (domain & uniqueMask[i]) != 0) {
          count--;
        }
        total += count;
      }
      earlierUnique |= uniqueMask[i];
    }
    long tailOnly = mandatory | tail;
    if (tailOnly > mandatory && tailOnly != full && firstTouchedGroup(tailOnly) < 0 && isValid(tailOnly)) {
      total++;
    }
    return total;
  }

  private int firstTouchedGroup(long cuboid) {
    long withoutMandatory = cuboid & ~mandatory;
    for (int i = 0; i < uniqueMask.length; i++) {
      if ((withoutMandatory & uniqueMask[i]) != 0) {
        return i;
      }
    }
    return -1;
  }

  /** How many subsets A of {@code domain} make {@code fixed | A} pass the hierarchy check (hierarchies disjoint). */
  private long countHierarchyFree(long domain, long fixed) {
    long count = 1;
    long rest = domain;
    for (int h = 0; h < hierarchyLevels.length; h++) {
      long[] levels = hierarchyLevels[h];
      if (levels.length == 0) {
        continue;
      }
      long hFree = domain & hierarchyFull[h];
      rest &= ~hierarchyFull[h];
      long hFixed = fixed & hierarchyFull[h];
      // patterns: no level, or the first j levels
      LongSet patterns = new LongSet();
      boolean emptyOk = hFixed == 0;
      for (int j = 1; j <= levels.length; j++) {
        long p = hierarchyAll[h][j - 1];
        // p must contain every fixed level and use only fixed or free levels
        if ((p & hFixed) == hFixed && (p & ~(hFixed | hFree)) == 0) {
          patterns.add(p);
        }
      }
      count *= patterns.size() + (emptyOk ? 1 : 0);
    }
    return count << Long.bitCount(rest);
  }

  /**
   * Kylin 1.3.0's own {@code CuboidCLI.mathCalcCuboidCount}, int arithmetic and all: its formula assumes groups
   * share no column and can disagree with the real set.
   */
  public int kylinMathCount() {
    int result = 1;
    for (int i = 0; i < groupMask.length; i++) {
      boolean hasTail = i < groupMask.length - 1 || tail > 0;
      int count = mathCombination(groupMask[i]);
      count -= 2;
      long nonUnique = groupMask[i] & ~uniqueMask[i];
      if (nonUnique > 0) {
        count -= mathCombination(nonUnique) - 1;
      }
      if (hasTail) {
        count *= 2;
        count += 2;
      }
      result += count;
    }
    return result;
  }

  private int mathCombination(long colMask) {
    if (colMask == 0) {
      return 0;
    }
    int count = 1;
    long rest = colMask;
    for (long f : hierarchyFull) {
      long bits = rest & f;
      if (bits != 0) {
        count *= Long.bitCount(bits) + 1;
        rest &= ~bits;
      }
    }
    count = (int) (count * Math.pow(2, Long.bitCount(rest)));
    return count;
  }

  /** The rowkey column names of a cuboid id, in rowkey order. */
  public List<String> columnsOf(long cuboid) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if ((cuboid & bitOfPosition(i)) != 0) {
        out.add(desc.rowkey.get(i));
      }
    }
    return out;
  }
}
