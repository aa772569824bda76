package org.kylinupgrade.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.kylinupgrade.report.Console;

/** The progress lines of a phase, and where they go. */
class PhaseProgressTest {
  @Test
  void aRunningPhaseShowsTasksTimeAndAnEstimate() {
    assertEquals("convert: 10/40 tasks, 2.0 s, about 6.0 s left", PhaseProgress.running("convert", 10, 40, 2000));
    assertEquals("convert: 0/40 tasks, 2.0 s", PhaseProgress.running("convert", 0, 40, 2000), "no estimate yet");
    assertEquals("stage: 1/100 tasks, 30 s, about 49 min 30 s left", PhaseProgress.running("stage", 1, 100, 30_000));
    assertEquals("convert: 40/40 tasks, 3.2 s", PhaseProgress.ended("convert", 40, 40, 3210));
    assertEquals("verify: 9/9 tasks, 2 min 05 s", PhaseProgress.ended("verify", 9, 9, 125_000));
  }

  @Test
  void phasesAreNamedOnceAndFoundByTheirGroup() {
    assertEquals("kylin-upgrade read snapshot", Phase.READ_SNAPSHOT.groupId());
    for (Phase phase : Phase.values()) {
      assertEquals(phase, Phase.ofGroup(phase.groupId()));
    }
    assertNull(Phase.ofGroup("convert"));
  }

  private static String text(ByteArrayOutputStream bytes) {
    return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
  }

  @Test
  void aTerminalGetsALiveLineRewrittenInPlaceAndOtherOutputOnlyTheEnd() {
    ByteArrayOutputStream terminal = new ByteArrayOutputStream();
    Console live = new Console(Console.Level.NORMAL, new PrintStream(terminal, true), System.err, true);
    live.progressLine("convert: 1/40 tasks, 2.0 s, about 78 s left");
    live.progressLine("convert: 20/40 tasks, 4.0 s");
    live.progressEnd("convert: 40/40 tasks, 8.0 s");
    live.info("changes: 0");
    String n = System.lineSeparator();
    assertEquals("\rconvert: 1/40 tasks, 2.0 s, about 78 s left\rconvert: 20/40 tasks, 4.0 s                "
        + "\rconvert: 40/40 tasks, 8.0 s" + n + "changes: 0" + n, text(terminal));

    ByteArrayOutputStream log = new ByteArrayOutputStream();
    Console notLive = new Console(Console.Level.NORMAL, new PrintStream(log, true), System.err, false);
    notLive.progressLine("convert: 1/40 tasks, 2.0 s");
    notLive.progressEnd("convert: 40/40 tasks, 8.0 s");
    assertEquals("convert: 40/40 tasks, 8.0 s" + n, text(log));

    ByteArrayOutputStream quiet = new ByteArrayOutputStream();
    Console q = new Console(Console.Level.QUIET, new PrintStream(quiet, true), System.err, true);
    q.progressLine("convert: 1/40 tasks, 2.0 s");
    q.progressEnd("convert: 40/40 tasks, 8.0 s");
    assertEquals("", text(quiet));
  }

  @Test
  void aLineAfterALiveLineWipesItFirst() {
    ByteArrayOutputStream terminal = new ByteArrayOutputStream();
    Console live = new Console(Console.Level.NORMAL, new PrintStream(terminal, true), System.err, true);
    live.progressLine("read: 1/2");
    live.warn("warning");
    assertEquals("\rread: 1/2\r         \rwarning" + System.lineSeparator(), text(terminal));
  }
}
