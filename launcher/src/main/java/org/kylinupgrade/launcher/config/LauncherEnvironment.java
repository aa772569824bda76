package org.kylinupgrade.launcher.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.kylinupgrade.launcher.submit.JobBuild;

/**
 * What the launcher finds around it: the environment, the conf folder ({@code kylin-upgrade.properties},
 * {@code spark-defaults.conf}, {@code log4j2.properties}) and the installation it belongs to.
 */
public final class LauncherEnvironment {
  public static final String CONF_DIR_PROPERTY = "kylin-upgrade.conf.dir";
  public static final String HOME_PROPERTY = "kylin-upgrade.home";
  public static final String PROPERTIES_FILE = "kylin-upgrade.properties";
  public static final String SPARK_DEFAULTS_FILE = "spark-defaults.conf";
  public static final String LOG4J_FILE = "log4j2.properties";
  public static final String HBASE_SITE = "hbase-site.xml";

  private final Map<String, String> env;
  private final Path confDir;
  private final Path home;

  public LauncherEnvironment(Map<String, String> env, Path confDir, Path home) {
    this.env = Map.copyOf(env);
    this.confDir = confDir;
    this.home = home;
  }

  /** This process's: the conf folder and home the {@code kylin-upgrade} script names. */
  public static LauncherEnvironment current() {
    Map<String, String> env = System.getenv();
    String confDir = System.getProperty(CONF_DIR_PROPERTY, env.get("KYLIN_UPGRADE_CONF_DIR"));
    String home = System.getProperty(HOME_PROPERTY, env.get("KYLIN_UPGRADE_HOME"));
    return new LauncherEnvironment(env, confDir == null ? null : Path.of(confDir), home == null ? null : Path.of(home));
  }

  public Map<String, String> env() {
    return env;
  }

  public Optional<String> env(String name) {
    return Optional.ofNullable(env.get(name)).filter(v -> !v.isEmpty());
  }

  public Optional<Path> confFile(String name) {
    return Optional.ofNullable(confDir).map(dir -> dir.resolve(name)).filter(Files::isRegularFile);
  }

  /** {@code conf/kylin-upgrade.properties}: the operator's defaults for the options. */
  public Properties properties() {
    Properties properties = new Properties();
    confFile(PROPERTIES_FILE).ifPresent(file -> {
      try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        properties.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    return properties;
  }

  public String propertiesSource() {
    return confFile(PROPERTIES_FILE).map(Path::toString).orElse(PROPERTIES_FILE);
  }

  /** {@code conf/spark-defaults.conf} in Spark's own format: a key, white space, the value. */
  public Map<String, String> sparkDefaults() {
    Map<String, String> conf = new LinkedHashMap<>();
    confFile(SPARK_DEFAULTS_FILE).ifPresent(file -> {
      try {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          String trimmed = line.trim();
          if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            continue;
          }
          String[] keyValue = trimmed.split("\\s+", 2);
          conf.put(keyValue[0], keyValue.length > 1 ? keyValue[1].trim() : "");
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    return conf;
  }

  public Optional<Path> log4jConfig() {
    return confFile(LOG4J_FILE);
  }

  public static String version() {
    Properties p = new Properties();
    try (InputStream in = LauncherEnvironment.class.getResourceAsStream("/kylin-upgrade-version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p.getProperty("version", "unknown");
  }

  /**
   * The jar of a build of the jobs this installation submits: {@code lib/} of a distribution, else the one a
   * build left in the build's module; when neither exists, where a distribution keeps it (the printed command
   * says so).
   */
  public String defaultJobJar(JobBuild build) {
    String name = build.jarName(version());
    if (home == null) {
      return name;
    }
    for (Path candidate : List.of(home.resolve("lib").resolve(name), home.resolve(build.buildDir()).resolve(name))) {
      if (Files.isRegularFile(candidate)) {
        return candidate.toAbsolutePath().normalize().toString();
      }
    }
    return home.resolve("lib").resolve(name).toAbsolutePath().normalize().toString();
  }

  /** The hbase-site a command reads: the one it names, else {@code $HBASE_CONF_DIR/hbase-site.xml} when that exists. */
  public Optional<String> hbaseSite(String named) {
    if (named != null && !named.isEmpty()) {
      return Optional.of(named);
    }
    return env("HBASE_CONF_DIR").map(dir -> Path.of(dir, HBASE_SITE)).filter(Files::isRegularFile).map(Path::toString);
  }
}
