package org.kylinupgrade.rules;

import java.io.Serializable;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.kylinupgrade.cuboid.V15Cuboids;

/** What the operator asked for; the same for every group of a run. */
public final class UpgradeOptions implements Serializable {
  private static final long serialVersionUID = 3L;

  private final long runTimestamp;
  private final UpgradeTarget target;
  private final AggregationGroupPlanner groupPlanner;
  private final Set<String> descsInScope;
  private final Set<String> descKeysInScope;
  private final Set<String> purgeCubes;
  private final Set<String> purgeKeys;
  private final int maxCombination;

  private UpgradeOptions(long runTimestamp, UpgradeTarget target, AggregationGroupPlanner groupPlanner,
      Set<String> descsInScope, Set<String> purgeCubes, int maxCombination) {
    if (maxCombination < 1) {
      throw new IllegalArgumentException("a limit of combinations must be at least 1, not " + maxCombination);
    }
    this.maxCombination = maxCombination;
    this.runTimestamp = runTimestamp;
    this.target = Objects.requireNonNull(target, "target");
    this.groupPlanner = Objects.requireNonNull(groupPlanner, "groupPlanner");
    this.descsInScope = descsInScope == null ? null
        : Collections.unmodifiableSet(new LinkedHashSet<String>(descsInScope));
    this.descKeysInScope = descsInScope == null ? null : keys(descsInScope);
    this.purgeCubes = Collections.unmodifiableSet(new LinkedHashSet<String>(purgeCubes));
    this.purgeKeys = keys(purgeCubes);
  }

  private static Set<String> keys(Set<String> names) {
    Set<String> keys = new HashSet<String>();
    for (String name : names) {
      keys.add(Names.key(name));
    }
    return Collections.unmodifiableSet(keys);
  }

  /**
   * Kylin 1.4-alpha's upgrade ({@link UpgradeTarget#V1_4_ALPHA}), all cube descs in scope, nothing to purge. Kept
   * for the callers written before there was a choice of target.
   */
  public static UpgradeOptions of(long runTimestamp) {
    return of(runTimestamp, UpgradeTarget.V1_4_ALPHA);
  }

  /** The upgrade to {@code target}, all cube descs in scope, nothing to purge. */
  public static UpgradeOptions of(long runTimestamp, UpgradeTarget target) {
    return new UpgradeOptions(runTimestamp, target, CuboidAggregationGroupPlanner.INSTANCE, null,
        Collections.<String>emptySet(), V15Cuboids.DEFAULT_MAX_COMBINATION);
  }

  public UpgradeOptions withTarget(UpgradeTarget newTarget) {
    return new UpgradeOptions(runTimestamp, newTarget, groupPlanner, descsInScope, purgeCubes, maxCombination);
  }

  /**
   * How the conversion to 1.5 turns old aggregation groups into new ones; by default
   * {@link CuboidAggregationGroupPlanner}: Kylin's own rule where it keeps the v1 cuboids, else groups that do.
   */
  public UpgradeOptions withGroupPlanner(AggregationGroupPlanner planner) {
    return new UpgradeOptions(runTimestamp, target, planner, descsInScope, purgeCubes, maxCombination);
  }

  /** {@code descs} = names of the cube descs to convert (matched case-insensitively); null = all. */
  public UpgradeOptions withDescsInScope(Set<String> descs) {
    return new UpgradeOptions(runTimestamp, target, groupPlanner, descs, purgeCubes, maxCombination);
  }

  public UpgradeOptions withPurgeCubes(Set<String> cubes) {
    return new UpgradeOptions(runTimestamp, target, groupPlanner, descsInScope,
        cubes == null ? Collections.<String>emptySet() : cubes, maxCombination);
  }

  /**
   * For the 1.5 target: the operator's Kylin loads aggregation groups of at most {@code max} combinations ({@code
   * kylin.cube.aggrgroup.max.combination}; Kylin's default {@link V15Cuboids#DEFAULT_MAX_COMBINATION}). The groups
   * written keep to it, and descs are checked against it.
   */
  public UpgradeOptions withMaxCombination(int max) {
    return new UpgradeOptions(runTimestamp, target, groupPlanner, descsInScope, purgeCubes, max);
  }

  /** Store timestamp and JSON {@code last_modified} of every rewritten resource. */
  public long runTimestamp() {
    return runTimestamp;
  }

  /** The Kylin release whose format the upgrade writes. */
  public UpgradeTarget target() {
    return target;
  }

  /** Kylin's {@code kylin.cube.aggrgroup.max.combination} for the 1.5 target. */
  public int maxCombination() {
    return maxCombination;
  }

  public AggregationGroupPlanner groupPlanner() {
    return groupPlanner;
  }

  /** Null = every cube desc. */
  public Set<String> descsInScope() {
    return descsInScope;
  }

  /** Cubes to purge before the conversion as Kylin's {@code CubeService.purgeCube} does. */
  public Set<String> purgeCubes() {
    return purgeCubes;
  }

  /** Whether the cube of this name is to be purged; names match case-insensitively, as Kylin looks cubes up. */
  public boolean purges(String cubeName) {
    return cubeName != null && purgeKeys.contains(Names.key(cubeName));
  }

  /** Whether a cube desc is to be converted; names match case-insensitively, as v2 looks descs up. */
  public boolean inScope(String descName) {
    return descKeysInScope == null || descKeysInScope.contains(Names.key(descName));
  }

  @Override
  public String toString() {
    return "UpgradeOptions[runTimestamp=" + runTimestamp + ", target=" + target.label() + ", descsInScope="
        + descsInScope + ", purgeCubes=" + purgeCubes + ", groupPlanner=" + groupPlanner + ", maxCombination="
        + maxCombination + "]";
  }
}
