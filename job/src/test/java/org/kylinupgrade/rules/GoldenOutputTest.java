package org.kylinupgrade.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
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

/** The conversion of the shared examples against Kylin's own (corrected) output in testdata/v2-expected. */
class GoldenOutputTest {
  static final String SAMPLE = "kylin-1.3.0-sample-cube";
  static final String LOCALMETA = "kylin-1.3.0-localmeta";
  private static final long RUN_TIMESTAMP = 1800000000123L;
  private static final Pattern LAST_MODIFIED = Pattern.compile("\n  \"last_modified\" : (-?\\d+),\n");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, InMemoryUpgrade.Outcome> OUTCOMES = new ConcurrentHashMap<>();

  static InMemoryUpgrade.Outcome converted(String example) {
    return OUTCOMES.computeIfAbsent(example, name ->
        InMemoryUpgrade.run(InMemoryUpgrade.readFolder(TestData.example(name)), UpgradeOptions.of(RUN_TIMESTAMP)));
  }

  static Map<String, Resource> expected(String example) {
    return InMemoryUpgrade.readFolder(TestData.expected(example));
  }

  @ParameterizedTest
  @ValueSource(strings = {SAMPLE, LOCALMETA})
  void outputHasTheExpectedFileSet(String example) {
    assertEquals(expected(example).keySet(), converted(example).output().keySet());
  }

  @ParameterizedTest
  @ValueSource(strings = {SAMPLE, LOCALMETA})
  void rewritesExactlyTheFilesKylinRewrote(String example) {
    Map<String, Resource> input = InMemoryUpgrade.readFolder(TestData.example(example));
    Set<String> changedByKylin = expected(example).values().stream()
        .filter(r -> !Arrays.equals(r.content(), input.get(r.path()).content()))
        .map(Resource::path).collect(Collectors.toCollection(TreeSet::new));
    Set<String> rewritten = converted(example).rewritten().stream().map(Resource::path)
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(changedByKylin, rewritten);
  }

  @ParameterizedTest
  @ValueSource(strings = {SAMPLE, LOCALMETA})
  void untouchedFilesAreByteIdentical(String example) {
    InMemoryUpgrade.Outcome outcome = converted(example);
    Set<String> rewritten = outcome.rewritten().stream().map(Resource::path).collect(Collectors.toSet());
    for (Resource expected : expected(example).values()) {
      if (!rewritten.contains(expected.path())) {
        assertArrayEquals(expected.content(), outcome.bytes(expected.path()), expected.path());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {SAMPLE, LOCALMETA})
  void rewrittenFilesAreKylinsBytesApartFromLastModified(String example) throws IOException {
    Map<String, Resource> expected = expected(example);
    for (Resource ours : converted(example).rewritten()) {
      String expectedText = expected.get(ours.path()).text();
      String ourText = ours.text();
      assertEquals(Long.toString(RUN_TIMESTAMP), lastModified(ourText), ours.path());
      assertEquals(RUN_TIMESTAMP, ours.timestamp(), ours.path());
      assertEquals(withoutLastModified(expectedText), withoutLastModified(ourText), ours.path());
      assertEquals(expectedText, ourText.replace(lastModifiedLine(ourText), lastModifiedLine(expectedText)),
          ours.path());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {SAMPLE, LOCALMETA})
  void signaturesAndPreHashStringsAreKylins(String example) throws IOException {
    InMemoryUpgrade.Outcome outcome = converted(example);
    List<String> lines = Files.readAllLines(TestData.expected(example + ".signatures.tsv"), StandardCharsets.UTF_8);
    assertEquals(outcome.output().keySet().stream().filter(p -> p.startsWith("/cube_desc/")).count(), lines.size());
    for (String line : lines) {
      String[] columns = line.split("\t", -1);
      String descPath = "/cube_desc/" + columns[0] + ".json";
      Resource desc = outcome.output().get(descPath);
      ObjectNode tree = (ObjectNode) JSON.readTree(desc.content());
      assertEquals(columns[2], tree.get("signature").asText(), descPath);
      if (!columns[3].startsWith("<NOT LOADABLE")) {
        Resource model = outcome.output().get("/model_desc/" + tree.get("model_name").asText() + ".json");
        Signature signature = Signature.compute(desc, model, outcome.tables());
        assertEquals(columns[3], signature.preHash(), descPath);
        assertEquals(columns[2], signature.value(), descPath);
        assertEquals(columns[2], Signature.ofPreHash(columns[3]).value(), descPath);
      }
    }
  }

  @Test
  void localmetaReportsExactlyTheBitmapDescsAndTheirCubesAsUnloadable() {
    List<Problem> unloadable = converted(LOCALMETA).unloadable();
    Set<String> paths = unloadable.stream().map(Problem::path).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(new TreeSet<>(List.of(
        "/cube_desc/test_kylin_cube_without_slr_desc.json",
        "/cube_desc/test_kylin_cube_without_slr_left_join_desc.json",
        "/cube/test_kylin_cube_without_slr_empty.json",
        "/cube/test_kylin_cube_without_slr_ready.json",
        "/cube/test_kylin_cube_without_slr_left_join_empty.json",
        "/cube/test_kylin_cube_without_slr_left_join_ready.json",
        "/cube/test_kylin_cube_without_slr_left_join_ready_2_segments.json")), paths);
    assertEquals(paths.size(), unloadable.size());
    for (Problem problem : unloadable) {
      if (problem.path().startsWith("/cube_desc/")) {
        assertTrue(problem.reason().contains("bitmap"), problem.toString());
        assertTrue(problem.reason().contains(problem.path()), problem.toString());
      }
    }
  }

  @Test
  void sampleCubeHasNothingUnloadableAndSwitchesItsEmptyCube() {
    InMemoryUpgrade.Outcome outcome = converted(SAMPLE);
    assertEquals(List.of(), outcome.unloadable());
    assertEquals(List.of(), outcome.warnings());
    Change desc = outcome.changes().stream().filter(c -> c.kind() == Change.Kind.CUBE_DESC).findFirst().orElseThrow();
    assertEquals(List.of("engine_type/storage_type 0/0 -> 2/2 (no cube using it has segments)",
        "signature OWc6h/qpWCBgxEnzB5wr0w== -> +LzlmGgLaLprEtSmYVvdgA=="), desc.reasons());
    Change model = outcome.changes().stream().filter(c -> c.kind() == Change.Kind.MODEL).findFirst().orElseThrow();
    assertEquals(List.of("dimensions/metrics derived from cube desc kylin_sales_cube_desc"), model.reasons());
  }

  @Test
  void localmetaWarnsAboutTheDescsSharedByEmptyAndBuiltCubes() {
    List<String> warned = new ArrayList<>();
    for (Problem warning : converted(LOCALMETA).warnings()) {
      assertTrue(warning.reason().contains("left on engine 0/storage 0"), warning.toString());
      warned.add(warning.path());
    }
    assertEquals(List.of("/cube_desc/test_kylin_cube_with_slr_desc.json",
        "/cube_desc/test_kylin_cube_with_slr_left_join_desc.json"), warned.stream().sorted().toList());
  }

  private static String lastModifiedLine(String json) {
    Matcher m = LAST_MODIFIED.matcher(json);
    assertTrue(m.find(), "no top-level last_modified");
    return m.group();
  }

  private static String lastModified(String json) {
    Matcher m = LAST_MODIFIED.matcher(json);
    assertTrue(m.find(), "no top-level last_modified");
    return m.group(1);
  }

  private static ObjectNode withoutLastModified(String json) throws IOException {
    ObjectNode tree = (ObjectNode) JSON.readTree(json);
    tree.remove("last_modified");
    return tree;
  }
}
