package org.kylinupgrade.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.kylinupgrade.metadata.Resource;

/** Which labels count, which resources need one, and the one finding for all that lack it. */
class VersionLabelsTest {

  private static String problem(String path, String text) {
    return MetadataChecks.versionLabelProblem(Resource.ofText(path, text, 0L));
  }

  @Test
  void aLabelOfAnyReleaseFromOneFiveOnCounts() {
    assertNull(problem("/cube/c.json", "{ \"version\" : \"1.5.1\" }"));
    assertNull(problem("/cube/c.json", "{ \"version\" : \"1.5.4.1\" }"));
    assertNull(problem("/cube/c.json", "{ \"version\" : \"1.6.0-SNAPSHOT\" }"));
    assertNull(problem("/cube/c.json", "{ \"version\" : \"2.0.0\" }"));
  }

  @Test
  void aMissingNullOldOrMalformedLabelDoesNot() {
    assertEquals("/cube/c.json (no version)", problem("/cube/c.json", "{ \"name\" : \"c\" }"));
    assertEquals("/cube/c.json (version null)", problem("/cube/c.json", "{ \"version\" : null }"));
    assertEquals("/cube/c.json (version \"1.4.0\")", problem("/cube/c.json", "{ \"version\" : \"1.4.0\" }"));
    assertEquals("/cube/c.json (version \"1.5\")", problem("/cube/c.json", "{ \"version\" : \"1.5\" }"));
    assertEquals("/cube/c.json (version 15)", problem("/cube/c.json", "{ \"version\" : 15 }"));
    assertEquals("/table_exd/t.json (not a JSON object)", problem("/table_exd/t.json", "[ 1 ]"));
    assertEquals("/data/d.json (not JSON)", problem("/data/d.json", "{ nope"));
  }

  @Test
  void onlyJsonOutsideDictionariesAndSnapshotsNeedsOne() {
    assertNull(problem("/dict/DEFAULT.T/C/x.json", "{ }"));
    assertNull(problem("/table_snapshot/T/x.json", "{ }"));
    assertNull(problem("/kylin.properties", "a=b"));
    assertNull(problem("/execute/0a8b", "{ }"));
  }

  @Test
  void allUnlabelledResourcesMakeOneFindingWithTheFirstFewAndACount() {
    Map<String, Resource> store = new TreeMap<>(V15Store.valid().resources());
    List<String> stripped = new ArrayList<>();
    for (int k = 1; k <= 7; k++) {
      store.put("/data/d" + k + ".json", Resource.ofText("/data/d" + k + ".json", "{ }", 0L));
      stripped.add("/data/d" + k + ".json (no version)");
    }
    assertEquals(List.of(new Finding(Finding.Kind.VERSION_LABEL, "/data/d1.json", "7 JSON resources have no version"
        + " label of Kylin 1.5 (its upgrade writes \"version\" : \"1.5.1\" into every JSON resource outside /dict and"
        + " /table_snapshot): " + String.join(", ", stripped.subList(0, 5)) + " and 2 more")),
        InMemoryValidation.run15(store));
    // 1.4-alpha cannot load these descs, but has no labels to check
    assertEquals(List.of(), InMemoryValidation.run14(store).stream()
        .filter(f -> f.kind() != Finding.Kind.UNLOADABLE || !f.path().startsWith("/cube_desc/")).toList());
  }
}
