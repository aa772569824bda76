package org.kylinupgrade.jobs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.kylinupgrade.runtime.JvmFlags;

/**
 * A job's {@code main} in a child JVM on this test's class path, as an operator's {@code kylin-upgrade} runs it:
 * its own process, so that it can be killed for real. Its output (stdout and stderr) goes to a log file.
 */
final class ChildJvm {
  private final Process process;
  private final Path log;

  private ChildJvm(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** Starts {@code main} with {@code args} and the system properties {@code properties}. */
  static ChildJvm start(Class<?> main, Map<String, String> properties, List<String> args, Path log) {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(JvmFlags.jdk17());
    // a short-lived process beside the test JVM on a small machine: quick start, one GC thread
    command.addAll(List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
    properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(args);
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      return new ChildJvm(p, log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + main.getSimpleName() + " in a child JVM", e);
    }
  }

  Process process() {
    return process;
  }

  Path log() {
    return log;
  }

  /** Waits at most {@code seconds} for the child to end by itself; its exit code. */
  int exitWithin(long seconds) throws InterruptedException {
    assertTrue(process.waitFor(seconds, TimeUnit.SECONDS),
        "the child did not end within " + seconds + " s:\n" + tail(25));
    return process.exitValue();
  }

  /** SIGKILL on Linux, to the JVM and anything it started: no shutdown hook, no finally block runs. */
  int kill() throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    process.waitFor();
    return process.exitValue();
  }

  /** The last {@code lines} lines of the child's output, for a failure message. */
  String tail(int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
