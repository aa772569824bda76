package org.kylinupgrade.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Arrays;
import java.util.List;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.rules.Problem;
import org.junit.jupiter.api.Test;

class ResourceFactsPartTest {
  @Test
  void factsComeBackAsTheyWereAfterSerialization() throws Exception {
    String longName = "n".repeat(70_000) + "é";
    Resource table = Resource.ofText("/table/DEFAULT.T.json", "{\"name\":\"T\"}", 7L);
    Problem problem = new Problem("/dict/x.dict", "not JSON");
    List<ResourceFacts.Fact> facts = Arrays.asList(
        new ResourceFacts.Fact("/cube_desc/d.json", "cube_desc", null, new String[] {"D", "m"},
            new String[] {"d", "m"}, null, true),
        new ResourceFacts.Fact("/cube/c.json", "cube", null, new String[] {null, "D", "c"}, new String[] {"", "d"},
            null, true),
        new ResourceFacts.Fact("/model_desc/ü.json", "model_desc", null, new String[] {longName},
            new String[] {longName}, null, true),
        new ResourceFacts.Fact("/cube/bad.json", "cube", null, null, null, null, false),
        new ResourceFacts.Fact("/dict/x.dict", "dict", problem, null, null, null, true),
        new ResourceFacts.Fact("/table/DEFAULT.T.json", "table", null, null, null, table, true));

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(new ResourceFacts.Part(facts, new java.util.HashMap<>()));
    }
    ResourceFacts.Part read;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      read = (ResourceFacts.Part) in.readObject();
    }
    List<ResourceFacts.Fact> back = read.facts();

    assertEquals(facts.size(), back.size());
    for (int i = 0; i < facts.size(); i++) {
      ResourceFacts.Fact expected = facts.get(i);
      ResourceFacts.Fact actual = back.get(i);
      assertEquals(expected.path, actual.path);
      assertEquals(expected.type, actual.type);
      assertArrayEquals(expected.names, actual.names);
      assertArrayEquals(expected.keys, actual.keys);
      assertEquals(expected.namesRead, actual.namesRead);
      assertEquals(expected.problem == null ? null : expected.problem.reason(),
          actual.problem == null ? null : actual.problem.reason());
      assertEquals(expected.table, actual.table);
    }
    assertNull(back.get(1).names[0]);
    assertEquals(longName, back.get(2).names[0]);
  }
}
