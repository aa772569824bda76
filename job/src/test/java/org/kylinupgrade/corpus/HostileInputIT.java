package org.kylinupgrade.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kylinupgrade.FolderAssertions;
import org.kylinupgrade.JobRunner;
import org.kylinupgrade.SharedHBase;
import org.kylinupgrade.SharedSpark;
import org.kylinupgrade.TestData;
import org.kylinupgrade.corpus.HostileFolders.Case;
import org.kylinupgrade.corpus.HostileFolders.Upgrade;
import org.kylinupgrade.jobs.DumpJob;
import org.kylinupgrade.jobs.ExitCodes;
import org.kylinupgrade.jobs.LoadJob;
import org.kylinupgrade.jobs.RollbackJob;
import org.kylinupgrade.jobs.UpgradeJob;
import org.kylinupgrade.jobs.ValidateJob;

/**
 * The corpus of {@link HostileFolders} through the offline {@code upgrade}, {@code validate --from-folder}, {@code load}
 * and {@code rollback --from-folder}, in this JVM: one Spark context and one HBase mini cluster for the whole corpus,
 * one metadata table that every refused load or rollback must leave equal, through {@code dump}, to what it held.
 */
class HostileInputIT {
  /** A line of a Java stack trace. */
  static final Pattern STACK_LINE = Pattern.compile("(?m)^\\s+at [\\w$.<>/]+\\(.*\\)\\s*$|^Caused by: ");
  private static final Duration NO_HANG = Duration.ofSeconds(180);
  private static final String TABLE = "hostile_it";

  private static Path corpus;
  private static Path tableBefore;
  private static JobRunner table;
  private static final Map<String, Path> INPUTS = new TreeMap<>();
  private static final long STARTED = System.nanoTime();

  @BeforeAll
  static void generate() throws IOException {
    SharedSpark.context();
    corpus = Files.createTempDirectory("hostile-corpus");
    for (Case c : HostileFolders.all()) {
      INPUTS.put(c.name(), c.generate(corpus.resolve(c.name())));
    }
  }

  @AfterAll
  static void cleanUp() throws IOException {
    System.out.printf("hostile-input corpus: %d cases, %.1f s%n", HostileFolders.all().size(),
        (System.nanoTime() - STARTED) / 1e9);
    HostileFolders.deleteTree(corpus);
  }

  static Stream<Case> cases() {
    return HostileFolders.all().stream();
  }

  static Stream<Case> folderCases() {
    return cases().filter(Case::folderLevel);
  }

  static Stream<Case> inputCases() {
    return cases().filter(c -> !c.offlineOnly());
  }

  /** What a command printed (stdout, stderr and picocli's error writer) and its exit code. */
  record Outcome(int exit, String printed) {
    void assertNoStackTrace() {
      assertFalse(STACK_LINE.matcher(printed).find(), "a stack trace was printed:\n" + printed);
    }

    void assertNames(String resource) {
      assertTrue(printed.contains(resource), "the output does not name " + resource + ":\n" + printed);
    }
  }

  /** Runs {@code job} on its own words: folders, no cluster. */
  static Outcome run(Object job, String... args) {
    return run(JobRunner.offline(), job, args);
  }

  /** Runs {@code job} through {@code runner}, failing if it does not answer in {@link #NO_HANG}. */
  static synchronized Outcome run(JobRunner runner, Object job, String... args) {
    JobRunner.Outcome o = assertTimeoutPreemptively(NO_HANG, () -> runner.execute(job, args),
        () -> "no answer in " + NO_HANG + ": " + job.getClass().getSimpleName() + " " + String.join(" ", args));
    System.out.println("---- " + job.getClass().getSimpleName() + " " + String.join(" ", args) + " -> " + o.exit());
    return new Outcome(o.exit(), o.out() + "\n" + o.stderr() + "\n" + o.err());
  }

  /** Every entry below the folder (links not followed) with its kind, size and mtime. */
  static Map<String, String> listing(Path root) {
    Map<String, String> entries = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        String kind = Files.isSymbolicLink(p) ? "link" : Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "dir"
            : Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) ? "file" : "other";
        entries.put(root.relativize(p).toString(), kind + " " + (kind.equals("file") ? Files.size(p) + " "
            + Files.getLastModifiedTime(p).toMillis() : ""));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return entries;
  }

  private static Path output(Case c) {
    Path root = INPUTS.get(c.name()).getParent();
    return c.output() != null ? root.resolve(c.output()) : root.resolve("out-" + System.nanoTime());
  }

  @ParameterizedTest(name = "upgrade {0}")
  @MethodSource("cases")
  void offlineUpgrade(Case c) {
    Path in = INPUTS.get(c.name());
    Map<String, String> before = listing(in.getParent());
    Path out = output(c);
    boolean outExisted = Files.exists(out, LinkOption.NOFOLLOW_LINKS);
    Outcome o = run(new UpgradeJob(), "--from-folder", in.toString(), "--to-folder", out.toString());
    o.assertNoStackTrace();
    switch (c.upgrade()) {
      case PASS -> {
        assertEquals(ExitCodes.OK, o.exit(), o.printed());
        if (c.name().equals("already-upgraded")) {
          assertTrue(o.printed().contains("nothing to change"), o.printed());
        }
        for (String name : FolderAssertions.files(in)) {
          if (name.startsWith("dict/") || name.startsWith("table_snapshot/")) {
            assertTrue(sameBytes(in.resolve(name), out.resolve(name)), name + " written byte for byte");
          }
        }
      }
      case REFUSED, UNLOADABLE -> {
        assertEquals(ExitCodes.BAD_INPUT, o.exit(), o.printed());
        o.assertNames(c.resource());
        if (!outExisted) {
          assertFalse(Files.exists(out, LinkOption.NOFOLLOW_LINKS), "nothing written: " + out);
        }
        assertEquals(before, listing(in.getParent()), "the case's folders are as they were");
      }
      default -> throw new IllegalStateException();
    }
    if (c.upgrade() != Upgrade.PASS && !c.offlineOnly()) {
      Path kept = output(c);
      Outcome keep = run(new UpgradeJob(), "--from-folder", in.toString(), "--to-folder", kept.toString(),
          "--keep-unloadable");
      keep.assertNoStackTrace();
      keep.assertNames(c.resource());
      if (c.upgrade() == Upgrade.REFUSED) {
        assertEquals(ExitCodes.BAD_INPUT, keep.exit(), keep.printed());
        assertFalse(Files.exists(kept), "nothing written: " + kept);
      } else {
        assertEquals(ExitCodes.PROBLEMS, keep.exit(), keep.printed());
        assertTrue(sameBytes(in.resolve(c.resource()), kept.resolve(c.resource())),
            c.resource() + " left untouched with --keep-unloadable");
      }
    }
  }

  /** Kylin 1.4-alpha's rules do not rewrite projects, but a project Kylin cannot read is still refused by name. */
  @ParameterizedTest(name = "upgrade --to 1.4-alpha {0}")
  @org.junit.jupiter.params.provider.ValueSource(strings = {"malformed-project", "trailing-brace-project",
      "cube-desc-missing", "unknown-engine"})
  void offlineUpgradeTo14Alpha(String name) {
    Path in = INPUTS.get(name);
    Case c = HostileFolders.all().stream().filter(k -> k.name().equals(name)).findFirst().orElseThrow();
    Path out = output(c);
    Outcome o = run(new UpgradeJob(), "--from-folder", in.toString(), "--to-folder", out.toString(), "--to",
        "1.4-alpha");
    o.assertNoStackTrace();
    assertEquals(ExitCodes.BAD_INPUT, o.exit(), o.printed());
    o.assertNames(c.resource());
    assertFalse(Files.exists(out), "nothing written: " + out);
  }

  private static boolean sameBytes(Path a, Path b) {
    try {
      return Files.exists(b) && java.util.Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(b));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "validate {0}")
  @MethodSource("inputCases")
  void validateFolder(Case c) {
    Path in = INPUTS.get(c.name());
    Outcome o = run(new ValidateJob(), "--from-folder", in.toString());
    o.assertNoStackTrace();
    switch (c.validate()) {
      case PASS -> assertEquals(ExitCodes.OK, o.exit(), o.printed());
      case REFUSED -> {
        assertEquals(ExitCodes.BAD_INPUT, o.exit(), o.printed());
        o.assertNames(c.resource());
      }
      case FINDING -> {
        assertEquals(ExitCodes.PROBLEMS, o.exit(), o.printed());
        o.assertNames(c.resource());
      }
      case V1 -> assertEquals(ExitCodes.PROBLEMS, o.exit(), o.printed());
      default -> throw new IllegalStateException();
    }
  }

  /** The shared table, loaded once with the sample cube; its dump before any case. */
  private static synchronized Path table() {
    if (tableBefore == null) {
      table = JobRunner.on(TABLE, SharedHBase.newWorkingDir());
      Outcome load = run(table, new LoadJob(), "--from-folder", TestData.example("kylin-1.3.0-sample-cube").toString());
      assertEquals(ExitCodes.OK, load.exit(), load.printed());
      tableBefore = corpus.resolve("table-before");
      Outcome dump = run(table, new DumpJob(), "--to-folder", tableBefore.toString());
      assertEquals(ExitCodes.OK, dump.exit(), dump.printed());
    }
    return tableBefore;
  }

  private static void assertTableAsBefore() throws IOException {
    Path after = corpus.resolve("table-after-" + System.nanoTime());
    Outcome dump = run(table, new DumpJob(), "--to-folder", after.toString());
    assertEquals(ExitCodes.OK, dump.exit(), dump.printed());
    FolderAssertions.assertSameFolder(table(), after, true);
  }

  @ParameterizedTest(name = "load {0}")
  @MethodSource("folderCases")
  void load(Case c) throws IOException {
    table();
    Outcome o = run(table, new LoadJob(), "--from-folder", INPUTS.get(c.name()).toString(), "--replace");
    o.assertNoStackTrace();
    assertEquals(ExitCodes.BAD_INPUT, o.exit(), o.printed());
    o.assertNames(c.resource());
    assertTableAsBefore();
  }

  @ParameterizedTest(name = "rollback --from-folder {0}")
  @MethodSource("folderCases")
  void rollbackFromFolder(Case c) throws IOException {
    table();
    Outcome o = run(table, new RollbackJob(), "--from-folder", INPUTS.get(c.name()).toString());
    o.assertNoStackTrace();
    assertEquals(ExitCodes.BAD_INPUT, o.exit(), o.printed());
    o.assertNames(c.resource());
    assertTableAsBefore();
  }

  /** Content cases are stored byte for byte by load: judging them is upgrade's and validate's job. */
  @Test
  void loadStoresAContentCaseAsItIs() throws IOException {
    table();
    JobRunner content = JobRunner.on(TABLE + "_content", table.workingDir());
    Path in = INPUTS.get("trailing-garbage-desc");
    Outcome o = run(content, new LoadJob(), "--from-folder", in.toString());
    assertEquals(ExitCodes.OK, o.exit(), o.printed());
    Path dumped = corpus.resolve("content-dump");
    assertEquals(ExitCodes.OK, run(content, new DumpJob(), "--to-folder", dumped.toString()).exit());
    assertArrayEquals(Files.readAllBytes(in.resolve(HostileFolders.DESC)),
        Files.readAllBytes(dumped.resolve(HostileFolders.DESC)));
  }
}
