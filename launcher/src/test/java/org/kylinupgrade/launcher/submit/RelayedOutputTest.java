package org.kylinupgrade.launcher.submit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kylinupgrade.jobs.OutputRelay;

class RelayedOutputTest {
  @TempDir
  Path tmp;

  @Test
  void theLinesADriverRelaysArriveWhileItRunsAndTheFileGoesAfterwards() throws Exception {
    Path dir = tmp.resolve("relays");
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    RelayedOutput relayed = RelayedOutput.create("kylin-upgrade upgrade", Map.of(RelayedOutput.DIR_ENV, dir.toString()),
        seen::add);
    assertTrue(relayed.file().contains("kylin-upgrade_upgrade-"), relayed.file());
    relayed.start();
    try (OutputRelay relay = OutputRelay.create(relayed.file(), new Configuration())) {
      PrintStream out = relay.tee(new PrintStream(PrintStream.nullOutputStream()));
      out.println("read folder: 2/2 tasks, 0.1 s");
      long deadline = System.currentTimeMillis() + 10_000;
      while (seen.isEmpty() && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
      }
      assertEquals(List.of("read folder: 2/2 tasks, 0.1 s"), seen, "read while the driver still writes");
      out.println("upgraded IN into OUT");
      out.println("kylin-upgrade job exit code: 0");
    }
    relayed.close();
    assertEquals(List.of("read folder: 2/2 tasks, 0.1 s", "upgraded IN into OUT", "kylin-upgrade job exit code: 0"), seen);
    assertFalse(Files.exists(Path.of(java.net.URI.create(relayed.file()))), "the relay file is deleted");
    // the sticky bit as well on HDFS (YarnIT); the local file system leaves it out
    assertEquals("rwxrwxrwx", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)),
        "every user's drivers write in the folder, as in /tmp");
  }

  @Test
  void withoutAClusterFileSystemThereIsNothingToRelayThrough() {
    IOException e = assertThrows(IOException.class,
        () -> RelayedOutput.create("kylin-upgrade upgrade", Map.of(), line -> { }));
    assertTrue(e.getMessage().contains(RelayedOutput.DIR_ENV), e.getMessage());
  }
}
