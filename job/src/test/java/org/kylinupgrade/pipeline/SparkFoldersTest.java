package org.kylinupgrade.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SparkFoldersTest {
  @Test
  void pathsAreDealtOverThePartitionsLikeCards() {
    List<String> paths = Arrays.asList("/cube/a.json", "/cube/b.json", "/cube_desc/a.json", "/cube_desc/b.json",
        "/dict/1.dict", "/dict/2.dict", "/execute/1", "/model_desc/m.json", "/table/T.json", "/table/U.json");

    List<List<String>> dealt = SparkFolders.dealt(paths, 4);

    assertEquals(Arrays.asList(
        Arrays.asList("/cube/a.json", "/dict/1.dict", "/table/T.json"),
        Arrays.asList("/cube/b.json", "/dict/2.dict", "/table/U.json"),
        Arrays.asList("/cube_desc/a.json", "/execute/1"),
        Arrays.asList("/cube_desc/b.json", "/model_desc/m.json")), dealt);
  }

  @Test
  void fewerPathsThanPartitionsLeaveSomeEmpty() {
    assertEquals(Arrays.asList(Collections.singletonList("/cube/a.json"), Collections.emptyList()),
        SparkFolders.dealt(Collections.singletonList("/cube/a.json"), 2));
  }
}
