package org.kylinupgrade.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kylinupgrade.TestData;
import org.kylinupgrade.metadata.Resource;

/**
 * The conversion of the shared examples to Kylin 1.5 against Kylin 1.5.4.1's own (corrected) output in
 * testdata/v15-expected: every file byte for byte, but the {@code last_modified} Kylin sets to its run's time and the
 * descs whose old aggregation groups share a column, which Kylin's expected output leaves out (Kylin cannot convert
 * them): those are converted with groups that keep their v1 cuboids and checked for their properties.
 */
class GoldenOutput15Test {
  static final String SAMPLE = GoldenOutputTest.SAMPLE;
  static final String LOCALMETA = GoldenOutputTest.LOCALMETA;
  private static final long RUN_TIMESTAMP = 1800000000123L;
  private static final Pattern LAST_MODIFIED = Pattern.compile("\n  \"last_modified\" : (-?\\d+),\n");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, InMemoryUpgrade.Outcome> OUTCOMES = new ConcurrentHashMap<>();
  /** The descs of localmeta whose old aggregation groups share LSTG_FORMAT_NAME. */
  private static final List<String> SHARED_COLUMN_DESCS = List.of(
      "/cube_desc/test_kylin_cube_without_slr_desc.json", "/cube_desc/test_kylin_cube_without_slr_left_join_desc.json");

  static Map<String, Resource> input(String example) {
    return InMemoryUpgrade.readFolder(TestData.example(example));
  }

  static InMemoryUpgrade.Outcome converted(String example) {
    return OUTCOMES.computeIfAbsent(example, name ->
        InMemoryUpgrade.run(input(name), UpgradeOptions.of(RUN_TIMESTAMP, UpgradeTarget.V1_5)));
  }

  static Map<String, Resource> expected(String example) {
    return InMemoryUpgrade.readFolder(TestData.expected15(example));
  }

  /** The descs Kylin's expected output leaves out, checked for their properties instead. */
  static Set<String> propertyChecked(String example) {
    Path list = TestData.expected15(example + ".property-checked.txt");
    try {
      return Files.exists(list) ? Files.readAllLines(list, StandardCharsets.UTF_8).stream()
          .filter(line -> !line.isBlank()).map(line -> "/" + line.trim())
          .collect(Collectors.toCollection(TreeSet::new)) : Set.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {SAMPLE, LOCALMETA})
  void outputHasTheExpectedFileSet(String example) {
    Set<String> files = new TreeSet<>(expected(example).keySet());
    files.addAll(propertyChecked(example));
    assertEquals(files, new TreeSet<>(converted(example).output().keySet()));
  }

  @ParameterizedTest
  @ValueSource(strings = {SAMPLE, LOCALMETA})
  void everyFileIsKylinsBytesButTheRunsLastModified(String example) {
    Map<String, Resource> input = input(example);
    InMemoryUpgrade.Outcome outcome = converted(example);
    int newLastModified = 0;
    for (Resource expected : expected(example).values()) {
      Resource ours = outcome.output().get(expected.path());
      if (Arrays.equals(expected.content(), ours.content())) {
        continue;
      }
      String expectedText = expected.text();
      String ourText = ours.text();
      String kylins = lastModified(expectedText);
      assertNotEquals(lastModified(input.get(expected.path()).text()), kylins,
          expected.path() + " differs although Kylin kept its last_modified");
      assertEquals(Long.toString(RUN_TIMESTAMP), lastModified(ourText), expected.path());
      assertEquals(expectedText, ourText.replace(lastModifiedLine(ourText), lastModifiedLine(expectedText)),
          expected.path());
      newLastModified++;
    }
    // the converted descs and the filled models
    assertEquals(example.equals(SAMPLE) ? 2 : 6, newLastModified);
  }

  @ParameterizedTest
  @ValueSource(strings = {SAMPLE, LOCALMETA})
  void changedFilesGetTheRunsStoreTimestampAndOthersKeepTheirs(String example) {
    Map<String, Resource> input = input(example);
    for (Resource ours : converted(example).output().values()) {
      Resource before = input.get(ours.path());
      if (Arrays.equals(before.content(), ours.content())) {
        assertEquals(before.timestamp(), ours.timestamp(), ours.path());
      } else {
        assertEquals(RUN_TIMESTAMP, ours.timestamp(), ours.path());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {SAMPLE, LOCALMETA})
  void everyDescLoadsAndCarriesKylin15sSignature(String example) throws IOException {
    InMemoryUpgrade.Outcome outcome = converted(example);
    TableCatalog tables = outcome.tables();
    int checked = 0;
    for (Resource desc : outcome.output().values()) {
      if (!desc.path().startsWith("/cube_desc/")) {
        continue;
      }
      JsonNode tree = JSON.readTree(desc.content());
      Resource model = outcome.output().get("/model_desc/" + tree.get("model_name").asText() + ".json");
      V15Load.DescOutcome loaded = V15Load.cubeDesc(desc, model, tables);
      assertTrue(loaded.loaded(), desc.path() + ": " + loaded.notLoadableReason());
      assertEquals(loaded.signature().value(), tree.get("signature").asText(), desc.path());
      checked++;
    }
    assertEquals(example.equals(SAMPLE) ? 1 : 4, checked);
  }

  @Test
  void signaturesAreTheOnesOfKylinsCorrections() throws IOException {
    Map<String, Resource> output = converted(LOCALMETA).output();
    assertEquals("CVczYlmNFjiULH+nBBgCng==", signature(output, "test_kylin_cube_with_slr_desc"));
    assertEquals("bxp7Vooolj6FoGg+Ylv9yw==", signature(output, "test_kylin_cube_with_slr_left_join_desc"));
    assertEquals("tw/7eQrBpwaMJk5/ZiFcVw==", signature(converted(SAMPLE).output(), "kylin_sales_cube_desc"));
  }

  @Test
  void descsSharedWithCubesThatHaveSegmentsKeepEngineAndStorageZero() throws IOException {
    Map<String, Resource> output = converted(LOCALMETA).output();
    for (String desc : List.of("test_kylin_cube_with_slr_desc", "test_kylin_cube_with_slr_left_join_desc")) {
      JsonNode tree = JSON.readTree(output.get("/cube_desc/" + desc + ".json").content());
      assertEquals(0, tree.get("engine_type").asInt(), desc);
      assertEquals(0, tree.get("storage_type").asInt(), desc);
    }
    List<String> warned = converted(LOCALMETA).warnings().stream()
        .filter(w -> w.reason().contains("left on engine 0/storage 0")).map(Problem::path).sorted().toList();
    assertEquals(List.of("/cube_desc/test_kylin_cube_with_slr_desc.json",
        "/cube_desc/test_kylin_cube_with_slr_left_join_desc.json", "/cube_desc/test_kylin_cube_without_slr_desc.json",
        "/cube_desc/test_kylin_cube_without_slr_left_join_desc.json"), warned);
    JsonNode sample = JSON.readTree(converted(SAMPLE).output().get("/cube_desc/kylin_sales_cube_desc.json").content());
    assertEquals(2, sample.get("engine_type").asInt());
    assertEquals(2, sample.get("storage_type").asInt());
  }

  /**
   * Kylin's own rule finds these two descs not expressible (their old groups share LSTG_FORMAT_NAME); the default
   * planner writes groups that keep exactly the 27 cuboids Kylin 1.3.0 built, and says so. Cubes with segments use
   * them, so they keep engine 0 / storage 0 and their row key order.
   */
  @Test
  void descsWhoseOldGroupsShareAColumnKeepTheirV1Cuboids() throws IOException {
    InMemoryUpgrade.Outcome outcome = converted(LOCALMETA);
    Map<String, Resource> input = input(LOCALMETA);
    assertEquals(new TreeSet<>(SHARED_COLUMN_DESCS), propertyChecked(LOCALMETA));
    assertEquals(List.of(), outcome.unloadable());
    for (String path : SHARED_COLUMN_DESCS) {
      JsonNode v1Tree = JSON.readTree(input.get(path).content());
      JsonNode v1Model = JSON.readTree(input.get("/model_desc/" + v1Tree.get("model_name").asText() + ".json")
          .content());
      JsonNode ours = JSON.readTree(outcome.bytes(path));
      assertEquals(0, ours.get("engine_type").asInt(), path);
      assertEquals(0, ours.get("storage_type").asInt(), path);
      List<String> v1RowKey = new java.util.ArrayList<>();
      v1Tree.at("/rowkey/rowkey_columns").forEach(c -> v1RowKey.add(c.get("column").asText().toUpperCase()));
      List<String> rowKey = new java.util.ArrayList<>();
      ours.at("/rowkey/rowkey_columns").forEach(c -> rowKey.add(c.get("column").asText()));
      assertEquals(v1RowKey, rowKey, path);
      org.kylinupgrade.cuboid.V1Cuboids v1 = org.kylinupgrade.cuboid.V1Cuboids.of(v1Tree, v1Model);
      org.kylinupgrade.cuboid.V15Cuboids v15 = org.kylinupgrade.cuboid.V15Cuboids.of(ours);
      assertTrue(v15.loads(), v15.loadProblems().toString());
      assertEquals(27, v1.buildSet().size(), path);
      assertEquals(v1.buildSet(), v15.cuboidSet(), path);
      assertEquals(org.kylinupgrade.rules.v15.Versions.UPGRADED, ours.get("version").asText(), path);
      List<Problem> deviation = outcome.warnings().stream().filter(w -> w.path().equals(path)
          && w.reason().contains("Kylin's converter would have")).toList();
      assertEquals(1, deviation.size(), outcome.warnings().toString());
      assertTrue(deviation.get(0).reason().endsWith("written with aggregation groups that keep the v1 cuboid set; "
          + "Kylin's converter would have refused the desc: its old aggregation groups share a column"),
          deviation.get(0).reason());
    }
    assertEquals(new CuboidCheckCounts(2, 2, 0, 0), outcome.cuboidChecks());
    assertEquals(new CuboidCheckCounts(1, 0, 0, 0), converted(SAMPLE).cuboidChecks());
  }

  /** With Kylin's own rule as the planner, the two descs are reported and left exactly as they were. */
  @Test
  void withKylinsRuleTheDescsSharingAColumnAreReportedAndLeftAsTheyWere() {
    InMemoryUpgrade.Outcome outcome = InMemoryUpgrade.run(input(LOCALMETA), UpgradeOptions.of(RUN_TIMESTAMP,
        UpgradeTarget.V1_5).withGroupPlanner(KylinAggregationGroupPlanner.INSTANCE));
    Map<String, Resource> input = input(LOCALMETA);
    for (String path : SHARED_COLUMN_DESCS) {
      assertEquals(input.get(path), outcome.output().get(path), path);
      List<Problem> problems = outcome.unloadable().stream().filter(p -> p.path().equals(path)).toList();
      assertEquals(1, problems.size(), problems.toString());
      assertTrue(problems.get(0).reason().contains("old aggregation groups share column LSTG_FORMAT_NAME"),
          problems.toString());
    }
    Set<String> cubes = outcome.unloadable().stream().map(Problem::path).filter(p -> p.startsWith("/cube/"))
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(new TreeSet<>(List.of("/cube/test_kylin_cube_without_slr_empty.json",
        "/cube/test_kylin_cube_without_slr_ready.json", "/cube/test_kylin_cube_without_slr_left_join_empty.json",
        "/cube/test_kylin_cube_without_slr_left_join_ready.json",
        "/cube/test_kylin_cube_without_slr_left_join_ready_2_segments.json")), cubes);
    assertEquals(7, outcome.unloadable().size(), outcome.unloadable().toString());
    assertEquals(new CuboidCheckCounts(2, 0, 2, 0), outcome.cuboidChecks());
    // everything else is the same as with the default planner
    Map<String, Resource> byDefault = converted(LOCALMETA).output();
    for (Resource resource : outcome.output().values()) {
      if (!SHARED_COLUMN_DESCS.contains(resource.path())) {
        assertEquals(byDefault.get(resource.path()), resource, resource.path());
      }
    }
  }

  @Test
  void sampleCubeHasNothingUnloadableAndSwitchesItsEmptyCube() {
    InMemoryUpgrade.Outcome outcome = converted(SAMPLE);
    assertEquals(List.of(), outcome.unloadable());
    assertEquals(List.of(), outcome.warnings());
    Change desc = outcome.changes().stream().filter(c -> c.kind() == Change.Kind.CUBE_DESC).findFirst().orElseThrow();
    assertEquals(List.of("converted to the Kylin 1.5 format",
        "engine_type/storage_type 0/0 -> 2/2 (no cube using it has segments)",
        "signature OWc6h/qpWCBgxEnzB5wr0w== -> tw/7eQrBpwaMJk5/ZiFcVw=="), desc.reasons());
    Change model = outcome.changes().stream().filter(c -> c.kind() == Change.Kind.MODEL).findFirst().orElseThrow();
    assertEquals(List.of("dimensions/metrics derived from cube desc kylin_sales_cube_desc"), model.reasons());
    // the cube, the project and three tables only get the version label
    assertEquals(5, outcome.versionRefreshed().size(), outcome.versionRefreshed().toString());
  }

  private static String signature(Map<String, Resource> output, String desc) throws IOException {
    return JSON.readTree(output.get("/cube_desc/" + desc + ".json").content()).get("signature").asText();
  }

  private static String lastModifiedLine(String json) {
    Matcher m = LAST_MODIFIED.matcher(json);
    assertTrue(m.find(), "no top-level last_modified");
    return m.group();
  }

  private static String lastModified(String json) {
    Matcher m = LAST_MODIFIED.matcher(json);
    return m.find() ? m.group(1) : null;
  }
}
