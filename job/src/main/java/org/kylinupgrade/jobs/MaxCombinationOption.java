package org.kylinupgrade.jobs;

import org.kylinupgrade.cuboid.V15Cuboids;
import org.kylinupgrade.metadata.BadInputException;
import org.kylinupgrade.rules.UpgradeTarget;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * {@code --max-combination}: the limit of combinations per aggregation group of the operator's Kylin, for a
 * {@code kylin.properties} that changes Kylin's default. Kylin 1.5 refuses to load a cube desc with a group above its
 * limit, so the groups the upgrade writes, and the checks of what it wrote, keep to the operator's.
 */
public final class MaxCombinationOption {
  public static final String NAME = "--max-combination";

  @Option(names = NAME, paramLabel = "N",
      description = "your Kylin's kylin.cube.aggrgroup.max.combination, if its kylin.properties changes it (default "
          + V15Cuboids.DEFAULT_MAX_COMBINATION + ", Kylin's): with --to 1.5, aggregation groups are written and "
          + "checked within it")
  // text, not a number, so that a command line with a scheduler's placeholder for it still parses
  String value;

  /** The command this option is part of: what its command line gave. */
  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  /**
   * The limit for {@code target}; bad input when it is not a number of at least 1, or is typed on the command line for
   * 1.4-alpha, whose Kylin has no such limit. A value from the launcher's environment or conf file is a setting for
   * every run: one that targets 1.4-alpha does not use it.
   */
  int forTarget(UpgradeTarget target) {
    if (value == null || target != UpgradeTarget.V1_5 && !typed()) {
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

  /**
   * Whether a configured value of the option (the launcher's environment or conf file) goes to a run with {@code --to
   * to} (null: the default target): only the 1.5 target has the limit. An unknown release is left to the job to refuse.
   */
  public static boolean configuredValueApplies(String to) {
    try {
      return UpgradeJob.target(to) == UpgradeTarget.V1_5;
    } catch (BadInputException e) {
      return true;
    }
  }

  /** Whether the value was on the command line, not from a default provider. */
  private boolean typed() {
    ParseResult parsed = command == null ? null : command.commandLine().getParseResult();
    return parsed == null || parsed.hasMatchedOption(NAME);
  }

  private BadInputException notALimit() {
    return new BadInputException("--max-combination " + value + ": name the positive limit your kylin.properties sets "
        + "as kylin.cube.aggrgroup.max.combination");
  }
}
