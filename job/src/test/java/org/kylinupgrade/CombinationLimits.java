package org.kylinupgrade;

import com.fasterxml.jackson.databind.JsonNode;
import org.kylinupgrade.cuboid.V15Cuboids;

/** What limit of combinations per aggregation group a desc in the 1.5 format needs. */
public final class CombinationLimits {
  private CombinationLimits() {
  }

  /** The least {@code kylin.cube.aggrgroup.max.combination} under which Kylin 1.5 loads the desc's groups. */
  public static int needed(JsonNode v15Desc) {
    int limit = 1;
    while (!V15Cuboids.of(v15Desc, limit).loads()) {
      if (limit == V15Cuboids.DEFAULT_MAX_COMBINATION) {
        throw new IllegalArgumentException("the desc's groups do not load under Kylin's default limit either");
      }
      limit++;
    }
    return limit;
  }
}
