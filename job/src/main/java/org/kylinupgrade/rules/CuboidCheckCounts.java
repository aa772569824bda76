package org.kylinupgrade.rules;

import java.io.Serializable;

/**
 * How the cuboid check of the conversion to 1.5 went. Every desc converted from the old format is checked: its 1.5
 * row key order and cuboid set must be the ones Kylin 1.3.0 builds for it, or it is refused (reported and left as it
 * is). {@code checked} = {@code keptByKylinRule + ownGroups + refused + tooLarge}; a desc that Kylin 1.5 cannot load
 * for other reasons is reported as such and not counted here. Immutable.
 */
public final class CuboidCheckCounts implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final CuboidCheckCounts NONE = new CuboidCheckCounts(0, 0, 0, 0);

  private final long keptByKylinRule;
  private final long ownGroups;
  private final long refused;
  private final long tooLarge;

  public CuboidCheckCounts(long keptByKylinRule, long ownGroups, long refused, long tooLarge) {
    this.keptByKylinRule = keptByKylinRule;
    this.ownGroups = ownGroups;
    this.refused = refused;
    this.tooLarge = tooLarge;
  }

  /** Descs whose cuboids were checked. */
  public long checked() {
    return keptByKylinRule + ownGroups + refused + tooLarge;
  }

  /** Converted with the aggregation groups Kylin's own converter writes, which keep the v1 cuboids. */
  public long keptByKylinRule() {
    return keptByKylinRule;
  }

  /** Converted with other groups that keep the v1 cuboids, where Kylin's converter would not have kept them. */
  public long ownGroups() {
    return ownGroups;
  }

  /** Refused: no 1.5 groups keep the v1 cuboids, or the converted desc's cuboid set or row key order differs. */
  public long refused() {
    return refused;
  }

  /** Refused because the cuboid sets are too large to compare (never converted unchecked). */
  public long tooLarge() {
    return tooLarge;
  }

  public CuboidCheckCounts plus(CuboidCheckCounts other) {
    return new CuboidCheckCounts(keptByKylinRule + other.keptByKylinRule, ownGroups + other.ownGroups,
        refused + other.refused, tooLarge + other.tooLarge);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof CuboidCheckCounts)) {
      return false;
    }
    CuboidCheckCounts other = (CuboidCheckCounts) o;
    return keptByKylinRule == other.keptByKylinRule && ownGroups == other.ownGroups && refused == other.refused
        && tooLarge == other.tooLarge;
  }

  @Override
  public int hashCode() {
    return (int) (((keptByKylinRule * 31 + ownGroups) * 31 + refused) * 31 + tooLarge);
  }

  @Override
  public String toString() {
    return checked() + " checked: " + keptByKylinRule + " kept by Kylin's rule, " + ownGroups
        + " written with groups that keep the v1 cuboid set, " + refused + " refused, " + tooLarge
        + " too large to check (refused)";
  }
}
