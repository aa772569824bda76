package org.kylinupgrade.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code kylin-upgrade upgrade --from-folder IN --to-folder OUT} (the script given) in a fresh JVM, timed from process start
 * to exit (JVM start, Spark start, the upgrade and the shutdown), with the start script's class-data sharing archive
 * kept in the given folder ({@link StartArchive}). Its output goes to a log file.
 */
final class WholeCommand {
  private final Path script;
  private final Path cds;

  WholeCommand(Path script, Path cds) {
    this.script = script;
    this.cds = cds;
    if (!Files.isExecutable(script)) {
      throw new IllegalStateException(script + " is not there or not executable");
    }
  }

  /** Runs one upgrade into {@code out}, a folder not there yet ({@link RunFolders}); returns the wall-clock nanos. */
  long upgrade(Path in, Path out, Path log) throws IOException, InterruptedException {
    Files.createDirectories(log.getParent());
    ProcessBuilder builder = new ProcessBuilder(List.of(script.toString(), "upgrade",
        "--from-folder", in.toString(), "--to-folder", out.toString()))
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("KYLIN_UPGRADE_CDS_DIR", cds.toString());
    long start = System.nanoTime();
    int exit = builder.start().waitFor();
    long nanos = System.nanoTime() - start;
    if (exit != 0) {
      throw new IllegalStateException("upgrade of " + in.getFileName() + " exited with " + exit + "; see " + log);
    }
    long expected = Folders.countFiles(in);
    long written = Folders.countFiles(out);
    if (written != expected) {
      throw new IllegalStateException("upgrade of " + in.getFileName() + " wrote " + written + " files, not "
          + expected + "; see " + log);
    }
    return nanos;
  }
}
