package org.kylinupgrade.kylin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kylinupgrade.FolderAssertions;
import org.kylinupgrade.TestData;
import org.kylinupgrade.kylin.KylinClient.Version;

/**
 * The harness runs Kylin's real upgrade: Kylin 1.5.4.1's {@code CubeMetadataUpgradeEntry_v_1_5_1} on the 1.3.0
 * examples gives the expected 1.5 folders, apart from the run's {@code last_modified} times and the listed
 * corrections.
 */
class KylinUpgradeEntryIT {
  private static final Pattern LAST_MODIFIED = Pattern.compile("\"last_modified\" : (\\d+)");
  private static final Pattern SWITCHED = Pattern.compile(
      "\"(engine_type|storage_type|signature)\" : (\"[^\"]*\"|\\d+|null)");

  @TempDir
  Path tmp;

  @Test
  void sampleCubeUpgradesToTheExpectedFolder() throws IOException {
    String name = "kylin-1.3.0-sample-cube";
    Path input = TestData.example(name);
    Map<String, String> before = KylinLoadIT.fingerprint(input);
    Path out = tmp.resolve(name);
    long start = System.currentTimeMillis();
    KylinUpgrade run = KylinClient.upgrade151(input, out);
    long end = System.currentTimeMillis();
    System.out.println(run.summary());

    assertEquals("1.5.4.1", run.version());
    assertEquals(KylinUpgrade.Outcome.OK, run.outcome(), run.summary());
    assertEquals(before, KylinLoadIT.fingerprint(input), "the input folder is untouched");
    assertSameApartFromRunTimes(KylinLoadIT.v15Expected(name), out, Set.of(), Set.of(), start, end);
  }

  /**
   * On the 1.3.0 test metadata Kylin logs errors for the two descs whose old aggregation groups share a column
   * (and so loses their cubes), and switches four shared descs to the new engine; the expected folder corrects
   * both. Everything else is Kylin's output.
   */
  @Test
  void localMetaUpgradesToTheExpectedFolderApartFromTheCorrections() throws IOException {
    String name = "kylin-1.3.0-localmeta";
    Path out = tmp.resolve(name);
    long start = System.currentTimeMillis();
    KylinUpgrade run = KylinClient.upgrade151(TestData.example(name), out);
    long end = System.currentTimeMillis();
    System.out.println(run.summary().lines().findFirst().orElse(""));

    assertEquals(KylinUpgrade.Outcome.ERRORS, run.outcome(), run.summary());
    Set<String> absent = new TreeSet<>();
    for (String desc : KylinLoadIT.absentDescs(name)) {
      absent.add("cube_desc/" + desc + ".json");
      assertTrue(run.errors().stream().anyMatch(e -> e.contains("/cube_desc/" + desc + ".json")
          && e.contains("rowKeyColExistsInMultipleAggGroup")), run.summary());
    }
    assertEquals(2, absent.size());
    Set<String> switched = engineSwitchCorrections(name);
    assertEquals(4, switched.size(), switched.toString());
    assertSameApartFromRunTimes(KylinLoadIT.v15Expected(name), out, absent, switched, start, end);
  }

  /** A failing child surfaces its exit status and its stderr. */
  @Test
  void aFailingChildReportsItsStderr() throws IOException {
    Path out = Files.createDirectories(tmp.resolve("taken"));
    Files.writeString(out.resolve("a-file"), "x");
    IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
        () -> KylinClient.upgrade151(TestData.example("kylin-1.3.0-sample-cube"), out));
    assertTrue(e.getMessage().contains("exited with 1"), e.getMessage());
    assertTrue(e.getMessage().contains("output exists and is not an empty folder"), e.getMessage());
    assertEquals(List.of("a-file"), FolderAssertions.files(out));
  }

  /** The descs whose engine and storage switch the expected folder reverts (listed per case). */
  private static Set<String> engineSwitchCorrections(String name) throws IOException {
    Set<String> paths = new TreeSet<>();
    boolean inSection = false;
    for (String line : Files.readAllLines(KylinLoadIT.v15Expected(name + ".corrections.txt"))) {
      if (line.startsWith("C2 ")) {
        inSection = true;
      } else if (inSection && line.isBlank()) {
        inSection = false;
      } else if (inSection && line.matches("  cube_desc/\\S+\\.json.*")) {
        paths.add(line.trim().split("\\s+")[0]);
      }
    }
    return paths;
  }

  /**
   * The same files with the same bytes, except: {@code last_modified} values may differ, and then the actual one
   * is a time of the run; files in {@code skipped} are not compared (they must exist in the output); in
   * {@code switched} files, engine_type, storage_type and signature are not compared either.
   */
  private static void assertSameApartFromRunTimes(Path expected, Path actual, Set<String> skipped,
      Set<String> switched, long start, long end) throws IOException {
    List<String> files = new ArrayList<>(FolderAssertions.files(actual));
    for (String s : skipped) {
      assertTrue(files.remove(s), "Kylin's output has " + s);
    }
    assertEquals(FolderAssertions.files(expected), files, "file sets");
    int rewritten = 0;
    for (String file : files) {
      byte[] e = Files.readAllBytes(expected.resolve(file));
      byte[] a = Files.readAllBytes(actual.resolve(file));
      if (java.util.Arrays.equals(e, a)) {
        continue;
      }
      assertTrue(file.endsWith(".json"), "bytes of " + file);
      String es = new String(e, StandardCharsets.UTF_8);
      String as = new String(a, StandardCharsets.UTF_8);
      Matcher m = LAST_MODIFIED.matcher(as);
      while (m.find()) {
        long t = Long.parseLong(m.group(1));
        if (!es.contains(m.group())) {
          assertTrue(t >= start - 1000 && t <= end + 1000, "last_modified " + t + " of " + file + " is in the run");
          rewritten++;
        }
      }
      es = LAST_MODIFIED.matcher(es).replaceAll("\"last_modified\" : 0");
      as = LAST_MODIFIED.matcher(as).replaceAll("\"last_modified\" : 0");
      if (switched.contains(file)) {
        es = SWITCHED.matcher(es).replaceAll("\"$1\" : _");
        as = SWITCHED.matcher(as).replaceAll("\"$1\" : _");
      }
      assertEquals(es, as, file);
    }
    assertTrue(rewritten > 0, "Kylin rewrote some descs or models");
    assertFalse(files.isEmpty());
  }
}
