package org.kylinupgrade.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.kylinupgrade.metadata.Resource;

class ResourceBytesTest {
  @Test
  void aResourceComesBackWithItsPathTimestampAndBytes() {
    for (Resource r : new Resource[] {
        Resource.ofText("/cube_desc/modèle_é.json", "{\"name\":\"modèle_é\"}", 1_700_000_000_123L),
        new Resource("/cube/empty.json", new byte[0], 0L),
        new Resource("/dict/x.dict", new byte[] {0, -1, 127, -128, 10}, -5L)}) {
      Resource back = ResourceBytes.decode(ResourceBytes.encode(r));
      assertEquals(r.path(), back.path());
      assertEquals(r.timestamp(), back.timestamp());
      assertArrayEquals(r.content(), back.content());
      assertEquals(r, back);
    }
  }

  @Test
  void thePathIsCountedInBytesNotCharacters() {
    Resource r = Resource.ofText("/cube/日本.json", "{}", 7L);
    byte[] bytes = ResourceBytes.encode(r);
    assertEquals(4 + "/cube/日本.json".getBytes(StandardCharsets.UTF_8).length + 8 + 2, bytes.length);
  }
}
