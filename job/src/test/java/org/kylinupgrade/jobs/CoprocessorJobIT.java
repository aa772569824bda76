package org.kylinupgrade.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kylinupgrade.CoprocessorTestJars;
import org.kylinupgrade.CubeTableFixture;
import org.kylinupgrade.JobRunner;
import org.kylinupgrade.SharedHBase;
import org.kylinupgrade.SharedSpark;
import org.kylinupgrade.coprocessor.CoprocessorEntry;
import org.kylinupgrade.coprocessor.KylinCoprocessors;
import org.kylinupgrade.coprocessor.KylinCoprocessors.Target;
import org.kylinupgrade.coprocessor.TablePlan;
import org.kylinupgrade.hbase.HBaseCluster;
import org.kylinupgrade.hbase.RefusingModifyObserver;

/** The coprocessor command against a real HBase, with a no-op jar under Kylin's class names built in the test. */
class CoprocessorJobIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final CoprocessorEntry FOREIGN =
      new CoprocessorEntry("org.apache.hadoop.hbase.coprocessor.MultiRowMutationEndpoint", null, 536870911);

  private JobRunner runner;
  private String prefix;
  private String metadataTable;
  private Path workingDir;
  private Path coprocessorFolder;
  private Path jar;
  private Path legacyJar;
  private HBaseCluster hbase;
  private CubeTableFixture fixture;

  @BeforeEach
  void setUp() throws IOException {
    prefix = JobRunner.freshTable("CPIT") + "_" + Long.toHexString(System.nanoTime() & 0xffff);
    metadataTable = "cp_meta_" + prefix.toLowerCase();
    String workingDirUri = SharedHBase.newWorkingDir();
    workingDir = Path.of(URI.create(workingDirUri));
    coprocessorFolder = workingDir.resolve(metadataTable + "/coprocessor");
    jar = CoprocessorTestJars.standIn(SharedHBase.tempDir("local-jar"), "kylin-coprocessor-test.jar");
    // where a Kylin 1.3 installation left its jar; same base name, so a new upload must not take "-0"
    legacyJar = Files.copy(jar, Files.createDirectories(workingDir.resolve("legacy")).resolve("kylin-coprocessor-test-0.jar"));
    runner = JobRunner.on(metadataTable, workingDirUri);
    hbase = runner.connect();
    fixture = new CubeTableFixture(hbase);
  }

  @AfterEach
  void tearDown() throws IOException {
    hbase.close();
  }

  private String table(Object suffix) {
    return "KYLIN_" + prefix + "_" + suffix;
  }

  private List<CoprocessorEntry> v1Legacy() {
    return Target.KYLIN_1_3.entries(legacyJar.toUri().toString());
  }

  private static JsonNode read(Path report) throws IOException {
    return JSON.readTree(report.toFile());
  }

  private static Set<CoprocessorEntry> set(List<CoprocessorEntry> entries) {
    return new HashSet<>(entries);
  }

  private List<Path> uploadedJars() throws IOException {
    if (!Files.isDirectory(coprocessorFolder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(coprocessorFolder)) {
      return files.sorted(Comparator.naturalOrder()).toList();
    }
  }

  private Map<String, List<CoprocessorEntry>> snapshot(List<String> tables) throws IOException {
    Map<String, List<CoprocessorEntry>> state = new LinkedHashMap<>();
    for (String t : tables) {
      state.put(t, fixture.coprocessors(t));
    }
    return state;
  }

  @Test
  void deploysKylin15sSetByDefaultOnEveryReadyCubeSegmentTableAndTheReRunSkipsThemAll() throws Exception {
    // an equal copy of the jar is already deployed, and five tables already carry the 1.5 set from it
    Path deployedJar = Files.copy(jar, Files.createDirectories(coprocessorFolder).resolve("kylin-coprocessor-test-0.jar"));
    // written file:///…, where the job writes Hadoop's file:/…: the same jar all the same
    List<CoprocessorEntry> alreadyRight = Target.KYLIN_1_5.entries(deployedJar.toUri().toString());
    String jobsJarPath = "file:" + deployedJar;
    List<CoprocessorEntry> v15 = Target.KYLIN_1_5.entries(jobsJarPath);
    Map<String, List<CoprocessorEntry>> tables = new LinkedHashMap<>();
    for (int i = 0; i < 30; i++) {
      String status = i == 28 ? "NEW" : "READY";
      if (i == 29) {
        fixture.cube("cube_" + i, "READY:" + table(i), "NEW:" + table(i + "_NEW"));
      } else {
        fixture.cube("cube_" + i, status + ":" + table(i));
      }
      List<CoprocessorEntry> initial = new ArrayList<>();
      if (i < 10 || i == 25 || i == 28) {
        initial.addAll(v1Legacy());
      } else if (i < 15) {
        // as Kylin 1.4-alpha's upgrade_v2.sh left them: the 1.4-alpha set, IIEndpoint included
        initial.addAll(Target.KYLIN_1_4_ALPHA.entries(legacyJar.toUri().toString()));
      } else if (i >= 20 && i < 25) {
        initial.addAll(alreadyRight);
      } else if (i == 27) {
        Target.KYLIN_1_5.classNames().forEach(c -> initial.add(new CoprocessorEntry(c, legacyJar.toUri().toString(), 1)));
      }
      if (i == 0) {
        initial.add(FOREIGN);
      }
      if (i != 26) {
        tables.put(table(i), initial);
      }
    }
    tables.put(table("29_NEW"), List.of());
    // Kylin 1.5 has no inverted indexes: their tables keep what they carry
    tables.put(table("II"), v1Legacy());
    fixture.index("index_" + prefix, "READY", "READY:" + table("II")).project("p").load(metadataTable);
    fixture.createTables(tables);
    fixture.disable(table(25));

    Path report = SharedHBase.tempDir("report").resolve("report.json");
    assertEquals(ExitCodes.OK, runner.run(new CoprocessorJob(), "--all", "--jar", jar.toString(), "--parallelism", "4",
        "--report", report.toString()), runner.err());

    for (String t : tables.keySet()) {
      if (t.equals(table(28)) || t.equals(table("29_NEW")) || t.equals(table("II"))) {
        assertEquals(tables.get(t), fixture.coprocessors(t), "not a 1.5 candidate, not touched: " + t);
        continue;
      }
      assertTrue(TablePlan.of(fixture.coprocessors(t), true, v15).alreadyRight(), t + ": " + fixture.coprocessors(t));
      assertEquals(classesAndPriorities(Target.KYLIN_1_5.entries("any")), classesAndPriorities(fixture.kylinCoprocessors(t)),
          "exactly the 1.5 set: " + t);
      assertTrue(fixture.isEnabled(t), t + " enabled");
    }
    assertTrue(fixture.coprocessors(table(0)).contains(FOREIGN), "coprocessors other than Kylin's stay");
    assertEquals(List.of(deployedJar), uploadedJars(), "the equal copy is reused, nothing uploaded");

    JsonNode json = read(report);
    assertEquals("1.5", json.get("target").asText());
    assertEquals(29, json.get("tables").asInt());
    assertEquals(23, json.get("changed").asInt());
    assertEquals(5, json.get("skipped").asInt());
    assertEquals(0, json.get("failed").asInt());
    assertEquals(table(26), json.get("missingTables").get(0).asText());
    assertTrue(json.get("jarReused").asBoolean());
    assertEquals(jobsJarPath, json.get("deployedJar").asText());
    assertEquals(set(v15), set(fixture.kylinCoprocessors(table(0))), "written as the job writes it");
    assertEquals(set(v15), set(fixture.kylinCoprocessors(table(10))), "1.4-alpha's IIEndpoint is gone");
    JsonNode disabled = resultOf(json, table(25));
    assertFalse(disabled.get("enabledBefore").asBoolean());
    assertTrue(disabled.get("enabledAfter").asBoolean());
    assertEquals(2, disabled.get("before").size());
    assertEquals(2, disabled.get("after").size());
    assertEquals("skipped", resultOf(json, table(20)).get("status").asText());

    Path again = report.resolveSibling("again.json");
    assertEquals(ExitCodes.OK, runner.run(new CoprocessorJob(), "--all", "--jar", jar.toString(), "--report",
        again.toString()), runner.err());
    JsonNode rerun = read(again);
    assertEquals(28, rerun.get("skipped").asInt());
    assertEquals(0, rerun.get("changed").asInt());
    assertEquals(1, rerun.get("missingTables").size());
  }

  /** "class@priority" of each entry: the set regardless of how the jar path is written. */
  private static Set<String> classesAndPriorities(List<CoprocessorEntry> entries) {
    Set<String> out = new HashSet<>();
    entries.forEach(e -> out.add(e.className() + "@" + e.priority()));
    return out;
  }

  @Test
  void rollbackWithACoprocessorJarPutsKylin13sSetBackOnTheRestoredCubeTables() throws Exception {
    Map<String, List<CoprocessorEntry>> tables = new LinkedHashMap<>();
    for (int i = 0; i < 3; i++) {
      fixture.cube("rb_cube_" + i, "READY:" + table("RB" + i));
      tables.put(table("RB" + i), new ArrayList<>(Target.KYLIN_1_5.entries(legacyJar.toUri().toString())));
    }
    fixture.project("p").load(metadataTable);
    fixture.createTables(tables);
    String snapshot = metadataTable + "_before";
    hbase.admin().snapshot(metadataTable, snapshot);

    int code = runner.run(new RollbackJob(), "--snapshot", snapshot, "--coprocessor-jar", jar.toString());

    assertEquals(ExitCodes.OK, code, runner.err());
    List<Path> uploaded = uploadedJars();
    assertEquals(1, uploaded.size(), "the jar is uploaded once");
    for (String t : tables.keySet()) {
      assertEquals(set(Target.KYLIN_1_3.entries("file:" + uploaded.get(0))), set(fixture.kylinCoprocessors(t)),
          "exactly Kylin 1.3's set: " + t);
      assertTrue(fixture.isEnabled(t), t + " enabled");
    }
  }

  private static JsonNode resultOf(JsonNode report, String table) {
    for (JsonNode r : report.get("results")) {
      if (r.get("table").asText().equals(table)) {
        return r;
      }
    }
    throw new AssertionError("no result for " + table);
  }

  @Test
  void switching15To14AlphaTo13OnTheSameTablesConvergesEachTimeAndEachReRunSkips() throws Exception {
    Map<String, List<CoprocessorEntry>> tables = new LinkedHashMap<>();
    List<String> cubeTables = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      fixture.cube("cube_" + i, "READY:" + table(i));
      List<CoprocessorEntry> initial = new ArrayList<>(i == 0 || i == 1 ? v1Legacy() : List.of());
      if (i == 0) {
        initial.add(FOREIGN);
      }
      tables.put(table(i), initial);
      cubeTables.add(table(i));
    }
    String indexTable = table("II");
    tables.put(indexTable, v1Legacy());
    fixture.index("index_" + prefix, "READY", "READY:" + indexTable).load(metadataTable);
    fixture.createTables(tables);
    List<String> allTables = new ArrayList<>(tables.keySet());

    // the default: Kylin 1.5's set on the cube tables; the index table is none of 1.5's business
    JsonNode first = deploy("1.5", null, 4, 0);
    String uploaded = first.get("deployedJar").asText();
    assertTrue(uploaded.endsWith("/coprocessor/kylin-coprocessor-test-1.jar"), "'-0' is a name a table uses: " + uploaded);
    assertFalse(first.get("jarReused").asBoolean());
    assertCarry(cubeTables, Target.KYLIN_1_5, uploaded);
    assertEquals(v1Legacy(), fixture.kylinCoprocessors(indexTable));
    deploy("1.5", "1.5", 0, 4);

    // to Kylin 1.4-alpha's set: IIEndpoint comes back, and the index table is a candidate again
    assertEquals(uploaded, deploy("1.4-alpha", "1.4-alpha", 5, 0).get("deployedJar").asText());
    assertCarry(allTables, Target.KYLIN_1_4_ALPHA, uploaded);
    deploy("1.4-alpha", "v2", 0, 5);

    // to Kylin 1.3's set, the rollback: v1 names only
    assertEquals(uploaded, deploy("1.3", "1.3", 5, 0).get("deployedJar").asText());
    assertCarry(allTables, Target.KYLIN_1_3, uploaded);
    deploy("1.3", "V1", 0, 5);

    // and forward again: the cube tables converge on 1.5, the index table keeps 1.3's set
    deploy("1.5", "1.5", 4, 0);
    assertCarry(cubeTables, Target.KYLIN_1_5, uploaded);
    assertCarry(List.of(indexTable), Target.KYLIN_1_3, uploaded);
    assertTrue(fixture.coprocessors(table(0)).contains(FOREIGN), "coprocessors other than Kylin's stay through every switch");
    assertEquals(1, uploadedJars().size(), "one upload, reused by every run");
  }

  /** A run with {@code --target targetArg} (none: the default); checks the report's target and counts. */
  private JsonNode deploy(String label, String targetArg, int changed, int skipped) throws IOException {
    Path report = SharedHBase.tempDir("report").resolve("report.json");
    List<String> args = new ArrayList<>(List.of("--all", "--jar", jar.toString(), "--report", report.toString()));
    if (targetArg != null) {
      args.addAll(List.of("--target", targetArg));
    }
    assertEquals(ExitCodes.OK, runner.run(new CoprocessorJob(), args.toArray(new String[0])), runner.err());
    JsonNode json = read(report);
    assertEquals(label, json.get("target").asText());
    assertEquals(changed, json.get("changed").asInt(), "changed, --target " + targetArg);
    assertEquals(skipped, json.get("skipped").asInt(), "skipped, --target " + targetArg);
    assertEquals(0, json.get("failed").asInt());
    return json;
  }

  /** Every table carries exactly the target's set from the jar, and is enabled. */
  private void assertCarry(List<String> tables, Target target, String jarPath) throws IOException {
    for (String t : tables) {
      assertEquals(set(target.entries(jarPath)), set(fixture.kylinCoprocessors(t)), target.label() + ": " + t);
      assertTrue(fixture.isEnabled(t), t + " enabled");
    }
  }

  @Test
  void anUnknownTargetIsBadUsageNamingTheAcceptedValues() throws Exception {
    fixture.cube("cube_0", "READY:" + table(0));
    fixture.load(metadataTable);
    fixture.createTables(Map.of(table(0), v1Legacy()));

    assertEquals(ExitCodes.BAD_INPUT, runner.run(new CoprocessorJob(), "--all", "--jar", jar.toString(), "--target",
        "1.6"));
    assertTrue(runner.err().contains("'1.6'") && runner.err().contains("1.5, 1.4-alpha, 1.3 (also v2 = 1.4-alpha, v1 = 1.3)"), runner.err());
    assertEquals(v1Legacy(), fixture.coprocessors(table(0)), "nothing changed");
    assertEquals(List.of(), uploadedJars(), "nothing uploaded");
  }

  @Test
  void aJarWithoutOneOfTheClassesIsRefusedBeforeAnyTableChanges() throws Exception {
    Map<String, List<CoprocessorEntry>> tables = new LinkedHashMap<>();
    for (int i = 0; i < 3; i++) {
      fixture.cube("cube_" + i, "READY:" + table(i));
      tables.put(table(i), i == 0 ? List.of() : v1Legacy());
    }
    fixture.load(metadataTable);
    fixture.createTables(tables);
    Map<String, List<CoprocessorEntry>> before = snapshot(List.copyOf(tables.keySet()));
    Path incomplete = CoprocessorTestJars.standInWithout(SharedHBase.tempDir("bad-jar"), "kylin-coprocessor-test.jar",
        KylinCoprocessors.V2_CUBE_ENDPOINT);

    assertEquals(ExitCodes.BAD_INPUT, runner.run(new CoprocessorJob(), "--all", "--jar", incomplete.toString()));
    assertTrue(runner.err().contains(KylinCoprocessors.V2_CUBE_ENDPOINT) && runner.err().contains(incomplete.toString()), runner.err());
    assertEquals(before, snapshot(List.copyOf(tables.keySet())));
    for (String t : tables.keySet()) {
      assertTrue(fixture.isEnabled(t));
    }
    assertEquals(List.of(), uploadedJars(), "nothing uploaded");
  }

  @Test
  void aTableThatFailsHalfWayIsReEnabledReportedAndRetriedAlone() throws Exception {
    String refused = table(RefusingModifyObserver.MARKER);
    Map<String, List<CoprocessorEntry>> tables = new LinkedHashMap<>();
    fixture.cube("cube_refused", "READY:" + refused);
    tables.put(refused, v1Legacy());
    for (int i = 0; i < 3; i++) {
      fixture.cube("cube_" + i, "READY:" + table(i));
      tables.put(table(i), v1Legacy());
    }
    fixture.load(metadataTable);
    fixture.createTables(tables);

    Path report = SharedHBase.tempDir("report").resolve("report.json");
    assertEquals(ExitCodes.PROBLEMS, runner.run(new CoprocessorJob(), "--all", "--jar", jar.toString(), "--report",
        report.toString()), runner.err());
    JsonNode json = read(report);
    assertEquals(List.of(refused), JSON.convertValue(json.get("failedTables"), List.class));
    assertEquals(3, json.get("changed").asInt());
    String error = resultOf(json, refused).get("error").asText();
    assertTrue(error.contains("table " + refused) && error.contains("modify failed"), error);
    assertTrue(fixture.isEnabled(refused), "re-enabled after the failed step");
    assertEquals(v1Legacy(), fixture.coprocessors(refused), "left as it was");

    Path again = report.resolveSibling("again.json");
    assertEquals(ExitCodes.PROBLEMS, runner.run(new CoprocessorJob(), "--all", "--jar", jar.toString(), "--report",
        again.toString()), runner.err());
    assertEquals(3, read(again).get("skipped").asInt());
    assertEquals(1, read(again).get("failed").asInt());
    assertTrue(fixture.isEnabled(refused));
  }

  @Test
  void aDryRunListsTheChangesAndChangesNothing() throws Exception {
    Map<String, List<CoprocessorEntry>> tables = new LinkedHashMap<>();
    for (int i = 0; i < 3; i++) {
      fixture.cube("cube_" + i, "READY:" + table(i));
      tables.put(table(i), i == 0 ? List.of() : v1Legacy());
    }
    fixture.load(metadataTable);
    fixture.createTables(tables);
    fixture.disable(table(2));
    Map<String, List<CoprocessorEntry>> before = snapshot(List.copyOf(tables.keySet()));

    Path report = SharedHBase.tempDir("report").resolve("dry.json");
    assertEquals(ExitCodes.OK, runner.run(new CoprocessorJob(), "--all", "--jar", jar.toString(), "--dry-run",
        "--report", report.toString()), runner.err());
    assertEquals(before, snapshot(List.copyOf(tables.keySet())));
    assertFalse(fixture.isEnabled(table(2)), "a dry run does not even enable");
    assertEquals(List.of(), uploadedJars());
    JsonNode json = read(report);
    assertEquals(3, json.get("would-change").asInt());
    JsonNode changes = resultOf(json, table(1)).get("changes");
    assertEquals(4, changes.size(), changes.toString());
    assertTrue(changes.get(0).asText().startsWith("remove " + KylinCoprocessors.V1_II_ENDPOINT), changes.toString());
    assertTrue(changes.get(2).asText().startsWith("add " + KylinCoprocessors.V2_CUBE_ENDPOINT), changes.toString());
    assertTrue(json.get("deployedJar").asText().endsWith("kylin-coprocessor-test-1.jar"));
  }

  @Test
  void selectsTablesByCubeProjectOrNameAndRefusesUnknownOnes() throws Exception {
    Map<String, List<CoprocessorEntry>> tables = new LinkedHashMap<>();
    for (int i = 0; i < 4; i++) {
      fixture.cube("cube_" + i, "READY:" + table(i));
      tables.put(table(i), List.of());
      if (i == 1) {
        fixture.project("first_two");
      }
    }
    fixture.project("last_two").load(metadataTable);
    fixture.createTables(tables);

    assertEquals(ExitCodes.BAD_INPUT, runner.run(new CoprocessorJob(), "--tables", table(0) + ",KYLIN_NOT_A_SEGMENT",
        "--jar", jar.toString()));
    assertTrue(runner.err().contains("KYLIN_NOT_A_SEGMENT"), runner.err());
    assertEquals(ExitCodes.BAD_INPUT, runner.run(new CoprocessorJob(), "--cubes", "no_such_cube", "--jar",
        jar.toString()));
    assertEquals(List.of(), fixture.kylinCoprocessors(table(0)), "nothing changed");

    assertEquals(ExitCodes.OK, runner.run(new CoprocessorJob(), "--cubes", "CUBE_3", "--jar", jar.toString()),
        runner.err());
    assertEquals(2, fixture.kylinCoprocessors(table(3)).size());
    assertEquals(List.of(), fixture.kylinCoprocessors(table(2)));
    assertEquals(ExitCodes.OK, runner.run(new CoprocessorJob(), "--projects", "first_two", "--jar", jar.toString()),
        runner.err());
    assertEquals(2, fixture.kylinCoprocessors(table(0)).size());
    assertEquals(2, fixture.kylinCoprocessors(table(1)).size());
    assertEquals(List.of(), fixture.kylinCoprocessors(table(2)));
    assertEquals(ExitCodes.OK, runner.run(new CoprocessorJob(), "--tables", table(2), "--jar", jar.toString()),
        runner.err());
    assertEquals(2, fixture.kylinCoprocessors(table(2)).size());
  }

  @Test
  void theSparkRunnerGivesTheSameResult() throws Exception {
    SharedSpark.context();
    Map<String, List<CoprocessorEntry>> tables = new LinkedHashMap<>();
    for (int i = 0; i < 5; i++) {
      fixture.cube("cube_" + i, "READY:" + table(i));
      tables.put(table(i), i % 2 == 0 ? v1Legacy() : List.of());
    }
    fixture.load(metadataTable);
    fixture.createTables(tables);

    Path report = SharedHBase.tempDir("report").resolve("spark.json");
    assertEquals(ExitCodes.OK, runner.run(new CoprocessorJob(), "--all", "--jar", jar.toString(), "--runner", "spark",
        "--parallelism", "2",
        "--report", report.toString()), runner.err());
    JsonNode json = read(report);
    assertEquals("spark", json.get("runner").asText());
    assertEquals(5, json.get("changed").asInt());
    String uploaded = json.get("deployedJar").asText();
    for (String t : tables.keySet()) {
      assertEquals(set(Target.KYLIN_1_5.entries(uploaded)), set(fixture.kylinCoprocessors(t)), t);
      assertTrue(fixture.isEnabled(t));
    }
    Path again = report.resolveSibling("again.json");
    assertEquals(ExitCodes.OK, runner.run(new CoprocessorJob(), "--all", "--jar", jar.toString(), "--runner", "spark",
        "--report", again.toString()), runner.err());
    assertEquals(5, read(again).get("skipped").asInt());
  }
}
