package org.kylinupgrade.launcher;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.kylinupgrade.launcher.config.LauncherEnvironment;

/**
 * A Spark installation made of the Spark and Hadoop jars on the test classpath: {@code jars/} holds them
 * (without our code and HBase, which the cluster jar brings), and {@code bin/spark-submit} does what Spark's
 * own script does: it asks Spark's launcher library for the java command and runs it.
 */
public final class SparkDistribution {
  /** What a Spark distribution does not ship; our cluster jar brings what the job needs of it. */
  private static final List<String> NOT_IN_SPARK = List.of("kylin-upgrade", "hbase-", "picocli", "java-diff-utils",
      "opentelemetry", "junit", "opentest4j", "apiguardian", "oozie-client", "surefire", "failsafe");

  private final Path home;

  private SparkDistribution(Path home) {
    this.home = home;
  }

  public static SparkDistribution create(Path home) throws IOException {
    Path jars = Files.createDirectories(home.resolve("jars"));
    for (Path jar : classpathJars()) {
      Path link = jars.resolve(jar.getFileName());
      if (!Files.exists(link)) {
        Files.createSymbolicLink(link, jar);
      }
    }
    Path bin = Files.createDirectories(home.resolve("bin"));
    Path submit = bin.resolve("spark-submit");
    Files.writeString(submit, String.join("\n",
        "#!/usr/bin/env bash",
        "# Spark's bin/spark-submit and bin/spark-class, in short",
        "export SPARK_HOME=\"$(cd \"$(dirname \"$0\")/..\" && pwd)\"",
        "export SPARK_SCALA_VERSION=2.12",
        "java_cmd=\"${JAVA_HOME:+$JAVA_HOME/bin/}java\"",
        "build_command() {",
        "  \"$java_cmd\" -Xmx128m -cp \"$SPARK_HOME/jars/*\" org.apache.spark.launcher.Main org.apache.spark.deploy.SparkSubmit \"$@\"",
        "  printf \"%d\\0\" $?",
        "}",
        "# messages, then a NUL and a newline, then the command's words, each ended by a NUL",
        "CMD=()",
        "DELIM=$'\\n'",
        "STARTED=false",
        "while IFS= read -d \"$DELIM\" -r ARG; do",
        "  if $STARTED; then CMD+=(\"$ARG\");",
        "  elif [ \"$ARG\" == $'\\0' ] || [ -z \"$ARG\" ]; then DELIM=''; STARTED=true;",
        "  else echo \"$ARG\"; fi",
        "done < <(build_command \"$@\")",
        "LAST=$((${#CMD[@]} - 1))",
        "if [ \"${CMD[$LAST]}\" != 0 ]; then exit \"${CMD[$LAST]}\"; fi",
        "exec \"${CMD[@]:0:$LAST}\"",
        ""));
    Files.setPosixFilePermissions(submit, PosixFilePermissions.fromString("rwxr-xr-x"));
    return new SparkDistribution(home);
  }

  static List<Path> classpathJars() {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return Stream.of(classpath.split(File.pathSeparator)).map(Path::of)
        .filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p))
        .filter(p -> NOT_IN_SPARK.stream().noneMatch(p.getFileName().toString()::startsWith))
        .collect(Collectors.toList());
  }

  public Path home() {
    return home;
  }

  public Path jars() {
    return home.resolve("jars");
  }

  /** The job jar the build made: only our code and HBase, Spark and Hadoop left to the installation. */
  public static Path clusterJar() {
    Path jar = LauncherRun.repo().resolve("job/target/kylin-upgrade-job-" + LauncherEnvironment.version() + "-cluster.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: build the job module first (mvn -pl job,launcher verify)");
    }
    return jar;
  }

  public Set<String> jarNames() throws IOException {
    try (Stream<Path> jars = Files.list(jars())) {
      return jars.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    }
  }
}
