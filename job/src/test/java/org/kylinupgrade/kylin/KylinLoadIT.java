package org.kylinupgrade.kylin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.kylinupgrade.TestData;
import org.kylinupgrade.kylin.KylinClient.Version;
import org.kylinupgrade.kylin.KylinLoad.DescStatus;

/** Released Kylin 1.5.4.1 and 1.6.0 load Kylin's own 1.5 output, and refuse the 1.4-alpha output. */
class KylinLoadIT {
  private static final String SAMPLE = "kylin-1.3.0-sample-cube";
  private static final String LOCALMETA = "kylin-1.3.0-localmeta";

  /**
   * Kylin 1.6.0 refuses a model that joins the same lookup table twice ("Alias ... ref to multiple tables"). The
   * 1.3.0 test model {@code test_kylin_with_slr_left_join_model_desc} has such a duplicate lookup already in its
   * input, and Kylin 1.5.4.1's upgrade keeps it: 1.6.0 then drops the model and keeps its desc as broken.
   */
  private static final String DUPLICATE_LOOKUP_MODEL = "test_kylin_with_slr_left_join_model_desc";
  private static final String DUPLICATE_LOOKUP_DESC = "test_kylin_cube_with_slr_left_join_desc";

  /** One child run per version and folder for the whole class. */
  private static final Map<String, KylinLoad> LOADS = new java.util.concurrent.ConcurrentHashMap<>();

  static KylinLoad load(Version version, Path folder) {
    return LOADS.computeIfAbsent(version + " " + folder, k -> KylinClient.load(version, folder));
  }

  static Path v15Expected(String name) {
    return TestData.repo().resolve("testdata").resolve("v15-expected").resolve(name);
  }

  static Stream<Arguments> v15Cases() {
    List<Arguments> cases = new ArrayList<>();
    for (Version version : Version.values()) {
      for (String name : List.of(SAMPLE, LOCALMETA)) {
        cases.add(Arguments.of(version, name));
      }
    }
    return cases.stream();
  }

  /** The descs a case's expected folder leaves out on purpose (Kylin cannot convert them; listed per case). */
  static Set<String> absentDescs(String name) throws IOException {
    Path list = v15Expected(name + ".property-checked.txt");
    Set<String> names = new TreeSet<>();
    if (Files.exists(list)) {
      for (String line : Files.readAllLines(list)) {
        line = line.trim();
        if (line.startsWith("cube_desc/") && line.endsWith(".json")) {
          names.add(line.substring("cube_desc/".length(), line.length() - ".json".length()).toLowerCase(Locale.ROOT));
        }
      }
    }
    return names;
  }

  @ParameterizedTest(name = "Kylin {0} loads v15-expected/{1}")
  @MethodSource("v15Cases")
  void kylinsOwnOneFiveOutputLoads(Version version, String name) throws IOException {
    Path folder = v15Expected(name);
    KylinLoad load = load(version, folder);
    System.out.println(load.summary());
    String why = load.summary();

    assertEquals(version.text, load.version());
    assertTrue(load.managers().values().stream().allMatch(m -> m == null), why);
    assertEquals(fileCount(folder, "cube_desc"), load.descs().size(), why);
    assertEquals(fileCount(folder, "cube"), load.cubes().size(), why);
    assertEquals(fileCount(folder, "model_desc"), load.models().size(), why);
    assertEquals(fileCount(folder, "project"), load.projects().size(), why);
    assertEquals(fileCount(folder, "table"), load.tables().size(), why);
    assertTrue(load.tables().stream().allMatch(KylinLoad.Entity::loaded), why);
    assertTrue(load.projects().stream().allMatch(KylinLoad.Entity::loaded), why);

    boolean duplicateLookupRefused = version == Version.V1_6_0 && name.equals(LOCALMETA);
    for (KylinLoad.Entity model : load.models()) {
      if (duplicateLookupRefused && model.name().equals(DUPLICATE_LOOKUP_MODEL)) {
        assertFalse(model.loaded(), why);
        assertTrue(model.message().contains("ref to multiple tables"), why);
      } else {
        assertTrue(model.loaded(), why);
      }
    }

    for (KylinLoad.Desc desc : load.descs()) {
      if (duplicateLookupRefused && desc.name().equals(DUPLICATE_LOOKUP_DESC)) {
        assertEquals(DescStatus.BROKEN, desc.status(), why);
        assertTrue(desc.message().contains(DUPLICATE_LOOKUP_MODEL), why);
        continue;
      }
      assertEquals(DescStatus.LOADED, desc.status(), why);
      assertTrue(desc.signatureOk(), "checkSignature() of " + desc.name() + "; " + why);
      assertFalse(desc.cuboids().isEmpty(), why);
      assertFalse(desc.rowkey().isEmpty(), why);
    }

    // every cube finds its desc, except the cubes of descs the expected folder leaves out
    Set<String> absent = absentDescs(name);
    for (KylinLoad.Cube cube : load.cubes()) {
      String descName = cube.descName().toLowerCase(Locale.ROOT);
      if (absent.contains(descName)) {
        assertFalse(cube.descFound(), why);
        assertTrue(cube.message().contains("desc not found"), why);
      } else if (duplicateLookupRefused && descName.equals(DUPLICATE_LOOKUP_DESC)) {
        assertFalse(cube.descFound(), why);
        assertEquals("DESCBROKEN", cube.status(), why);
      } else {
        assertTrue(cube.loaded() && cube.descFound(), "cube " + cube.name() + "; " + why);
      }
    }
  }

  /** Both versions compute the same cuboid sets and rowkeys for the descs both load. */
  @Test
  void versionsAgreeOnCuboids() {
    for (String name : List.of(SAMPLE, LOCALMETA)) {
      KylinLoad v15 = load(Version.V1_5_4_1, v15Expected(name));
      KylinLoad v16 = load(Version.V1_6_0, v15Expected(name));
      Map<String, List<Long>> c15 = v15.cuboidsByDesc();
      Map<String, List<Long>> c16 = v16.cuboidsByDesc();
      assertFalse(c16.isEmpty());
      for (Map.Entry<String, List<Long>> e : c16.entrySet()) {
        assertEquals(c15.get(e.getKey()), e.getValue(), "cuboids of " + e.getKey() + " in " + name);
        assertEquals(v15.desc(e.getKey()).orElseThrow().rowkey(), v16.desc(e.getKey()).orElseThrow().rowkey());
      }
    }
  }

  /** A sample cube fact that pins what the client reports: 7 rowkey columns, 63 cuboids up to the base 127. */
  @Test
  void sampleCubeCuboidsAsKylinComputesThem() {
    KylinLoad load = load(Version.V1_5_4_1, v15Expected(SAMPLE));
    KylinLoad.Desc desc = load.desc("kylin_sales_cube_desc").orElseThrow();
    assertEquals(List.of("PART_DT", "LEAF_CATEG_ID", "META_CATEG_NAME", "CATEG_LVL2_NAME", "CATEG_LVL3_NAME",
        "LSTG_FORMAT_NAME", "LSTG_SITE_ID"), desc.rowkey());
    assertEquals(63, desc.cuboids().size());
    assertEquals(127L, desc.cuboids().get(desc.cuboids().size() - 1));
    assertEquals(2, desc.engineType());
    assertEquals(2, desc.storageType());
  }

  /** The harness can fail: Kylin 1.4-alpha's output is not 1.5 metadata, and 1.5.4.1 loads none of its descs. */
  @ParameterizedTest(name = "Kylin 1.5.4.1 refuses v2-expected/{0}")
  @EnumSource(value = Case.class)
  void fourAlphaOutputLoadsNoDesc(Case c) {
    KylinLoad load = KylinClient.load(Version.V1_5_4_1, TestData.expected(c.folder));
    System.out.println(load.summary());
    assertFalse(load.descs().isEmpty());
    assertEquals(0, load.loadedDescCount(), load.summary());
    for (KylinLoad.Desc desc : load.descs()) {
      assertEquals(DescStatus.FAILED, desc.status());
      assertTrue(desc.message().contains("DimensionDesc[\"column\"]"), desc.message());
    }
    assertFalse(load.cubes().isEmpty());
    assertTrue(load.cubes().stream().noneMatch(KylinLoad.Cube::descFound), load.summary());
  }

  enum Case {
    SAMPLE_CUBE(SAMPLE), LOCAL_META(LOCALMETA);

    final String folder;

    Case(String folder) {
      this.folder = folder;
    }
  }

  @Test
  void inputFolderIsNotWritten() throws IOException {
    Path folder = v15Expected(SAMPLE);
    Map<String, String> before = fingerprint(folder);
    KylinClient.load(Version.V1_6_0, folder);
    assertEquals(before, fingerprint(folder));
  }

  static Map<String, String> fingerprint(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.sorted().collect(Collectors.toMap(p -> root.relativize(p).toString(), p -> {
        try {
          return Files.getLastModifiedTime(p).toMillis() + ":"
              + (Files.isRegularFile(p) ? java.util.Arrays.hashCode(Files.readAllBytes(p)) : "dir");
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }, (a, b) -> a, java.util.TreeMap::new));
    }
  }

  private static long fileCount(Path folder, String dir) throws IOException {
    Path d = folder.resolve(dir);
    if (!Files.isDirectory(d)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(d)) {
      return files.filter(p -> p.toString().endsWith(".json")).count();
    }
  }
}
