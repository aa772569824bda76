package org.kylinupgrade.kylin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.kylinupgrade.TestData;

/**
 * A released Kylin as a client of a metadata folder: Kylin's own metadata managers, from Maven Central, in a child
 * JVM with Kylin's own libraries (their Jackson 2.2 and Guava 14 cannot share a class path with ours).
 *
 * <p>The {@code kylin-clients/kylin-<version>} modules build the child program and copy the version's libraries
 * to their {@code target/lib}; the tests find them through the {@code kylin.clients.dir} system property (set by
 * the job module's build), else {@code kylin-clients/} in the repository. The child never writes into the folder
 * it is given.
 */
public final class KylinClient {
  /** The Kylin versions there is a client module for. */
  public enum Version {
    V1_5_4_1("1.5.4.1"), V1_6_0("1.6.0");

    public final String text;

    Version(String text) {
      this.text = text;
    }

    @Override
    public String toString() {
      return text;
    }
  }

  private static final String MAIN = "org.kylinupgrade.kylinclient.KylinChild";

  private KylinClient() {
  }

  /** Loads every table, model, cube desc, cube and project of {@code folder} with the version's managers. */
  public static KylinLoad load(Version version, Path folder) {
    return load(version, folder, java.util.Map.of());
  }

  /**
   * As {@link #load(Version, Path)}, by a Kylin whose configuration sets {@code kylinProperties} (as system
   * properties, which Kylin's configuration reads over its {@code kylin.properties}).
   */
  public static KylinLoad load(Version version, Path folder, java.util.Map<String, String> kylinProperties) {
    requireFolder(folder);
    Run run = runWith(version, null, kylinProperties, "load", folder.toAbsolutePath().toString());
    return KylinLoad.parse(version, run.stdout, run.stderr, run.elapsed);
  }

  /**
   * Runs Kylin 1.5.4.1's own upgrade entry, {@code CubeMetadataUpgradeEntry_v_1_5_1}, on a copy of
   * {@code folder}; its upgraded workspace becomes {@code out} (which must not exist or be empty).
   */
  public static KylinUpgrade upgrade151(Path folder, Path out) {
    requireFolder(folder);
    Run run = run(Version.V1_5_4_1, "upgrade151", folder.toAbsolutePath().toString(),
        out.toAbsolutePath().toString());
    return KylinUpgrade.parse(run.stdout, run.stderr, run.elapsed);
  }

  /**
   * Runs Kylin 1.5.4.1's {@code ExtendCubeToHybridCLI.createFromCube(project, cube, partitionDate)} on a copy of
   * {@code folder} with Kylin's folder store; the copy, as the tool left it, becomes {@code out} (which must not
   * exist). The tool's last step copies ACL entries in HBase, which the child does not have: that step throws, after
   * every metadata write ({@link KylinExtend#aclStepFailed()}).
   *
   * @param partitionDate null for none
   */
  public static KylinExtend extendCubeToHybrid(Path folder, Path out, String project, String cube,
      String partitionDate) {
    requireFolder(folder);
    List<String> args = new ArrayList<>(List.of("hybrid", folder.toAbsolutePath().toString(),
        out.toAbsolutePath().toString(), project, cube));
    if (partitionDate != null) {
      args.add(partitionDate);
    }
    Run run = runWith(Version.V1_5_4_1, STORAGE_LIBRARIES, args.toArray(new String[0]));
    return KylinExtend.parse(run.stdout, run.stderr);
  }

  /** Kylin 1.5.4.1's {@code HybridManager} and realization registry on {@code folder}: one row per hybrid file. */
  public static KylinHybrids hybrids(Path folder) {
    requireFolder(folder);
    Run run = runWith(Version.V1_5_4_1, STORAGE_LIBRARIES, "hybrids", folder.toAbsolutePath().toString());
    return KylinHybrids.parse(run.stdout, run.stderr);
  }

  /** The folder holding the {@code kylin-<version>} client modules. */
  public static Path clientsDir() {
    String dir = System.getProperty("kylin.clients.dir");
    return dir == null || dir.isEmpty() ? TestData.repo().resolve("kylin-clients")
        : Paths.get(dir).toAbsolutePath().normalize();
  }

  /** The child JVM's class path for a version: the compiled program and the version's libraries. */
  public static String classPath(Version version) {
    return classPath(version, null);
  }

  /**
   * The class path with, when {@code extra} is given, a further folder of the client module's {@code target}: Kylin's
   * storage jars ({@code lib-storage}) for the hybrid commands.
   */
  static String classPath(Version version, String extra) {
    Path target = clientsDir().resolve("kylin-" + version.text).resolve("target");
    Path classes = target.resolve("classes");
    Path lib = target.resolve("lib");
    if (!Files.isRegularFile(classes.resolve(MAIN.replace('.', '/') + ".class")) || !Files.isDirectory(lib)
        || (extra != null && !Files.isDirectory(target.resolve(extra)))) {
      throw new IllegalStateException("The Kylin " + version + " client is not built: " + target + " has no "
          + "classes/ or lib/" + (extra == null ? "" : " or " + extra + "/") + ". Build it once with "
          + "`mvn install -DskipTests` at the repository root (module kylin-clients/kylin-" + version + ", which comes "
          + "before job in the reactor), or point the system property kylin.clients.dir at the kylin-clients folder.");
    }
    return classes + java.io.File.pathSeparator + lib.resolve("*")
        + (extra == null ? "" : java.io.File.pathSeparator + target.resolve(extra).resolve("*"));
  }

  /** Kylin's {@code kylin-storage-hbase} and {@code kylin-core-storage} jars, without HBase (1.5.4.1 only). */
  private static final String STORAGE_LIBRARIES = "lib-storage";

  private static Duration timeout() {
    return Duration.ofSeconds(Long.getLong("kylin.client.timeout.seconds", 120));
  }

  private record Run(String stdout, String stderr, Duration elapsed) {
  }

  private static Run run(Version version, String... args) {
    return runWith(version, null, args);
  }

  private static Run runWith(Version version, String extraLibraries, String... args) {
    return runWith(version, extraLibraries, java.util.Map.of(), args);
  }

  private static Run runWith(Version version, String extraLibraries, java.util.Map<String, String> kylinProperties,
      String... args) {
    String classPath = classPath(version, extraLibraries);
    Path scratch;
    try {
      scratch = Files.createTempDirectory("kylin-client-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      List<String> command = new ArrayList<>();
      command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
      // a short-lived JVM: start fast, small heap
      command.add("-XX:TieredStopAtLevel=1");
      command.add("-XX:+UseSerialGC");
      command.add("-Xmx512m");
      command.add("-Djava.io.tmpdir=" + scratch);
      kylinProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
      command.add("-cp");
      command.add(classPath);
      command.add(MAIN);
      command.addAll(List.of(args));
      Path stdout = scratch.resolve("stdout.tsv");
      Path stderr = scratch.resolve("stderr.log");
      ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile())
          .redirectError(stderr.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullFile()));
      builder.environment().remove("KYLIN_HOME");
      builder.environment().remove("KYLIN_CONF");
      long start = System.nanoTime();
      Process process = builder.start();
      boolean finished;
      try {
        finished = process.waitFor(timeout().toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while Kylin " + version + " ran", e);
      }
      if (!finished) {
        process.destroyForcibly();
        try {
          process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      String out = Files.readString(stdout, StandardCharsets.UTF_8);
      String err = Files.readString(stderr, StandardCharsets.UTF_8);
      if (!finished) {
        throw new IllegalStateException("Kylin " + version + " " + String.join(" ", args) + " did not finish in "
            + timeout() + "; its stderr ends with:\n" + tail(err));
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException("Kylin " + version + " " + String.join(" ", args) + " exited with "
            + process.exitValue() + "; its stderr ends with:\n" + tail(err));
      }
      return new Run(out, err, elapsed);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteTree(scratch);
    }
  }

  private static java.io.File nullFile() {
    return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }

  /** The last lines of a log, for failure messages. */
  static String tail(String log) {
    String[] lines = log.split("\n", -1);
    int from = Math.max(0, lines.length - 80);
    return String.join("\n", java.util.Arrays.asList(lines).subList(from, lines.length));
  }

  private static void requireFolder(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException("not a metadata folder: " + folder);
    }
  }

  private static void deleteTree(Path root) {
    try (var walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk.sorted(java.util.Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a scratch folder under the temp dir; leaving it is harmless
    }
  }
}
