package org.kylinupgrade.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kylinupgrade.metadata.Resource;

/** The streaming name reader gives what reading the whole tree gives, for well- and ill-formed resources. */
class TopLevelTextsTest {
  private static Resource resource(String json) {
    return new Resource("/cube_desc/x.json", json.getBytes(StandardCharsets.UTF_8), 0L);
  }

  private static String[] fromTree(Resource r, String... names) {
    String[] out = new String[names.length];
    for (int i = 0; i < names.length; i++) {
      out[i] = KylinJson.text(KylinJson.readObject(r), names[i]);
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"name\":\"a\",\"model_name\":\"m\"}",
      "{\"dimensions\":[{\"name\":\"inner\",\"x\":{\"name\":\"deeper\"}}],\"name\":\"outer\"}",
      "{\"name\":\"first\",\"model_name\":\"m\",\"name\":\"second\"}",
      "{\"name\":\"first\",\"name\":{\"an\":\"object\"}}",
      "{\"name\":null,\"model_name\":12.50}",
      "{\"name\":1e2,\"model_name\":true}",
      "{\"name\":[\"a\"],\"model_name\":\"\\u00e9\\n\"}",
      "{}",
      "{\"name\":\"a\"} trailing",
  })
  void readsWhatTheTreeReads(String json) {
    Resource r = resource(json);
    assertArrayEquals(fromTree(r, "name", "model_name"), KylinJson.topLevelTexts(r, "name", "model_name"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "[1,2]", "\"text\"", "{\"name\":", "{\"name\":\"a\",}", "not json", "{\"a\":[1,}"})
  void failsAsTheTreeFails(String json) {
    Resource r = resource(json);
    NotAJsonObjectException tree = assertThrows(NotAJsonObjectException.class, () -> KylinJson.readObject(r));
    NotAJsonObjectException streamed = assertThrows(NotAJsonObjectException.class, () -> KylinJson.topLevelTexts(r, "name"));
    assertEquals(tree.getMessage(), streamed.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"name\":\"c\",\"descriptor\":\"d\",\"segments\":[]}",
      "{\"name\":\"c\",\"segments\":[{\"name\":\"s\",\"x\":[1,[2]]},{}],\"descriptor\":\"d\"}",
      "{\"segments\":null,\"name\":7}",
      "{\"segments\":{\"not\":\"an array\"}}",
      "{\"segments\":\"text\"}",
      "{\"segments\":[1],\"segments\":[]}",
      "{\"segments\":[],\"segments\":[[]]}",
      "{\"descriptor\":[\"d\"],\"name\":{\"n\":1}}",
      "{}",
  })
  void aStreamedCubeIsWhatItsTreeSays(String json) {
    Resource r = new Resource("/cube/c.json", json.getBytes(StandardCharsets.UTF_8), 0L);
    com.fasterxml.jackson.databind.node.ObjectNode tree = KylinJson.readObject(r);
    com.fasterxml.jackson.databind.JsonNode segments = tree.get("segments");
    CubeUse.Segments expected = segments == null || segments.isNull() ? CubeUse.Segments.NONE
        : segments.isArray() ? (segments.isEmpty() ? CubeUse.Segments.NONE : CubeUse.Segments.SOME)
        : CubeUse.Segments.UNREADABLE;
    CubeUse cube = CubeUse.read(r);
    assertEquals(expected, cube.segments);
    assertEquals(KylinJson.text(tree, "name"), cube.name);
    assertEquals(KylinJson.text(tree, "descriptor"), cube.descName);
  }
}
