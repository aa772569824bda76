package org.kylinupgrade.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kylinupgrade.jobs.ExitCodes;

/** The README's flow on the embedded default: local-hbase start, load, info, dump, stop; two instances side by side. */
class LocalHBaseIT {
  @TempDir
  Path tmp;

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static Path repo() {
    return Path.of(System.getProperty("kylin.upgrade.repo", "..")).toAbsolutePath().normalize();
  }

  @Test
  void twoLocalHBasesServeTheOperatorsCommands() throws IOException {
    Path first = tmp.resolve("first");
    Path second = tmp.resolve("second");
    String firstPort = Integer.toString(freePort());
    String secondPort = Integer.toString(freePort());
    try {
      assertEquals(ExitCodes.OK, Main.run("local-hbase", "start", "--dir", first.toString(), "--port", firstPort));
      assertEquals(ExitCodes.OK, Main.run("local-hbase", "start", "--dir", second.toString(), "--port", secondPort));
      assertEquals(ExitCodes.OK, Main.run("local-hbase", "status", "--dir", first.toString()));
      assertTrue(Files.isRegularFile(first.resolve("hbase-site.xml")));

      Path sample = repo().resolve("examples/kylin-1.3.0-sample-cube");
      for (Path dir : List.of(first, second)) {
        String site = dir.resolve("hbase-site.xml").toString();
        assertEquals(ExitCodes.OK, Main.run("--hbase-site", site, "load", "--from-folder", sample.toString()));
        assertEquals(ExitCodes.OK, Main.run("info", "--hbase-site", site));
        Path out = tmp.resolve(dir.getFileName() + "-dump");
        assertEquals(ExitCodes.OK, Main.run("dump", "--to-folder", out.toString(), "--hbase-site", site));
        assertEquals(files(sample), files(out));
        for (String f : files(sample)) {
          assertArrayEquals(Files.readAllBytes(sample.resolve(f)), Files.readAllBytes(out.resolve(f)), f);
        }
      }
    } finally {
      Main.run("local-hbase", "stop", "--dir", first.toString());
      Main.run("local-hbase", "stop", "--dir", second.toString());
    }
    assertEquals(ExitCodes.FAILED, Main.run("local-hbase", "status", "--dir", first.toString()));
  }

  @Test
  void aBusyPortIsRefused() throws IOException {
    try (ServerSocket busy = new ServerSocket(0)) {
      assertEquals(ExitCodes.BAD_INPUT, Main.run("local-hbase", "start", "--dir", tmp.resolve("busy").toString(),
          "--port", Integer.toString(busy.getLocalPort())));
    }
  }

  private static List<String> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().collect(Collectors.toList());
    }
  }
}
