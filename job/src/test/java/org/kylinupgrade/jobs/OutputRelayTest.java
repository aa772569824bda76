package org.kylinupgrade.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kylinupgrade.report.Console;

class OutputRelayTest {
  @TempDir
  Path tmp;

  @Test
  void everyLineTheJobPrintsIsRelayedAsItIsWrittenWithSecretsMasked() throws IOException {
    Path file = tmp.resolve("relay/job.out");
    ByteArrayOutputStream own = new ByteArrayOutputStream();
    try (OutputRelay relay = OutputRelay.create(file.toUri().toString(), new Configuration())) {
      PrintStream out = relay.tee(new PrintStream(own, true, StandardCharsets.UTF_8));
      out.println("read folder: 2/2 tasks, 0.1 s");
      assertEquals(List.of("read folder: 2/2 tasks, 0.1 s"), Files.readAllLines(file), "visible before the close");
      out.println("connecting to jdbc:mysql://kylin:s3cret@db/meta with password=hunter2");
      out.println();
      out.print("no line end yet");
      assertEquals(3, Files.readAllLines(file).size(), "a line is relayed once it ends");
      out.println();
    }
    assertEquals(List.of("read folder: 2/2 tasks, 0.1 s",
        "connecting to jdbc:mysql://kylin:******@db/meta with password=******", "", "no line end yet"),
        Files.readAllLines(file));
    assertEquals("read folder: 2/2 tasks, 0.1 s\nconnecting to jdbc:mysql://kylin:s3cret@db/meta with password=hunter2\n"
        + "\nno line end yet\n", own.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"),
        "the job's own output is untouched");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
        "only its owner reads what the job printed");
  }

  @Test
  void aProgressLineRewrittenInPlaceIsRelayedOncePerUpdateWithoutTheBlanksThatWipeIt() throws IOException {
    Path file = tmp.resolve("progress.out");
    try (OutputRelay relay = OutputRelay.create(file.toUri().toString(), new Configuration())) {
      Console console = new Console(Console.Level.NORMAL, relay.tee(new PrintStream(new ByteArrayOutputStream())),
          relay.tee(new PrintStream(new ByteArrayOutputStream())), true);
      console.progressLine("convert: 1/40 tasks, 2.0 s, about 78 s left");
      console.progressLine("convert: 20/40 tasks, 4.0 s, about 4.0 s left");
      console.info("a warning-free line");
      console.progressLine("convert: 30/40 tasks, 6.0 s, about 2.0 s left");
      console.progressEnd("convert: 40/40 tasks, 8.0 s");
    }
    assertEquals(List.of("convert: 1/40 tasks, 2.0 s, about 78 s left", "convert: 20/40 tasks, 4.0 s, about 4.0 s left",
        "a warning-free line", "convert: 30/40 tasks, 6.0 s, about 2.0 s left", "convert: 40/40 tasks, 8.0 s"),
        Files.readAllLines(file));
  }
}
