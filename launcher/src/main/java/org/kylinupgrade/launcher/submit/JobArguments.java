package org.kylinupgrade.launcher.submit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.kylinupgrade.jobs.MaxCombinationOption;
import org.kylinupgrade.launcher.config.LayeredDefaults;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * The arguments a submitted job gets: every option of its command that the command line, the environment
 * or the conf file set (built-in defaults are the job's own), in the command's declaration order, without
 * the launcher's options. The job on the cluster so sees exactly the configuration the launcher saw, less a configured
 * {@code max-combination} for a run with {@code --to 1.4-alpha}, whose Kylin has no such limit (typed on the command
 * line, the job refuses it).
 */
public final class JobArguments {
  private JobArguments() {
  }

  public static List<String> of(ParseResult command, LayeredDefaults defaults, Set<String> launcherOnly) {
    List<String> args = new ArrayList<>();
    for (OptionSpec option : command.commandSpec().options()) {
      String key = LayeredDefaults.key(option);
      if (launcherOnly.contains(key) || option.usageHelp() || option.versionHelp()) {
        continue;
      }
      boolean flag = option.arity().max() == 0;
      if (command.hasMatchedOption(option)) {
        if (flag) {
          if (Boolean.TRUE.equals(option.getValue())) {
            args.add(option.longestName());
          }
        } else {
          for (String value : option.originalStringValues()) {
            args.add(option.longestName());
            args.add(value);
          }
        }
        continue;
      }
      Optional<LayeredDefaults.Setting> setting = defaults.lookup(option);
      if (setting.isPresent() && !appliesToTarget(command, option)) {
        continue;
      }
      if (setting.isPresent()) {
        if (!flag) {
          args.add(option.longestName());
          args.add(setting.get().value());
        } else if (Boolean.parseBoolean(setting.get().value())) {
          args.add(option.longestName());
        }
      }
    }
    for (PositionalParamSpec positional : command.matchedPositionals()) {
      args.addAll(positional.originalStringValues());
    }
    return args;
  }

  private static boolean appliesToTarget(ParseResult command, OptionSpec option) {
    OptionSpec to = command.commandSpec().findOption("--to");
    return !option.longestName().equals(MaxCombinationOption.NAME) || to == null
        || MaxCombinationOption.configuredValueApplies(to.getValue());
  }
}
