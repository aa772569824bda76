package org.kylinupgrade.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ResourcePathsTest {

  @Test
  void normalisesAsKylinDoes() {
    assertEquals("/cube/a.json", ResourcePaths.normalise(" //cube/a.json/ "));
    assertEquals("/cube/a.json", ResourcePaths.normalise("cube/a.json"));
    assertEquals("/", ResourcePaths.normalise("/"));
  }

  @Test
  void typeIsTheFirstElement() {
    assertEquals("cube_desc", ResourcePaths.typeOf("/cube_desc/x.json"));
    assertEquals("dict", ResourcePaths.typeOf("/dict/T/C/u.dict"));
    assertEquals(ResourcePaths.ROOT_TYPE, ResourcePaths.typeOf("/kylin.properties"));
  }

  @Test
  void typesThatStartLikeAKnownRootAreTheirOwn() {
    assertEquals("cube", ResourcePaths.typeOf("/cube/x.json"));
    assertEquals("cube_statistics", ResourcePaths.typeOf("/cube_statistics/c/s.seq"));
    assertEquals("table_exd", ResourcePaths.typeOf("/table_exd/DEFAULT.T.json"));
    assertEquals("execute_output", ResourcePaths.typeOf("/execute_output/u-00"));
    assertEquals("table", ResourcePaths.typeOf("/table/DEFAULT.T.json"));
  }

  @Test
  void aResourceReadsItsTypeFromItsPath() {
    Resource r = new Resource(" table_snapshot/T/u.snapshot", new byte[0], 1L);
    assertEquals("table_snapshot", r.type());
    assertEquals("table_snapshot", r.type());
  }

  @Test
  void entityPathsAndPrefixesAreBelowTheirRoot() {
    assertEquals("/hybrid/h_1.json", ResourcePaths.hybridPath("h_1"));
    assertEquals("h_1", ResourcePaths.entityName(ResourcePaths.hybridPath("h_1")));
    assertEquals("/hybrid/", ResourcePaths.under(ResourcePaths.HYBRID));
    assertEquals("/cube_desc/", ResourcePaths.under(ResourcePaths.CUBE_DESC));
  }

  @Test
  void refusesPathsThatEscapeTheFolder() {
    assertThrows(BadInputException.class, () -> ResourcePaths.requireSafe("/cube/../../etc/passwd"));
    assertThrows(BadInputException.class, () -> ResourcePaths.requireSafe("/cube/./a.json"));
    assertThrows(BadInputException.class, () -> ResourcePaths.requireSafe("/cube//a.json"));
    assertThrows(BadInputException.class, () -> ResourcePaths.requireSafe("/"));
    assertEquals("/.hidden", ResourcePaths.requireSafe("/.hidden"));
  }
}
