package org.kylinupgrade.rules;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/** What the operator asked for; the same for every group of a run. */
public final class UpgradeOptions implements Serializable {
  private static final long serialVersionUID = 1L;

  private final long runTimestamp;
  private final Set<String> descsInScope;
  private final Set<String> descKeysInScope;
  private final Set<String> purgeCubes;
  private final Set<String> purgeKeys;

  private UpgradeOptions(long runTimestamp, Set<String> descsInScope, Set<String> purgeCubes) {
    this.runTimestamp = runTimestamp;
    this.descsInScope = descsInScope == null ? null : Collections.unmodifiableSet(new LinkedHashSet<>(descsInScope));
    this.descKeysInScope = descsInScope == null ? null
        : descsInScope.stream().map(Names::key).collect(Collectors.toUnmodifiableSet());
    this.purgeCubes = Collections.unmodifiableSet(new LinkedHashSet<>(purgeCubes));
    this.purgeKeys = purgeCubes.stream().map(Names::key).collect(Collectors.toUnmodifiableSet());
  }

  /** All cube descs in scope, nothing to purge. */
  public static UpgradeOptions of(long runTimestamp) {
    return new UpgradeOptions(runTimestamp, null, Set.of());
  }

  /** {@code descs} = names of the cube descs to convert (matched case-insensitively); null = all. */
  public UpgradeOptions withDescsInScope(Set<String> descs) {
    return new UpgradeOptions(runTimestamp, descs, purgeCubes);
  }

  public UpgradeOptions withPurgeCubes(Set<String> cubes) {
    return new UpgradeOptions(runTimestamp, descsInScope, cubes == null ? Set.of() : cubes);
  }

  /** Store timestamp and JSON {@code last_modified} of every rewritten resource. */
  public long runTimestamp() {
    return runTimestamp;
  }

  /** Null = every cube desc. */
  public Set<String> descsInScope() {
    return descsInScope;
  }

  /** Cubes to purge before the conversion as Kylin's {@code CubeService.purgeCube} does (spec §8, "Highlights 1"). */
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
    return "UpgradeOptions[runTimestamp=" + runTimestamp + ", descsInScope=" + descsInScope + ", purgeCubes="
        + purgeCubes + "]";
  }
}
