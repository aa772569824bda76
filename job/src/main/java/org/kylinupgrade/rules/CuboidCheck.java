package org.kylinupgrade.rules;

import com.fasterxml.jackson.databind.JsonNode;
import org.kylinupgrade.cuboid.CuboidSets;
import org.kylinupgrade.cuboid.V15Cuboids;
import org.kylinupgrade.cuboid.V1Cuboids;

/**
 * Whether a desc converted to 1.5 answers from what Kylin 1.3.0 built for it: the same row key order and the same
 * cuboid set (compared with {@link CuboidSets#sameSet}, which counts rather than enumerates large plain sets).
 * Sets too large to compare are refused too: a conversion is never written unchecked.
 */
final class CuboidCheck {
  enum Verdict {
    /** Same row key order, same cuboids. */
    KEPT,
    /** The order or the set would change, or the 1.5 cuboids cannot be computed. */
    REFUSED,
    /** Too large to compare. */
    TOO_LARGE
  }

  final Verdict verdict;
  /** Why, for a desc not kept; null when kept. */
  final String reason;

  private CuboidCheck(Verdict verdict, String reason) {
    this.verdict = verdict;
    this.reason = reason;
  }

  /**
   * @param v1 the cuboids Kylin 1.3.0 builds for the desc as stored
   * @param v15Desc the converted desc as Kylin 1.5 loads it
   */
  static CuboidCheck of(V1Cuboids v1, JsonNode v15Desc) {
    return of(v1, v15Desc, V1Cuboids.DEFAULT_BOUND);
  }

  /** As {@link #of(V1Cuboids, JsonNode)}, enumerating sets up to {@code bound} cuboids. */
  static CuboidCheck of(V1Cuboids v1, JsonNode v15Desc, int bound) {
    return of(v1, v15Desc, bound, V15Cuboids.DEFAULT_MAX_COMBINATION);
  }

  /** As {@link #of(V1Cuboids, JsonNode, int)}, for a Kylin whose limit of combinations is {@code maxCombination}. */
  static CuboidCheck of(V1Cuboids v1, JsonNode v15Desc, int bound, int maxCombination) {
    V15Cuboids v15;
    try {
      v15 = V15Cuboids.of(v15Desc, maxCombination);
    } catch (IllegalArgumentException e) {
      return new CuboidCheck(Verdict.REFUSED, "its 1.5 cuboids cannot be computed: " + e.getMessage());
    }
    if (!v1.rowkeyColumns().equals(v15.rowkeyColumns())) {
      return new CuboidCheck(Verdict.REFUSED, "rowkey order would change: " + v1.rowkeyColumns() + " in v1, "
          + v15.rowkeyColumns() + " in 1.5");
    }
    CuboidSets.Comparison comparison = CuboidSets.sameSet(v1, v15, bound);
    switch (comparison.verdict()) {
      case SAME:
        return new CuboidCheck(Verdict.KEPT, null);
      case TOO_LARGE:
        return new CuboidCheck(Verdict.TOO_LARGE, "its cuboid sets are too large to compare (" + comparison.detail()
            + "); left as it is rather than converted unchecked");
      case NOT_LOADABLE:
        return new CuboidCheck(Verdict.REFUSED, "Kylin 1.5.4.1 would not load its aggregation groups: "
            + comparison.detail());
      default:
        return new CuboidCheck(Verdict.REFUSED, "cuboid set would change: " + count(comparison.v1Count(), bound)
            + " v1 cuboids, " + count(comparison.v15Count(), bound) + " in 1.5 (" + comparison.detail() + ")");
    }
  }

  private static String count(long cuboids, int bound) {
    return cuboids >= 0 ? Long.toString(cuboids) : "over " + bound;
  }
}
