package org.kylinupgrade.cuboid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class V1CuboidsTest {

  @Test
  void buildSetsEqualKylin130sWalkForAllCorpusDescs() {
    Map<String, Map<String, String>> rows = Corpus.byDesc("cuboids.tsv");
    assertEquals(60, rows.size());
    for (Map<String, String> row : rows.values()) {
      String name = row.get("desc");
      V1Cuboids v1 = Corpus.v1(name);
      assertEquals(Arrays.asList(row.get("rowkey_columns").split(",")), v1.rowkeyColumns(), name);
      CuboidSet expected = Corpus.ids(row.get("cuboid_ids"));
      assertEquals(Integer.parseInt(row.get("cuboid_count")), expected.size(), name);
      assertEquals(expected, v1.buildSet(), name);
    }
  }

  @Test
  void isValidSetsAndCountsEqualKylin130s() {
    Map<String, Map<String, String>> descs = Corpus.byDesc("descs.tsv");
    int differing = 0;
    for (Map<String, String> row : Corpus.tsv("cuboids_isvalid.tsv")) {
      String name = row.get("desc");
      V1Cuboids v1 = Corpus.v1(name);
      CuboidSet expected = Corpus.ids(row.get("cuboid_ids"));
      assertEquals(expected, v1.isValidSet(), name);
      assertEquals(expected.size(), v1.isValidCount(), name);
      Map<String, String> facts = descs.get(name);
      assertEquals(Integer.parseInt(facts.get("isvalid_count")), expected.size(), name);
      assertEquals(Integer.parseInt(facts.get("math_count")), v1.kylinMathCount(), name);
      assertEquals(Long.parseLong(facts.get("walk_dups")), v1.buildDuplicates(), name);
      if (!expected.equals(v1.buildSet())) {
        differing++;
      }
      assertEquals("y".equals(facts.get("walk_eq_isvalid")), expected.equals(v1.buildSet()), name);
      for (long id : expected.toArray()) {
        assertTrue(v1.isValid(id), name + " " + id);
      }
    }
    assertEquals(11, differing);
  }

  @Test
  void queryAnswersEqualKylin130sFindById() {
    Map<String, V1Cuboids> cache = new HashMap<>();
    int rows = 0;
    int errors = 0;
    for (Map<String, String> row : Corpus.tsv("queries.tsv")) {
      String name = row.get("desc");
      V1Cuboids v1 = cache.computeIfAbsent(name, Corpus::v1);
      OptionalLong answer = v1.findById(Long.parseLong(row.get("query_mask")));
      String expected = row.get("cuboid_id");
      if ("E".equals(expected)) {
        errors++;
        assertFalse(answer.isPresent(), name + " " + row.get("query_mask"));
      } else {
        assertEquals(OptionalLong.of(Long.parseLong(expected)), answer, name + " " + row.get("query_mask"));
      }
      rows++;
    }
    assertEquals(24608, rows);
    assertTrue(errors > 0);
  }

  @Test
  void localmetaCubeWithoutSlrHas27Cuboids() {
    String ex = "kylin-1.3.0-localmeta";
    for (String name : List.of("test_kylin_cube_without_slr_desc", "test_kylin_cube_without_slr_left_join_desc")) {
      V1Cuboids v1 = V1Cuboids.of(Corpus.exampleDesc(ex, name), Corpus.exampleModel(ex, name));
      assertEquals(27, v1.buildSet().size(), name);
      assertEquals(27, v1.isValidSet().size(), name);
    }
  }

  @Test
  void aBoundStopsTheWalk() {
    V1Cuboids v1 = Corpus.v1("corpus_a_0009_desc");
    assertThrows(CuboidSetTooLargeException.class, () -> v1.buildSet(100));
    assertEquals(2047, v1.buildSet().size());
  }
}
