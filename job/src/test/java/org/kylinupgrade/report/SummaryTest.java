package org.kylinupgrade.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the terminal shows of many changes at each level. */
class SummaryTest {
  private static Summary changes(int descs, int models) {
    Summary summary = new Summary("changes");
    for (int i = 0; i < descs; i++) {
      summary.add("cube desc", "  /cube_desc/d" + i + ".json: converted", "      drops properties v2 does not know: /x");
    }
    for (int i = 0; i < models; i++) {
      summary.add("model", "  /model_desc/m" + i + ".json: derived");
    }
    return summary;
  }

  @Test
  void theDefaultShowsTheCountsTheFirstTwentyAndWhereTheRestAre() {
    List<String> lines = changes(30, 5).lines(false, "in the report r.json");
    assertEquals("changes: 35 (30 cube desc, 5 model)", lines.get(0));
    assertEquals("  /cube_desc/d0.json: converted", lines.get(1));
    assertEquals("      drops properties v2 does not know: /x", lines.get(2));
    assertEquals(1 + 2 * Summary.SHOWN + 1, lines.size(), String.join("\n", lines));
    assertEquals("  /cube_desc/d19.json: converted", lines.get(2 * Summary.SHOWN - 1));
    assertEquals("  ... 15 more changes in the report r.json (--verbose prints them all)", lines.get(lines.size() - 1));
  }

  @Test
  void allShowsEveryEntryAndNoMoreLine() {
    List<String> lines = changes(30, 5).lines(true, "in the report r.json");
    assertEquals(1 + 30 * 2 + 5, lines.size());
    assertEquals("  /model_desc/m4.json: derived", lines.get(lines.size() - 1));
  }

  @Test
  void withoutAReportTheMoreLineSaysHowToGetThem() {
    List<String> lines = changes(0, 21).lines(false, null);
    assertEquals("changes: 21 (21 model)", lines.get(0));
    assertEquals("  ... 1 more changes: pass --verbose to print them all, or --report FILE to write them",
        lines.get(lines.size() - 1));
    assertEquals("  ... 1 more changes (--verbose prints them all)", changes(0, 21).lines(false, "").get(21));
  }

  @Test
  void fewEntriesAreAllShownAndNothingIsPrintedForNone() {
    assertEquals(List.of("changes: 2 (2 model)", "  /model_desc/m0.json: derived", "  /model_desc/m1.json: derived"),
        changes(0, 2).lines(false, null));
    assertEquals(List.of(), changes(0, 0).lines(false, "in the report r.json"));
  }

  @Test
  void entriesWithoutAKindAreCountedWithoutOne() {
    Summary warnings = new Summary("warnings").add("", "  warning: a").add("", "  warning: b");
    assertEquals(List.of("warnings: 2", "  warning: a", "  warning: b"), warnings.lines(false, null));
  }

  private static String printed(Console.Level level, boolean asWarnings) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Console console = new Console(level, new PrintStream(out, true), new PrintStream(new ByteArrayOutputStream(), true));
    Summary summary = changes(25, 0);
    if (asWarnings) {
      summary.printWarnings(console, "in the report r.json");
    } else {
      summary.printInfo(console, "in the report r.json");
    }
    return new String(out.toByteArray(), StandardCharsets.UTF_8);
  }

  private static long lineCount(String text) {
    return text.isEmpty() ? 0 : text.split(System.lineSeparator(), -1).length - 1;
  }

  @Test
  void theLevelDecidesHowMuchIsPrinted() {
    assertEquals(0, lineCount(printed(Console.Level.QUIET, false)), "changes are not printed with --quiet");
    assertEquals(1 + 2 * Summary.SHOWN + 1, lineCount(printed(Console.Level.NORMAL, false)));
    assertEquals(1 + 2 * 25, lineCount(printed(Console.Level.VERBOSE, false)));
    List<String> expected = new ArrayList<>(changes(25, 0).lines(false, "in the report r.json"));
    assertEquals(String.join(System.lineSeparator(), expected) + System.lineSeparator(), printed(Console.Level.QUIET, true),
        "warnings are printed at every level, summed up but with --verbose");
  }
}
