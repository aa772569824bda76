package org.kylinupgrade.cuboid;

/** Compares the cuboids a v1 desc builds with those of a 1.5 desc. */
public final class CuboidSets {
  private CuboidSets() {
  }

  public enum Verdict {
    /** Same rowkey order and exactly the same cuboid set. */
    SAME,
    DIFFERENT,
    /** Both sets are larger than the enumeration bound and nothing cheaper told them apart. */
    TOO_LARGE,
    /** Kylin 1.5.4.1 would not load the 1.5 desc's aggregation groups. */
    NOT_LOADABLE
  }

  /** The outcome of a comparison. Immutable. */
  public static final class Comparison {
    private final Verdict verdict;
    private final String detail;
    private final CuboidSet onlyV1;
    private final CuboidSet onlyV15;
    private final long v1Count;
    private final long v15Count;

    Comparison(Verdict verdict, String detail, CuboidSet onlyV1, CuboidSet onlyV15) {
      this(verdict, detail, onlyV1, onlyV15, -1, -1);
    }

    Comparison(Verdict verdict, String detail, CuboidSet onlyV1, CuboidSet onlyV15, long v1Count, long v15Count) {
      this.verdict = verdict;
      this.detail = detail;
      this.onlyV1 = onlyV1;
      this.onlyV15 = onlyV15;
      this.v1Count = v1Count;
      this.v15Count = v15Count;
    }

    /** How many cuboids the v1 desc builds, when the comparison found out; otherwise -1. */
    public long v1Count() {
      return v1Count;
    }

    /** How many cuboids the 1.5 desc has, when the comparison found out; otherwise -1. */
    public long v15Count() {
      return v15Count;
    }

    public Verdict verdict() {
      return verdict;
    }

    public boolean same() {
      return verdict == Verdict.SAME;
    }

    /** One line saying why (sizes, the first differing ids). */
    public String detail() {
      return detail;
    }

    /** Cuboids only the v1 desc builds, when both sets were enumerated; otherwise null. */
    public CuboidSet onlyV1() {
      return onlyV1;
    }

    /** Cuboids only the 1.5 desc has, when both sets were enumerated; otherwise null. */
    public CuboidSet onlyV15() {
      return onlyV15;
    }

    @Override
    public String toString() {
      return verdict + ": " + detail;
    }
  }

  /** {@link #sameSet(V1Cuboids, V15Cuboids, int)} with {@link V1Cuboids#DEFAULT_BOUND}. */
  public static Comparison sameSet(V1Cuboids v1, V15Cuboids v15) {
    return sameSet(v1, v15, V1Cuboids.DEFAULT_BOUND);
  }

  /**
   * Whether the v1 build set and the 1.5 set are the same, with the same rowkey order. Sets are enumerated up to
   * {@code bound} cuboids; one set exceeding the bound while the other does not is a difference. For v1 descs with
   * plain groups the v1 set is counted rather than enumerated: first held against an upper bound of the 1.5 count,
   * and when both sets exceed the bound, compared by walking the 1.5 groups one at a time (see {@code counted}).
   */
  public static Comparison sameSet(V1Cuboids v1, V15Cuboids v15, int bound) {
    if (!v1.rowkeyColumns().equals(v15.rowkeyColumns())) {
      return new Comparison(Verdict.DIFFERENT, "rowkey columns differ: " + v1.rowkeyColumns() + " vs "
          + v15.rowkeyColumns(), null, null);
    }
    if (!v15.loads()) {
      return new Comparison(Verdict.NOT_LOADABLE, v15.loadProblems().get(0), null, null);
    }
    if (v1.hasPlainGroups()) {
      long count = v1.isValidCount();
      long most = v15.countUpperBound();
      if (count > most) {
        long v15Count = -1;
        try {
          v15Count = v15.cuboidSet(bound).size();
        } catch (CuboidSetTooLargeException e) {
          // only the upper bound is known
        }
        return new Comparison(Verdict.DIFFERENT, "v1 builds " + count + " cuboids, the 1.5 groups allow at most "
            + most, null, null, count, v15Count);
      }
    }
    CuboidSet s1 = null;
    CuboidSet s15 = null;
    try {
      s1 = v1.buildSet(bound);
    } catch (CuboidSetTooLargeException e) {
      // compared below
    }
    try {
      s15 = v15.cuboidSet(bound);
    } catch (CuboidSetTooLargeException e) {
      // compared below
    }
    if (s1 != null && s15 != null) {
      if (s1.equals(s15)) {
        return new Comparison(Verdict.SAME, s1.size() + " cuboids", CuboidSet.of(), CuboidSet.of(), s1.size(),
            s15.size());
      }
      CuboidSet onlyV1 = s1.minus(s15);
      CuboidSet onlyV15 = s15.minus(s1);
      return new Comparison(Verdict.DIFFERENT, "v1 " + s1.size() + " cuboids, 1.5 " + s15.size() + "; only v1: "
          + head(onlyV1) + "; only 1.5: " + head(onlyV15), onlyV1, onlyV15, s1.size(), s15.size());
    }
    if (s1 != null) {
      return new Comparison(Verdict.DIFFERENT, "v1 " + s1.size() + " cuboids, 1.5 more than " + bound, null, null,
          s1.size(), -1);
    }
    if (s15 != null) {
      return new Comparison(Verdict.DIFFERENT, "1.5 " + s15.size() + " cuboids, v1 more than " + bound, null, null,
          v1.hasPlainGroups() ? v1.isValidCount() : -1, s15.size());
    }
    if (v1.hasPlainGroups()) {
      return counted(v1, v15);
    }
    return new Comparison(Verdict.TOO_LARGE, "both sets have more than " + bound + " cuboids", null, null);
  }

  /** How many group-membership tests a counted comparison may make. */
  static final long COUNTED_WORK = 1L << 27;

  /**
   * For a v1 desc with plain groups (build set = isValid set, counted without enumerating): the 1.5 set is the base
   * cuboid plus what each group allows, so walking the groups one at a time, each cuboid must be valid under v1,
   * and those no earlier group allows must add up to the v1 count.
   */
  private static Comparison counted(V1Cuboids v1, V15Cuboids v15) {
    long count = v1.isValidCount();
    long base = v15.baseCuboid();
    long union = 1;
    long work = 0;
    for (int g = 0; g < v15.groupCount(); g++) {
      CuboidSet members;
      try {
        members = v15.groupSet(g, (int) Math.min(Integer.MAX_VALUE - 8, COUNTED_WORK));
      } catch (CuboidSetTooLargeException e) {
        return new Comparison(Verdict.TOO_LARGE, "a 1.5 group is too large to walk", null, null);
      }
      for (long c : members.toArray()) {
        if (c == base) {
          continue;
        }
        work += g + 1;
        if (work > COUNTED_WORK) {
          return new Comparison(Verdict.TOO_LARGE, "too many 1.5 cuboids to count", null, null);
        }
        if (!v1.isValid(c)) {
          return new Comparison(Verdict.DIFFERENT, "1.5 cuboid " + c + " is not built by v1", null, null, count, -1);
        }
        boolean earlier = false;
        for (int h = 0; h < g && !earlier; h++) {
          earlier = v15.group(h).isValid(c);
        }
        if (!earlier) {
          union++;
        }
      }
    }
    if (union != count) {
      return new Comparison(Verdict.DIFFERENT, "v1 builds " + count + " cuboids, 1.5 has " + union, null, null,
          count, union);
    }
    return new Comparison(Verdict.SAME, count + " cuboids (counted)", null, null, count, count);
  }

  private static String head(CuboidSet s) {
    long[] ids = s.toArray();
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < ids.length && i < 8; i++) {
      sb.append(i == 0 ? "" : " ").append(ids[i]);
    }
    return sb.append(ids.length > 8 ? " ...]" : "]").toString();
  }
}
