package org.kylinupgrade.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResourceChecksumTest {
  private static final Resource DESC = Resource.ofText("/cube_desc/a.json", "{\"name\":\"a\"}", 7L);

  @Test
  void theSameResourceHasTheSameChecksum() {
    assertEquals(ResourceChecksum.of(DESC), ResourceChecksum.of(
        new Resource("/cube_desc/a.json", "{\"name\":\"a\"}".getBytes(StandardCharsets.UTF_8), 7L)));
  }

  @Test
  void pathContentAndTimestampEachChangeIt() {
    long sum = ResourceChecksum.of(DESC);
    assertNotEquals(sum, ResourceChecksum.of(Resource.ofText("/cube_desc/b.json", "{\"name\":\"a\"}", 7L)));
    assertNotEquals(sum, ResourceChecksum.of(Resource.ofText("/cube_desc/a.json", "{\"name\":\"b\"}", 7L)));
    assertNotEquals(sum, ResourceChecksum.of(Resource.ofText("/cube_desc/a.json", "{\"name\":\"a\"}", 8L)));
  }

  @Test
  void bytesMovedBetweenPathAndContentChangeIt() {
    assertNotEquals(ResourceChecksum.of(Resource.ofText("/a", "bc", 1L)), ResourceChecksum.of(Resource.ofText("/ab", "c", 1L)));
  }

  @Test
  void anEmptyContentIsHashed() {
    assertNotEquals(ResourceChecksum.of(Resource.ofText("/a", "", 1L)), ResourceChecksum.of(Resource.ofText("/a", "", 2L)));
  }
}
