package org.kylinupgrade.launcher.config;

import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Where an option's value comes from when the command line does not give it: the environment
 * ({@code KYLIN_UPGRADE_<OPTION>}, for example {@code KYLIN_UPGRADE_METADATA_URL}), then
 * {@code conf/kylin-upgrade.properties} ({@code <command>.<option>} before {@code <option>}), then the
 * option's built-in default.
 */
public final class LayeredDefaults implements IDefaultValueProvider {
  public static final String ENV_PREFIX = "KYLIN_UPGRADE_";
  /** Options that only make sense on a command line; Spark properties belong in spark-defaults.conf. */
  private static final Set<String> COMMAND_LINE_ONLY = Set.of("help", "version", "print-command", "conf");

  public record Setting(String value, String source) {
  }

  private final LauncherEnvironment environment;
  private final Properties properties;

  public LayeredDefaults(LauncherEnvironment environment) {
    this.environment = environment;
    this.properties = environment.properties();
  }

  public static String key(OptionSpec option) {
    return option.longestName().replaceFirst("^-+", "");
  }

  public static String envVar(String key) {
    return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  public static boolean configurable(OptionSpec option) {
    return !COMMAND_LINE_ONLY.contains(key(option));
  }

  @Override
  public String defaultValue(ArgSpec arg) {
    return arg.isOption() ? lookup((OptionSpec) arg).map(Setting::value).orElse(null) : null;
  }

  public Optional<Setting> lookup(OptionSpec option) {
    if (!configurable(option)) {
      return Optional.empty();
    }
    String key = key(option);
    String var = envVar(key);
    Optional<String> fromEnv = environment.env(var);
    if (fromEnv.isPresent()) {
      return Optional.of(new Setting(fromEnv.get(), "environment " + var));
    }
    String command = option.command() == null ? null : option.command().name();
    for (String property : command == null ? new String[] {key} : new String[] {command + "." + key, key}) {
      String value = properties.getProperty(property);
      if (value != null && !value.isBlank()) {
        return Optional.of(new Setting(value.trim(), environment.propertiesSource() + " (" + property + ")"));
      }
    }
    return Optional.empty();
  }
}
