package org.kylinupgrade.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.kylinupgrade.metadata.BadInputException;

/** What each level prints, and where. */
class ConsoleTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private Console console(Console.Level level) {
    return new Console(level, new PrintStream(out, true), new PrintStream(err, true));
  }

  private static String text(ByteArrayOutputStream bytes) {
    return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
  }

  /** One line of every kind, and a progress line. */
  private void printEveryKind(Console console) {
    console.info("info");
    console.infof("info %d", 2);
    console.detail("detail");
    console.warn("warning");
    console.error("error");
    console.progress().println("progress");
    console.outcomef("outcome %s", "done");
  }

  private static String lines(String... lines) {
    StringBuilder b = new StringBuilder();
    for (String line : lines) {
      b.append(line).append(System.lineSeparator());
    }
    return b.toString();
  }

  @Test
  void theDefaultPrintsAllButTheDetails() {
    printEveryKind(console(Console.Level.NORMAL));
    assertEquals(lines("info", "info 2", "warning", "progress", "outcome done"), text(out));
    assertEquals(lines("error"), text(err));
  }

  @Test
  void quietPrintsOnlyWarningsErrorsAndTheOutcome() {
    printEveryKind(console(Console.Level.QUIET));
    assertEquals(lines("warning", "outcome done"), text(out));
    assertEquals(lines("error"), text(err));
  }

  @Test
  void verbosePrintsEverything() {
    printEveryKind(console(Console.Level.VERBOSE));
    assertEquals(lines("info", "info 2", "detail", "warning", "progress", "outcome done"), text(out));
    assertEquals(lines("error"), text(err));
  }

  @Test
  void aFormattedLineIsTheLineThePatternMakes() {
    console(Console.Level.NORMAL).outcomef("%-6s|%4d", "a", 42);
    assertEquals(String.format("%-6s|%4d%n", "a", 42), text(out));
  }

  @Test
  void onErrMovesEveryLineToStandardErrorAtTheSameLevel() {
    Console onErr = console(Console.Level.QUIET).onErr();
    onErr.info("info");
    onErr.outcome("outcome");
    assertEquals("", text(out));
    assertEquals(lines("outcome"), text(err));
    assertEquals(Console.Level.QUIET, onErr.level());
  }

  @Test
  void aProductIsPrintedAsItIsAtEveryLevel() {
    console(Console.Level.QUIET).product("a=1\nb=2");
    assertEquals("a=1\nb=2", text(out));
  }

  @Test
  void theOptionsGiveTheLevel() {
    assertEquals(Console.Level.NORMAL, Console.level(false, false));
    assertEquals(Console.Level.QUIET, Console.level(true, false));
    assertEquals(Console.Level.VERBOSE, Console.level(false, true));
    assertThrows(BadInputException.class, () -> Console.level(true, true));
  }
}
