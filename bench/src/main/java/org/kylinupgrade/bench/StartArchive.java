package org.kylinupgrade.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The start script's class-data sharing archive, kept in a folder of the bench's own: the first command that starts
 * Spark lists its classes and the script dumps the archive in the background after it; timed runs wait for it.
 */
final class StartArchive {
  private StartArchive() {
  }

  /** Waits while the start script's background dump of its archive runs (a lock file beside the archive). */
  static void waitFor(Path cds) throws IOException, InterruptedException {
    long start = System.nanoTime();
    while (hasFile(cds, ".lock") && System.nanoTime() - start < 900e9) {
      Thread.sleep(1000);
    }
    System.out.printf("class-data sharing archive: %s (waited %.0f s)%n", hasFile(cds, ".jsa") ? "made" : "NONE",
        (System.nanoTime() - start) / 1e9);
  }

  private static boolean hasFile(Path dir, String suffix) throws IOException {
    try (var files = Files.list(dir)) {
      return files.anyMatch(f -> f.getFileName().toString().endsWith(suffix));
    }
  }
}
