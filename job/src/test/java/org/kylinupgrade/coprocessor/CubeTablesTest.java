package org.kylinupgrade.coprocessor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.kylinupgrade.TestData;
import org.kylinupgrade.coprocessor.KylinCoprocessors.Target;
import org.kylinupgrade.metadata.BadInputException;
import org.kylinupgrade.metadata.Resource;

/** Kylin's table selection, on Kylin 1.3.0's own test metadata (READY, NEW and empty cubes, an index, hybrids). */
class CubeTablesTest {
  private static final String WITH_SLR = "KYLIN-CUBE-TEST_KYLIN_CUBE_WITH_SLR_READY-F24668F6-DCFF-4CB6-A89B-77F1119DF8FA";
  private static final String WITH_SLR_B = "KYLIN-CUBE-TEST_KYLIN_CUBE_WITH_SLR_READY-F24668F6-DCFF-4CB6-A89B-77F1119DF8FB";
  private static final String WITH_SLR_LEFT = "KYLIN-CUBE-TEST_KYLIN_CUBE_WITH_SLR_LEFT_JOIN_READY-BCF2F125-9B0B-40DD-9509-95EC59B31333";
  private static final String WITHOUT_SLR_LEFT = "KYLIN-CUBE-TEST_KYLIN_CUBE_WITHOUT_SLR_LEFT_JOIN_READY-1EF30C45-17A4-4350-A032-A33B3B25E5B8";
  private static final String WITHOUT_SLR = "KYLIN-CUBE-TEST_KYLIN_CUBE_WITHOUT_SLR_READY-619D9B4A-DA56-48CA-9C58-29DC8323B200";
  private static final String II = "test_III";

  static List<Realization> localmeta() throws IOException {
    Path root = TestData.example("kylin-1.3.0-localmeta");
    List<Realization> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        String path = "/" + root.relativize(f).toString().replace('\\', '/');
        Realization.of(new Resource(path, Files.readAllBytes(f), 0L)).ifPresent(out::add);
      }
    }
    return out;
  }

  @Test
  void allIsTheTablesOfReadySegmentsOnceEachAndTheIndexTable() throws IOException {
    CubeTables tables = new CubeTables(localmeta(), Target.KYLIN_1_4_ALPHA);
    assertEquals(List.of(WITH_SLR_LEFT, WITH_SLR, WITH_SLR_B, WITHOUT_SLR_LEFT, WITHOUT_SLR, II), tables.all());
  }

  @Test
  void aCubeThatIsNotJsonIsNamed() {
    BadInputException e = assertThrows(BadInputException.class,
        () -> Realization.of(Resource.ofText("/cube/broken.json", "{\"name\": ", 0L)));
    assertTrue(e.getMessage().contains("/cube/broken.json"), e.getMessage());
    assertTrue(Realization.of(Resource.ofText("/cube_desc/x.json", "not read", 0L)).isEmpty());
  }

  @Test
  void aNewSegmentsTableIsNotACandidate() {
    Realization cube = new Realization(Realization.Kind.CUBE, "c", "READY",
        List.of(new Realization.Segment("READY", "KYLIN_A"), new Realization.Segment("NEW", "KYLIN_B"),
            new Realization.Segment("READY", " "), new Realization.Segment("READY", "KYLIN_A")), List.of());
    assertEquals(List.of("KYLIN_A"), new CubeTables(List.of(cube), Target.KYLIN_1_4_ALPHA).all());
    assertEquals(List.of("KYLIN_A"), new CubeTables(List.of(cube), Target.KYLIN_1_4_ALPHA).cubes(List.of("C")));
  }

  @Test
  void indexSegmentsFollowEachVersionsRule() {
    Realization readyIndex = new Realization(Realization.Kind.INVERTED_INDEX, "ii", "READY",
        List.of(new Realization.Segment("READY", "KYLIN_II_A"), new Realization.Segment("NEW", "KYLIN_II_B")), List.of());
    Realization disabledIndex = new Realization(Realization.Kind.INVERTED_INDEX, "ii2", "DISABLED",
        List.of(new Realization.Segment("READY", "KYLIN_II_C")), List.of());
    assertEquals(List.of("KYLIN_II_A", "KYLIN_II_B"), new CubeTables(List.of(readyIndex, disabledIndex), Target.KYLIN_1_4_ALPHA).all(),
        "1.4-alpha: every segment of a READY index");
    assertEquals(List.of("KYLIN_II_A", "KYLIN_II_C"), new CubeTables(List.of(readyIndex, disabledIndex), Target.KYLIN_1_3).all(),
        "1.3.0: READY segments");
  }

  @Test
  void tablesMustBeCandidates() throws IOException {
    CubeTables tables = new CubeTables(localmeta(), Target.KYLIN_1_4_ALPHA);
    assertEquals(List.of(II, WITHOUT_SLR), tables.tables(List.of(II, " " + WITHOUT_SLR + ",", II)));
    BadInputException e = assertThrows(BadInputException.class, () -> tables.tables(List.of(II, "KYLIN_NOT_THERE")));
    assertTrue(e.getMessage().contains("KYLIN_NOT_THERE") && !e.getMessage().contains(II + ","), e.getMessage());
  }

  @Test
  void cubesByNameIgnoringCase() throws IOException {
    CubeTables tables = new CubeTables(localmeta(), Target.KYLIN_1_4_ALPHA);
    assertEquals(List.of(WITH_SLR, WITH_SLR_B), tables.cubes(List.of("TEST_KYLIN_CUBE_WITH_SLR_READY_2_SEGMENTS")));
    assertEquals(List.of(), tables.cubes(List.of("test_kylin_cube_with_slr_empty")));
    assertEquals(List.of(), tables.cubes(List.of("test_kylin_cube_with_slr_1_new_segment")), "its only segment is NEW");
    assertEquals(List.of(II), tables.cubes(List.of("test_kylin_ii")));
    BadInputException e = assertThrows(BadInputException.class, () -> tables.cubes(List.of("no_such_cube")));
    assertTrue(e.getMessage().contains("unknown cube no_such_cube"), e.getMessage());
  }

  @Test
  void projectsTakeTheirCubesAndIndexes() throws IOException {
    CubeTables tables = new CubeTables(localmeta(), Target.KYLIN_1_4_ALPHA);
    // Kylin's test projects name only empty cubes (directly and through hybrids) besides the index
    assertEquals(List.of(II), tables.projects(List.of("DEFAULT")));
    assertEquals(List.of(), tables.projects(List.of("onlyinner")));
    BadInputException e = assertThrows(BadInputException.class, () -> tables.projects(List.of("nope")));
    assertTrue(e.getMessage().contains("unknown project nope"), e.getMessage());
  }

  @Test
  void aProjectsHybridContributesItsMemberCubes() {
    Realization a = new Realization(Realization.Kind.CUBE, "a", "READY",
        List.of(new Realization.Segment("READY", "KYLIN_A")), List.of());
    Realization b = new Realization(Realization.Kind.CUBE, "b", "READY",
        List.of(new Realization.Segment("READY", "KYLIN_B")), List.of());
    Realization hybrid = new Realization(Realization.Kind.HYBRID, "h", null, List.of(),
        List.of(new Realization.Member("CUBE", "a"), new Realization.Member("CUBE", "b")));
    Realization project = new Realization(Realization.Kind.PROJECT, "p", null, List.of(),
        List.of(new Realization.Member("HYBRID", "h"), new Realization.Member("CUBE", "b")));
    assertEquals(List.of("KYLIN_A", "KYLIN_B"), new CubeTables(List.of(a, b, hybrid, project), Target.KYLIN_1_4_ALPHA).projects(List.of("P")));
  }

  @Test
  void kylin15TakesTheReadyCubeSegmentTablesAndNoIndexTable() throws IOException {
    CubeTables tables = new CubeTables(localmeta(), Target.KYLIN_1_5);
    assertEquals(List.of(WITH_SLR_LEFT, WITH_SLR, WITH_SLR_B, WITHOUT_SLR_LEFT, WITHOUT_SLR), tables.all());
    assertEquals(List.of(WITHOUT_SLR), tables.tables(List.of(WITHOUT_SLR)));
    BadInputException table = assertThrows(BadInputException.class, () -> tables.tables(List.of(II)));
    assertTrue(table.getMessage().contains(II) && table.getMessage().contains("--target 1.4-alpha or 1.3"), table.getMessage());
    BadInputException index = assertThrows(BadInputException.class, () -> tables.cubes(List.of("test_kylin_ii")));
    assertTrue(index.getMessage().contains("test_kylin_ii is an inverted index"), index.getMessage());
    assertEquals(List.of(), tables.projects(List.of("DEFAULT")), "the project's index is not a 1.5 candidate");
    Realization readyIndex = new Realization(Realization.Kind.INVERTED_INDEX, "ii", "READY",
        List.of(new Realization.Segment("READY", "KYLIN_II_A")), List.of());
    assertEquals(List.of(), new CubeTables(List.of(readyIndex), Target.KYLIN_1_5).all());
    assertEquals(List.of("KYLIN_II_A"), new CubeTables(List.of(readyIndex), Target.KYLIN_1_3).all());
  }
}
