package org.kylinupgrade.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.kylinupgrade.runtime.JvmFlags;

/**
 * A main class of this module in a fresh JVM with the bench JVM's own classpath and the JDK 17 flags, output to a
 * log file, timed from process start to exit.
 */
final class ChildJvm {
  private final String heap;
  private final List<String> extraFlags;

  /** {@code heap} as {@code -Xmx}, e.g. "2g" (the CLI script's default). */
  ChildJvm(String heap, List<String> extraFlags) {
    this.heap = heap;
    this.extraFlags = List.copyOf(extraFlags);
  }

  /** Runs {@code mainClass} with {@code args}; returns the wall-clock nanoseconds; a non-zero exit throws. */
  long run(Class<?> mainClass, List<String> args, Path log) throws IOException, InterruptedException {
    Files.createDirectories(log.getParent());
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-Xmx" + heap);
    command.addAll(JvmFlags.jdk17());
    String log4j = System.getProperty("log4j2.configurationFile");
    if (log4j != null) {
      command.add("-Dlog4j2.configurationFile=" + log4j);
    }
    command.addAll(extraFlags);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass.getName());
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    long start = System.nanoTime();
    int exit = builder.start().waitFor();
    long nanos = System.nanoTime() - start;
    if (exit != 0) {
      throw new IllegalStateException(mainClass.getSimpleName() + " exited with " + exit + "; see " + log);
    }
    return nanos;
  }

  /** The last line of {@code log} that starts with {@code prefix}. */
  static String lastLine(Path log, String prefix) throws IOException {
    List<String> lines = Files.readAllLines(log);
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (lines.get(i).startsWith(prefix)) {
        return lines.get(i);
      }
    }
    throw new IllegalStateException("no line starting with '" + prefix + "' in " + log);
  }
}
