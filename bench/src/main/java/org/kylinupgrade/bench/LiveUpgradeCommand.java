package org.kylinupgrade.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code kylin-upgrade upgrade --metadata-url TABLE@hbase --hbase-site FILE} (the live upgrade; the script given)
 * in a fresh JVM, timed from process start to exit. Its output goes to a log file; the closing line gives the
 * rewritten resources and the swap window the run journaled.
 */
final class LiveUpgradeCommand {
  private static final Pattern SUMMARY = Pattern.compile(
      "^upgraded table \\S+ \\(run \\S+\\): (\\d+) resources rewritten; backup snapshot (\\S+); .*swap window (\\d+) ms$");

  private final Path script;
  private final Path hbaseSite;
  private final List<String> extraArgs;

  /** One run: wall-clock time, resources rewritten, the journal's {@code swap_window_ms} and the backup snapshot. */
  record Outcome(long nanos, long rewritten, long swapWindowMs, String backupSnapshot) {
    double seconds() {
      return nanos / 1e9;
    }
  }

  LiveUpgradeCommand(Path script, Path hbaseSite) {
    this(script, hbaseSite, List.of());
  }

  /** {@code extraArgs} are added to every upgrade command, e.g. {@code --to 1.4-alpha}. */
  LiveUpgradeCommand(Path script, Path hbaseSite, List<String> extraArgs) {
    this.script = script;
    this.hbaseSite = hbaseSite;
    this.extraArgs = List.copyOf(extraArgs);
    if (!Files.isExecutable(script)) {
      throw new IllegalStateException(script + " is not there or not executable");
    }
  }

  Outcome upgrade(MetadataTable table, Path log) throws IOException, InterruptedException {
    Files.createDirectories(log.getParent());
    List<String> command = new java.util.ArrayList<>(List.of(script.toString(), "upgrade",
        "--metadata-url", table.url(), "--hbase-site", hbaseSite.toString()));
    command.addAll(extraArgs);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    long start = System.nanoTime();
    int exit = builder.start().waitFor();
    long nanos = System.nanoTime() - start;
    if (exit != 0) {
      throw new IllegalStateException("upgrade of table " + table.name() + " exited with " + exit + "; see " + log);
    }
    List<String> lines = Files.readAllLines(log);
    for (int i = lines.size() - 1; i >= 0; i--) {
      Matcher m = SUMMARY.matcher(lines.get(i));
      if (m.matches()) {
        return new Outcome(nanos, Long.parseLong(m.group(1)), Long.parseLong(m.group(3)), m.group(2));
      }
    }
    throw new IllegalStateException("upgrade of table " + table.name() + " printed no summary line; see " + log);
  }
}
