package org.kylinupgrade.jobs;

import org.kylinupgrade.cuboid.V15Cuboids;
import org.kylinupgrade.metadata.BadInputException;
import org.kylinupgrade.rules.UpgradeTarget;
import picocli.CommandLine.Option;

/**
 * {@code --max-combination}: the limit of combinations per aggregation group of the operator's Kylin, for a
 * {@code kylin.properties} that changes Kylin's default. Kylin 1.5 refuses to load a cube desc with a group above its
 * limit, so the groups the upgrade writes, and the checks of what it wrote, keep to the operator's.
 */
final class MaxCombinationOption {
  @Option(names = "--max-combination", paramLabel = "N",
      description = "your Kylin's kylin.cube.aggrgroup.max.combination, if its kylin.properties changes it (default "
          + V15Cuboids.DEFAULT_MAX_COMBINATION + ", Kylin's): with --to 1.5, aggregation groups are written and "
          + "checked within it")
  // text, not a number, so that a command line with a scheduler's placeholder for it still parses
  String value;

  /**
   * The limit for {@code target}; bad input when it is not a number of at least 1, or is given for 1.4-alpha, whose
   * Kylin has no such limit.
   */
  int forTarget(UpgradeTarget target) {
    if (value == null) {
      return V15Cuboids.DEFAULT_MAX_COMBINATION;
    }
    if (target != UpgradeTarget.V1_5) {
      throw new BadInputException("--max-combination goes with --to 1.5: " + target.release() + " (--to "
          + target.label() + ") has no limit of combinations per aggregation group");
    }
    int limit;
    try {
      limit = Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw notALimit();
    }
    if (limit < 1) {
      throw notALimit();
    }
    return limit;
  }

  private BadInputException notALimit() {
    return new BadInputException("--max-combination " + value + ": name the positive limit your kylin.properties sets "
        + "as kylin.cube.aggrgroup.max.combination");
  }
}
