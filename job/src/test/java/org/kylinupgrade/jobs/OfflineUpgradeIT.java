package org.kylinupgrade.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kylinupgrade.CombinationLimits;
import org.kylinupgrade.FolderAssertions;
import org.kylinupgrade.JobRunner;
import org.kylinupgrade.SparkJobs;
import org.kylinupgrade.SparkJobGroups;
import org.kylinupgrade.TestData;

/** {@code upgrade --from-folder IN --to-folder OUT} through real local Spark, against Kylin's own output. */
@ExtendWith(SparkJobs.class)
class OfflineUpgradeIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LAST_MODIFIED = Pattern.compile("\"last_modified\" : (\\d+)");

  @TempDir
  Path tmp;

  private final JobRunner offline = JobRunner.offline();

  private static String withoutLastModified(String json, String replacement) {
    Matcher m = LAST_MODIFIED.matcher(json);
    return m.replaceAll("\"last_modified\" : " + replacement);
  }

  /** Kylin's output, compared as the issue asks: same files, binaries identical, JSON equal but last_modified. */
  private static void assertMatchesKylin(Path expected, Path actual, long runTimestamp) throws IOException {
    assertEquals(FolderAssertions.files(expected), FolderAssertions.files(actual));
    for (String name : FolderAssertions.files(expected)) {
      byte[] e = Files.readAllBytes(expected.resolve(name));
      byte[] a = Files.readAllBytes(actual.resolve(name));
      if (java.util.Arrays.equals(e, a)) {
        continue;
      }
      assertTrue(name.startsWith("cube_desc/") || name.startsWith("model_desc/"), "only descs and models change: " + name);
      String expectedText = new String(e, StandardCharsets.UTF_8);
      String actualText = new String(a, StandardCharsets.UTF_8);
      assertEquals(withoutLastModified(expectedText, "X"), withoutLastModified(actualText, "X"), "bytes of " + name);
      ObjectNode en = (ObjectNode) JSON.readTree(e);
      ObjectNode an = (ObjectNode) JSON.readTree(a);
      assertEquals(runTimestamp, an.get("last_modified").asLong(), "run timestamp in " + name);
      assertEquals(runTimestamp, Files.getLastModifiedTime(actual.resolve(name)).toMillis(), "mtime of " + name);
      en.remove("last_modified");
      an.remove("last_modified");
      assertEquals(en, an, "JSON of " + name);
    }
  }

  private static JsonNode report(Path file) throws IOException {
    return JSON.readTree(file.toFile());
  }

  @ParameterizedTest
  @ValueSource(strings = {"kylin-1.3.0-sample-cube", "kylin-1.3.0-localmeta"})
  void reproducesKylinsOwnUpgradeOutput(String example) throws IOException {
    Path out = tmp.resolve("out");
    Path reportFile = tmp.resolve("report.json");
    int code = offline.run(new UpgradeJob(), "--from-folder", TestData.example(example).toString(), "--to-folder",
        out.toString(),
        "--to", "1.4-alpha", "--keep-unloadable", "--report", reportFile.toString());
    JsonNode report = report(reportFile);
    boolean hasUnloadable = report.get("unloadable").size() > 0;
    assertEquals(hasUnloadable ? ExitCodes.PROBLEMS : ExitCodes.OK, code, offline.err());
    assertMatchesKylin(TestData.expected(example), out, report.get("runTimestamp").asLong());
    // every loadable desc carries Kylin v2.0's signature, as recorded by Kylin itself
    for (String line : Files.readAllLines(TestData.expected(example + ".signatures.tsv"))) {
      String[] cols = line.split("\t");
      JsonNode desc = JSON.readTree(out.resolve("cube_desc/" + cols[0] + ".json").toFile());
      assertEquals(cols[2], desc.get("signature").asText(), "signature of " + cols[0]);
    }
  }

  @Test
  void unloadableDescsStopTheRunBeforeAnythingIsWritten() throws IOException {
    Path out = tmp.resolve("out");
    Path reportFile = tmp.resolve("report.json");
    int code = offline.run(new UpgradeJob(), "--from-folder", TestData.example("kylin-1.3.0-localmeta").toString(),
        "--to-folder", out.toString(),
        "--to", "1.4-alpha", "--report", reportFile.toString());
    assertEquals(ExitCodes.BAD_INPUT, code);
    assertFalse(Files.exists(out), "nothing written");
    List<String> unloadable = report(reportFile).findValuesAsText("path");
    assertTrue(unloadable.contains("/cube_desc/test_kylin_cube_without_slr_desc.json"), unloadable.toString());
    assertTrue(report(reportFile).get("unloadable").toString().contains("bitmap"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"kylin-1.3.0-sample-cube", "kylin-1.3.0-localmeta"})
  void upgradingTheOutputAgainChangesNothing(String example) throws IOException {
    Path out = tmp.resolve("again");
    Path reportFile = tmp.resolve("report.json");
    int code = offline.run(new UpgradeJob(), "--from-folder", TestData.expected(example).toString(), "--to-folder",
        out.toString(),
        "--to", "1.4-alpha", "--keep-unloadable", "--report", reportFile.toString());
    assertTrue(code == ExitCodes.OK || code == ExitCodes.PROBLEMS, offline.err());
    assertEquals(0, report(reportFile).get("changed").asInt());
    FolderAssertions.assertSameFolder(TestData.expected(example), out, false);
  }

  @Test
  void dryRunWritesNothingAndReportsTheChanges() throws IOException {
    Path out = tmp.resolve("out");
    Path reportFile = tmp.resolve("report.json");
    int code = offline.run(new UpgradeJob(), "--from-folder", TestData.example("kylin-1.3.0-sample-cube").toString(),
        "--to-folder", out.toString(),
        "--to", "1.4-alpha", "--dry-run", "--report", reportFile.toString());
    assertEquals(ExitCodes.OK, code, offline.err());
    assertFalse(Files.exists(out));
    assertEquals(2, report(reportFile).get("changed").asInt());
  }

  /** What a successful run prints on standard output. */
  private String printedBy(String... args) {
    JobRunner.Outcome run = offline.execute(new UpgradeJob(), args);
    assertEquals(ExitCodes.OK, run.exit(), run::toString);
    return run.out();
  }

  @Test
  void quietPrintsOnlyTheOutcomeAndVerboseAlsoTheDetails() {
    String in = TestData.example("kylin-1.3.0-sample-cube").toString();
    String quiet = printedBy("--from-folder", in, "--to", "1.4-alpha", "--dry-run", "--quiet");
    assertTrue(quiet.matches("dry run: 2 of \\d+ resources would change; nothing written" + System.lineSeparator()),
        quiet);
    String verbose = printedBy("--from-folder", in, "--to", "1.4-alpha", "--dry-run", "--verbose");
    assertTrue(verbose.contains(System.lineSeparator() + "  /cube_desc/"), "the per-change lines: " + verbose);
    assertTrue(verbose.startsWith("read folder: ") && verbose.contains(System.lineSeparator() + "convert: "),
        "a line at the end of each phase: " + verbose);
    assertTrue(verbose.contains(System.lineSeparator() + "resources by type: {"), "the details: " + verbose);
    assertTrue(verbose.endsWith(quiet), verbose);
    assertEquals(ExitCodes.BAD_INPUT, offline.run(new UpgradeJob(), "--from-folder", in, "--dry-run", "--quiet", "--verbose"));
  }

  /**
   * Each phase's Spark jobs run in a job group named after it, its name as their description, so that Spark's UI and
   * history server show where the time goes; the terminal (not one here) gets a line at the end of each phase.
   */
  @Test
  void eachPhaseRunsAsASparkJobGroupNamedAfterIt() throws Exception {
    String[] printed = new String[1];
    List<String> phases = SparkJobGroups.phasesOf(() -> printed[0] = printedBy("--from-folder",
        TestData.example("kylin-1.3.0-sample-cube").toString(), "--to-folder", tmp.resolve("out").toString()));
    assertEquals(List.of("read folder", "convert", "write folder"), phases);
    for (String phase : phases) {
      assertTrue(Pattern.compile("(?m)^" + phase + ": (\\d+)/\\1 tasks, [0-9.]+ s$").matcher(printed[0]).find(),
          "a line at the end of " + phase + ": " + printed[0]);
    }
    assertEquals(null, org.kylinupgrade.SharedSpark.context().sc().getLocalProperty("spark.jobGroup.id"),
        "the group is cleared after the run");
  }

  @Test
  void aDryRunsDiffsAndInfosConversionRunInPhasesToo() throws Exception {
    String in = TestData.example("kylin-1.3.0-sample-cube").toString();
    String[] printed = new String[1];
    assertEquals(List.of("read folder", "convert", "diff"),
        SparkJobGroups.phasesOf(() -> printed[0] = printedBy("--from-folder", in, "--dry-run")));
    assertTrue(Pattern.compile("(?m)^diff: (\\d+)/\\1 tasks, [0-9.]+ s$").matcher(printed[0]).find(), printed[0]);
    assertEquals(List.of("read folder", "convert"), SparkJobGroups.phasesOf(() -> {
      JobRunner.Outcome info = offline.execute(new InfoJob(), "--from-folder", in);
      assertEquals(ExitCodes.OK, info.exit(), info::toString);
    }));
  }

  @Test
  void scopeLimitsTheRewrittenDescs() throws IOException {
    Path out = tmp.resolve("out");
    Path reportFile = tmp.resolve("report.json");
    int code = offline.run(new UpgradeJob(), "--from-folder", TestData.example("kylin-1.3.0-localmeta").toString(),
        "--to-folder", out.toString(),
        "--to", "1.4-alpha", "--keep-unloadable", "--cubes", "test_kylin_cube_with_slr_ready", "--report",
        reportFile.toString());
    assertTrue(code == ExitCodes.OK || code == ExitCodes.PROBLEMS, offline.err());
    List<String> changed = report(reportFile).get("changes").findValuesAsText("path");
    assertTrue(changed.contains("/cube_desc/test_kylin_cube_with_slr_desc.json"), changed.toString());
    assertFalse(changed.contains("/cube_desc/test_kylin_cube_with_slr_left_join_desc.json"), changed.toString());
    assertEquals(ExitCodes.BAD_INPUT, offline.run(new UpgradeJob(), "--from-folder",
        TestData.example("kylin-1.3.0-localmeta").toString(),
        "--to-folder", tmp.resolve("out2").toString(), "--cubes", "no_such_cube"));
    assertTrue(offline.err().contains("no_such_cube".toUpperCase()), offline.err());
  }

  @ParameterizedTest
  @ValueSource(strings = {"OnlyLeft:test_kylin_cube_with_slr_left_join_desc", "onlyinner:test_kylin_cube_with_slr_desc"})
  void projectsLimitTheRewrittenDescsToTheirCubes(String projectAndDesc) throws IOException {
    // of the four descs only the two "with_slr" ones change; each of the two projects holds the cubes of one of them
    String[] parts = projectAndDesc.split(":");
    Path reportFile = tmp.resolve("projects.json");
    int code = offline.run(new UpgradeJob(), "--from-folder", TestData.example("kylin-1.3.0-localmeta").toString(),
        "--to-folder", tmp.resolve("out").toString(), "--to", "1.4-alpha", "--keep-unloadable",
        "--projects", parts[0], "--report", reportFile.toString());
    assertTrue(code == ExitCodes.OK || code == ExitCodes.PROBLEMS, offline.err());
    List<String> descs = report(reportFile).get("changes").findValuesAsText("path").stream()
        .filter(p -> p.startsWith("/cube_desc/")).sorted().toList();
    assertEquals(List.of("/cube_desc/" + parts[1] + ".json"), descs);
  }

  @Test
  void anUnknownProjectIsBadInputAndNothingIsWritten() {
    assertEquals(ExitCodes.BAD_INPUT, offline.run(new UpgradeJob(), "--from-folder",
        TestData.example("kylin-1.3.0-localmeta").toString(), "--to-folder", tmp.resolve("out2").toString(),
        "--projects", "no_such_project"));
    assertTrue(offline.err().contains("unknown project 'NO_SUCH_PROJECT'"), offline.err());
    assertFalse(Files.exists(tmp.resolve("out2")), "nothing written for an unknown project");
  }

  /** The default target, Kylin 1.5: Kylin 1.5.4.1's own (corrected) output, every file. */
  @Test
  void upgradesToKylin15ByDefaultAsKylin1541Does() throws IOException {
    String example = "kylin-1.3.0-sample-cube";
    Path in = TestData.example(example);
    Path out = tmp.resolve("out15");
    Path reportFile = tmp.resolve("report.json");
    int code = offline.run(new UpgradeJob(), "--from-folder", in.toString(), "--to-folder", out.toString(), "--report",
        reportFile.toString());
    assertEquals(ExitCodes.OK, code, offline.err());
    JsonNode report = report(reportFile);
    assertEquals("1.5", report.get("to").asText());
    assertEquals(2, report.get("changed").asInt());
    assertEquals(5, report.get("versionLabelled").asInt());
    assertEquals(1, report.at("/cuboidCheck/descsChecked").asInt(), report.toString());
    assertEquals(1, report.at("/cuboidCheck/keptByKylinRule").asInt(), report.toString());
    long runTimestamp = report.get("runTimestamp").asLong();
    assertMatchesKylin15(example, out, runTimestamp, java.util.Set.of());
  }

  /**
   * Kylin 1.5.4.1's own (corrected) output, every file but {@code propertyChecked} (paths in the folder): untouched
   * files keep bytes and mtime, changed ones get the run's timestamp.
   */
  private static void assertMatchesKylin15(String example, Path out, long runTimestamp,
      java.util.Set<String> propertyChecked) throws IOException {
    Path in = TestData.example(example);
    Path expected = TestData.expected15(example);
    java.util.Set<String> files = new java.util.TreeSet<>(FolderAssertions.files(expected));
    files.addAll(propertyChecked);
    assertEquals(files, new java.util.TreeSet<>(FolderAssertions.files(out)));
    for (String name : FolderAssertions.files(expected)) {
      byte[] e = Files.readAllBytes(expected.resolve(name));
      byte[] a = Files.readAllBytes(out.resolve(name));
      byte[] v1 = Files.readAllBytes(in.resolve(name));
      long mtime = Files.getLastModifiedTime(out.resolve(name)).toMillis();
      if (java.util.Arrays.equals(v1, a)) {
        assertArrayEquals(e, a, name);
        assertEquals(Files.getLastModifiedTime(in.resolve(name)).toMillis(), mtime, "mtime of untouched " + name);
        continue;
      }
      assertEquals(runTimestamp, mtime, "mtime of " + name);
      if (!java.util.Arrays.equals(e, a)) {
        String expectedText = new String(e, StandardCharsets.UTF_8);
        String actualText = new String(a, StandardCharsets.UTF_8);
        assertEquals(withoutLastModified(expectedText, "X"), withoutLastModified(actualText, "X"), "bytes of " + name);
        assertEquals(runTimestamp, JSON.readTree(a).get("last_modified").asLong(), "last_modified of " + name);
      }
    }
  }

  /**
   * The localmeta example converts completely: the two descs whose old groups share a column (Kylin's converter
   * refuses them) are written with groups that keep their 27 v1 cuboids; every other file is Kylin's.
   */
  @Test
  void localmetaToKylin15KeepsEveryDescsCuboids() throws IOException {
    String example = "kylin-1.3.0-localmeta";
    Path out = tmp.resolve("out15");
    Path reportFile = tmp.resolve("report.json");
    JobRunner.Outcome upgrade = offline.execute(new UpgradeJob(), "--from-folder", TestData.example(example).toString(),
        "--to-folder", out.toString(), "--to", "1.5", "--report", reportFile.toString());
    int code = upgrade.exit();
    String printed = upgrade.out();
    assertEquals(ExitCodes.OK, code, offline.err());
    JsonNode report = report(reportFile);
    assertEquals(0, report.get("unloadable").size(), report.toString());
    JsonNode cuboids = report.get("cuboidCheck");
    assertEquals(4, cuboids.get("descsChecked").asInt(), cuboids.toString());
    assertEquals(2, cuboids.get("keptByKylinRule").asInt(), cuboids.toString());
    assertEquals(2, cuboids.get("writtenWithOwnGroups").asInt(), cuboids.toString());
    assertEquals(0, cuboids.get("refused").asInt(), cuboids.toString());
    assertEquals(0, cuboids.get("tooLargeToCheck").asInt(), cuboids.toString());
    assertEquals(4096, cuboids.get("maxCombination").asInt(), cuboids.toString());
    assertTrue(printed.contains("cuboid check: 4 cube desc(s) checked against the cuboids Kylin 1.3.0 builds: 2 kept "
        + "by Kylin's rule, 2 written with aggregation groups that keep the v1 cuboid set, 0 refused"), printed);
    assertTrue(printed.contains("aggregation groups of at most 4096 combinations"), printed);

    java.util.Set<String> checked = java.util.Set.of("cube_desc/test_kylin_cube_without_slr_desc.json",
        "cube_desc/test_kylin_cube_without_slr_left_join_desc.json");
    assertMatchesKylin15(example, out, report.get("runTimestamp").asLong(), checked);
    for (String name : checked) {
      JsonNode v1 = JSON.readTree(TestData.example(example).resolve(name).toFile());
      JsonNode model = JSON.readTree(TestData.example(example).resolve("model_desc/"
          + v1.get("model_name").asText() + ".json").toFile());
      JsonNode ours = JSON.readTree(out.resolve(name).toFile());
      assertEquals(0, ours.get("engine_type").asInt(), name);
      assertEquals(0, ours.get("storage_type").asInt(), name);
      org.kylinupgrade.cuboid.V1Cuboids v1Cuboids = org.kylinupgrade.cuboid.V1Cuboids.of(v1, model);
      org.kylinupgrade.cuboid.V15Cuboids v15Cuboids = org.kylinupgrade.cuboid.V15Cuboids.of(ours);
      assertEquals(v1Cuboids.rowkeyColumns(), v15Cuboids.rowkeyColumns(), name);
      assertEquals(27, v15Cuboids.cuboidSet().size(), name);
      assertEquals(v1Cuboids.buildSet(), v15Cuboids.cuboidSet(), name);
      assertTrue(report.get("warnings").toString().contains("Kylin's converter would have refused the desc"),
          report.get("warnings").toString());
    }
  }

  @Test
  void anUnknownTargetIsBadInputNamingTheAcceptedOnes() {
    Path out = tmp.resolve("out");
    assertEquals(ExitCodes.BAD_INPUT, offline.run(new UpgradeJob(), "--from-folder",
        TestData.example("kylin-1.3.0-sample-cube").toString(),
        "--to-folder", out.toString(), "--to", "2.0"));
    assertTrue(offline.err().contains("accepted: 1.5, 1.4-alpha"), offline.err());
    assertFalse(Files.exists(out), "nothing written");
    JobRunner.Outcome live = offline.execute(new UpgradeJob(), "--to", "2.0");
    assertEquals(ExitCodes.BAD_INPUT, live.exit(), "the live upgrade checks its target before it connects");
    assertTrue(live.err().contains("accepted: 1.5, 1.4-alpha"), live.err());
  }

  @Test
  void aDryRunToKylin15CountsTheLabelledResourcesAndWritesNothing() throws IOException {
    Path out = tmp.resolve("out");
    Path reportFile = tmp.resolve("report.json");
    int code = offline.run(new UpgradeJob(), "--from-folder", TestData.example("kylin-1.3.0-sample-cube").toString(),
        "--to-folder",
        out.toString(), "--to", "1.5", "--dry-run", "--report", reportFile.toString());
    assertEquals(ExitCodes.OK, code, offline.err());
    assertFalse(Files.exists(out));
    JsonNode report = report(reportFile);
    assertEquals(2, report.get("changed").asInt());
    assertEquals(5, report.get("versionLabelled").asInt());
  }

  @Test
  void badInputNamesTheResourceAndWritesNothing() throws IOException {
    Path in = tmp.resolve("in");
    copyTree(TestData.example("kylin-1.3.0-sample-cube"), in);
    Files.writeString(in.resolve("cube/kylin_sales_cube.json"), "this is not JSON");
    Path out = tmp.resolve("out");
    assertEquals(ExitCodes.BAD_INPUT, offline.run(new UpgradeJob(), "--from-folder", in.toString(), "--to-folder",
        out.toString()));
    assertTrue(offline.err().contains("/cube/kylin_sales_cube.json"), offline.err());
    assertFalse(Files.exists(out), "nothing written");

    Files.writeString(in.resolve("cube/kylin_sales_cube.json"), "{}");
    Files.write(in.resolve("cube_desc/kylin_sales_cube_desc.json"), new byte[0]);
    JobRunner.Outcome empty = offline.execute(new UpgradeJob(), "--from-folder", in.toString(), "--to-folder",
        out.toString());
    assertEquals(ExitCodes.BAD_INPUT, empty.exit());
    assertTrue(empty.err().contains("/cube_desc/kylin_sales_cube_desc.json"), empty.err());
    assertFalse(Files.exists(out), "nothing written");
  }

  @Test
  void inMissingNotKylinOrOutNotEmptyAreBadInput() throws IOException {
    Path sample = TestData.example("kylin-1.3.0-sample-cube");
    assertEquals(ExitCodes.BAD_INPUT, offline.run(new UpgradeJob(), "--from-folder", tmp.resolve("missing").toString(),
        "--to-folder", tmp.resolve("o1").toString()));
    Files.createDirectories(tmp.resolve("notkylin/photos"));
    Files.writeString(tmp.resolve("notkylin/photos/a.txt"), "x");
    assertEquals(ExitCodes.BAD_INPUT, offline.run(new UpgradeJob(), "--from-folder",
        tmp.resolve("notkylin").toString(), "--to-folder", tmp.resolve("o2").toString()));
    Files.createDirectories(tmp.resolve("full"));
    Files.writeString(tmp.resolve("full/keep"), "mine");
    assertEquals(ExitCodes.BAD_INPUT, offline.run(new UpgradeJob(), "--from-folder", sample.toString(), "--to-folder",
        tmp.resolve("full").toString()));
    assertEquals(List.of("keep"), FolderAssertions.files(tmp.resolve("full")));
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  @Test
  void theOperatorsLimitOfCombinationsShapesTheGroupsWrittenAndValidateChecksIt() throws IOException {
    String in = TestData.example("kylin-1.3.0-sample-cube").toString();
    String descFile = "cube_desc/kylin_sales_cube_desc.json";
    Path atDefault = tmp.resolve("default");
    assertEquals(ExitCodes.OK, offline.run(new UpgradeJob(), "--from-folder", in, "--to-folder", atDefault.toString()),
        offline.err());
    JsonNode defaultDesc = JSON.readTree(atDefault.resolve(descFile).toFile());
    int needed = CombinationLimits.needed(defaultDesc);
    String limit = Integer.toString(needed - 1);

    JobRunner.Outcome refused = offline.execute(new ValidateJob(), "--from-folder", atDefault.toString(),
        "--max-combination", limit);
    assertEquals(ExitCodes.PROBLEMS, refused.exit(), refused::toString);
    assertTrue(refused.toString().contains("has too many combinations"), refused::toString);

    Path lowered = tmp.resolve("lowered");
    assertEquals(ExitCodes.OK, offline.run(new UpgradeJob(), "--from-folder", in, "--to-folder", lowered.toString(),
        "--max-combination", limit), offline.err());
    JsonNode loweredDesc = JSON.readTree(lowered.resolve(descFile).toFile());
    assertTrue(org.kylinupgrade.cuboid.V15Cuboids.of(loweredDesc, needed - 1).loads());
    assertEquals(org.kylinupgrade.cuboid.V15Cuboids.of(defaultDesc).cuboidSet(),
        org.kylinupgrade.cuboid.V15Cuboids.of(loweredDesc).cuboidSet());
    assertEquals(ExitCodes.OK, offline.run(new ValidateJob(), "--from-folder", lowered.toString(),
        "--max-combination", limit), offline.err());

    Path alpha = tmp.resolve("alpha");
    assertEquals(ExitCodes.BAD_INPUT, offline.run(new UpgradeJob(), "--from-folder", in, "--to-folder",
        alpha.toString(), "--to", "1.4-alpha", "--max-combination", limit));
    assertTrue(offline.err().contains("--max-combination goes with --to 1.5"), offline.err());
    assertEquals(ExitCodes.BAD_INPUT, offline.run(new UpgradeJob(), "--from-folder", in, "--to-folder",
        alpha.toString(), "--max-combination", "0"));
    assertTrue(offline.err().contains("--max-combination 0"), offline.err());
    assertEquals(ExitCodes.BAD_INPUT, offline.run(new UpgradeJob(), "--from-folder", in, "--to-folder",
        alpha.toString(), "--max-combination", "many"));
    assertTrue(offline.err().contains("--max-combination many: name the positive limit"), offline.err());
    assertFalse(Files.exists(alpha), "nothing written");
  }
}
