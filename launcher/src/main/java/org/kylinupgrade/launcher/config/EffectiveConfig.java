package org.kylinupgrade.launcher.config;

import java.io.PrintWriter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.kylinupgrade.conf.Secrets;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/** What {@code info} prints first: every option's effective value and where it came from, secrets masked. */
public final class EffectiveConfig {
  private static final Set<String> NOT_CONFIGURATION = Set.of("print-command", "show-config");

  private EffectiveConfig() {
  }

  public static void print(PrintWriter out, ParseResult command, LayeredDefaults defaults, Map<String, String> sparkConf) {
    out.println("effective configuration (command line > environment " + LayeredDefaults.ENV_PREFIX
        + "<OPTION> > conf file > built-in default):");
    for (OptionSpec option : command.commandSpec().options()) {
      String key = LayeredDefaults.key(option);
      if (option.usageHelp() || option.versionHelp() || NOT_CONFIGURATION.contains(key)) {
        continue;
      }
      String value = Secrets.mask(key, display(option.getValue()));
      out.printf("  %-20s %-40s %s%n", option.longestName(), value == null ? "-" : value, source(command, option, defaults));
    }
    if (!sparkConf.isEmpty()) {
      out.println("Spark properties (conf/spark-defaults.conf, then --conf):");
      sparkConf.forEach((key, value) -> out.printf("  %s = %s%n", key, Secrets.mask(key, value)));
    }
    out.flush();
  }

  private static String source(ParseResult command, OptionSpec option, LayeredDefaults defaults) {
    if (command.hasMatchedOption(option)) {
      return "command line";
    }
    Optional<LayeredDefaults.Setting> setting = defaults.lookup(option);
    return setting.map(LayeredDefaults.Setting::source).orElse("built-in default");
  }

  private static String display(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Collection<?> values) {
      return values.isEmpty() ? null : values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
    if (value instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        return null;
      }
      Map<String, String> masked = new LinkedHashMap<>();
      map.forEach((k, v) -> masked.put(String.valueOf(k), Secrets.mask(String.valueOf(k), String.valueOf(v))));
      return masked.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }
    return String.valueOf(value);
  }
}
