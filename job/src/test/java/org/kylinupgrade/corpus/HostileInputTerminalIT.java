package org.kylinupgrade.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kylinupgrade.TestData;
import org.kylinupgrade.jobs.ExitCodes;
import org.kylinupgrade.jobs.UpgradeJob;
import org.kylinupgrade.runtime.JvmFlags;

/**
 * What the operator's terminal shows when bad input is found inside a Spark task: the job runs in a child JVM with
 * the shipped {@code conf/log4j2.properties}, as the launcher runs it, and its whole output is read. Spark's executor
 * and scheduler would print the task's stack trace before the job's message; they must not, unless
 * {@code KYLIN_UPGRADE_DEBUG} is set.
 */
class HostileInputTerminalIT {
  /** The progress lines of a run: the progress log's, and the line that ends a phase. */
  private static final java.util.regex.Pattern PROGRESS =
      java.util.regex.Pattern.compile("^(\\S+ INFO  progress: |[a-z ]+: \\d+/\\d+ tasks, )");
  @TempDir
  Path tmp;

  private record Terminal(int exit, String text) {
  }

  private Terminal upgrade(Path in, Path out, boolean debug) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    command.addAll(JvmFlags.jdk17());
    command.add("-Dlog4j2.configurationFile=" + TestData.repo().resolve("conf/log4j2.properties").toUri());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(UpgradeJob.class.getName());
    command.addAll(List.of("--from-folder", in.toString(), "--to-folder", out.toString(), "--master", "local[1]"));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().remove("KYLIN_UPGRADE_DEBUG");
    if (debug) {
      builder.environment().put("KYLIN_UPGRADE_DEBUG", "1");
    }
    Path log = tmp.resolve("terminal-" + System.nanoTime() + ".txt");
    builder.redirectOutput(log.toFile());
    Process process = builder.start();
    if (!process.waitFor(180, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("the upgrade did not end in 180 s:\n" + Files.readString(log));
    }
    return new Terminal(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  /** A desc that is not JSON is found by an executor: one paragraph naming it, no stack trace; debug shows Spark's. */
  @Test
  void badInputFoundInASparkTaskPrintsNoStackTrace() throws Exception {
    HostileFolders.Case broken = HostileFolders.all().stream().filter(c -> c.name().equals("malformed-desc"))
        .findFirst().orElseThrow();
    Path in = broken.generate(tmp.resolve("case"));

    Terminal quiet = upgrade(in, tmp.resolve("out"), false);
    assertEquals(ExitCodes.BAD_INPUT, quiet.exit(), quiet.text());
    assertTrue(quiet.text().contains("/" + HostileFolders.DESC), quiet.text());
    assertFalse(HostileInputIT.STACK_LINE.matcher(quiet.text()).find(), "stack trace on the terminal:\n" + quiet.text());
    assertFalse(quiet.text().contains("Executor") || quiet.text().contains("TaskSetManager"), quiet.text());
    assertTrue(quiet.text().strip().lines().filter(l -> !PROGRESS.matcher(l).find()).count() <= 3,
        "one short paragraph besides the progress lines:\n" + quiet.text());
    assertFalse(Files.exists(tmp.resolve("out")));

    Terminal debug = upgrade(in, tmp.resolve("out-debug"), true);
    assertEquals(ExitCodes.BAD_INPUT, debug.exit(), debug.text());
    assertTrue(HostileInputIT.STACK_LINE.matcher(debug.text()).find(), "KYLIN_UPGRADE_DEBUG=1 shows Spark's stack "
        + "trace:\n" + debug.text());
  }
}
