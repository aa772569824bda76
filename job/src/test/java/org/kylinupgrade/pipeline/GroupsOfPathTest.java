package org.kylinupgrade.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupsOfPathTest {
  @Test
  void theKeysOfEveryPathComeBackAfterSerialization() throws Exception {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    groups.put("/cube_desc/d1.json", Collections.singletonList("M1"));
    groups.put("/model_desc/m1.json", Collections.singletonList("M1"));
    groups.put("/cube/c1.json", Arrays.asList("M1", "MODÈLE_2"));
    groups.put("/cube_desc/é.json", Collections.singletonList("MODÈLE_2"));

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(new GroupsOfPath(groups));
    }
    GroupsOfPath read;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      read = (GroupsOfPath) in.readObject();
    }

    for (Map.Entry<String, List<String>> entry : groups.entrySet()) {
      assertEquals(entry.getValue(), read.of(entry.getKey()), entry.getKey());
    }
    assertTrue(read.of("/dict/x.dict").isEmpty());
    assertEquals(new HashSet<>(Arrays.asList("M1", "MODÈLE_2")), new HashSet<>(read.keys()));
    assertEquals(2, read.keys().size());
    int[] indexes = read.indexesOf("/cube/c1.json");
    assertEquals(2, indexes.length);
    assertEquals("M1", read.key(indexes[0]));
    assertEquals("MODÈLE_2", read.key(indexes[1]));
    assertEquals(read.indexesOf("/cube_desc/é.json")[0], indexes[1], "one index per distinct key");
    assertEquals(0, read.indexesOf("/dict/x.dict").length);
  }
}
