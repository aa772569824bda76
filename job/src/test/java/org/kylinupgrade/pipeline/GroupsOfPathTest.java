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
      assertEquals(entry.getValue(), keysOf(read, entry.getKey()), entry.getKey());
    }
    assertTrue(keysOf(read, "/dict/x.dict").isEmpty());
    assertEquals(new HashSet<>(Arrays.asList("M1", "MODÈLE_2")), new HashSet<>(read.keys()));
    assertEquals(2, read.keys().size());
    int[] indexes = read.indexesOf("/cube/c1.json");
    assertEquals(2, indexes.length);
    assertEquals("M1", read.key(indexes[0]));
    assertEquals("MODÈLE_2", read.key(indexes[1]));
    assertEquals(read.indexesOf("/cube_desc/é.json")[0], indexes[1], "one index per distinct key");
    assertEquals(0, read.indexesOf("/dict/x.dict").length);
  }

  @Test
  void groupsAreDealtToPartitionsByTheirMembersLargestFirst() {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    for (int d = 0; d < 6; d++) {
      groups.put("/cube_desc/big" + d + ".json", Collections.singletonList("BIG"));
    }
    for (int m = 0; m < 12; m++) {
      groups.put("/cube_desc/small" + m + ".json", Collections.singletonList("SMALL" + m));
    }
    GroupsOfPath built = new GroupsOfPath(groups);
    int[] partitionOf = built.partitions(3);
    int big = partitionOf[built.indexesOf("/cube_desc/big0.json")[0]];
    int[] load = new int[3];
    for (Map.Entry<String, List<String>> entry : groups.entrySet()) {
      int p = partitionOf[built.indexesOf(entry.getKey())[0]];
      load[p]++;
      if (entry.getKey().startsWith("/cube_desc/small")) {
        assertTrue(p != big, "the big group's partition takes no small group while others have fewer members");
      }
    }
    assertEquals(Arrays.asList(6, 6, 6), Arrays.asList(load[0], load[1], load[2]));
  }

  /** The group keys of {@code path}, as the shuffle finds them by number. */
  private static List<String> keysOf(GroupsOfPath groups, String path) {
    List<String> keys = new java.util.ArrayList<>();
    for (int i : groups.indexesOf(path)) {
      keys.add(groups.key(i));
    }
    return keys;
  }
}
