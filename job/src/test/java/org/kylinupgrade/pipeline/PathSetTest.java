package org.kylinupgrade.pipeline;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PathSetTest {
  @Test
  void holdsTheSamePathsAfterSerialization() throws Exception {
    Set<String> paths = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      paths.add("/cube_desc/desc_" + i + ".json");
    }
    paths.add("/model_desc/ü.json");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(new PathSet(paths));
    }
    PathSet back;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      back = (PathSet) in.readObject();
    }
    for (String path : paths) {
      assertTrue(back.contains(path), path);
    }
    assertFalse(back.contains("/cube_desc/desc_1000.json"));
    assertFalse(back.contains("/model_desc/u.json"));
  }
}
