package org.kylinupgrade.rules;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.kylinupgrade.metadata.Resource;

/** Kylin's {@code JsonUtil}: its reading mapper, its compact writer and its indenting writer. */
final class KylinJson {
  /** Reads with unknown properties ignored (spec §1.6); writes compactly, as the signature needs. */
  static final ObjectMapper MAPPER =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /**
   * Jackson 2.2.3's {@code DefaultPrettyPrinter} as {@code INDENT_OUTPUT} uses it: objects one property per line
   * indented by two spaces, {@code "key" : value}, arrays on one line {@code [ a, b ]}, {@code [ ]}, {@code { }},
   * LF line ends (spec §1.6).
   */
  private static final ObjectWriter INDENTING =
      MAPPER.writer(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));

  private KylinJson() {
  }

  static byte[] indented(Object value) {
    try {
      return INDENTING.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String compact(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The resource as a JSON object, or {@link BadInputException} when its bytes are not one. */
  static ObjectNode readObject(Resource resource) {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(resource.content());
    } catch (IOException e) {
      throw new BadInputException(resource.path(), "not JSON: " + firstLine(e.getMessage()), e);
    }
    if (tree == null || tree.isMissingNode()) {
      throw new BadInputException(resource.path(), "empty file, expected a JSON object", null);
    }
    if (!tree.isObject()) {
      throw new BadInputException(resource.path(), "expected a JSON object, found " + tree.getNodeType(), null);
    }
    return (ObjectNode) tree;
  }

  /**
   * The top-level scalar properties {@code names} of the resource as {@link #text} reads them from
   * {@link #readObject}, without building the tree: nested values are skipped token by token. The whole document
   * is still read, so a later duplicate key wins as it does in the tree, and malformed JSON fails the same way.
   */
  static String[] topLevelTexts(Resource resource, String... names) {
    String[] out = new String[names.length];
    try (JsonParser parser = MAPPER.getFactory().createParser(resource.content())) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        readObject(resource);
        throw new BadInputException(resource.path(), "expected a JSON object", null);
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.getCurrentName();
        JsonToken value = parser.nextToken();
        int index = indexOf(names, field);
        if (value.isStructStart()) {
          parser.skipChildren();
          if (index >= 0) {
            out[index] = null;
          }
        } else if (index >= 0) {
          JsonNode node = MAPPER.readTree(parser);
          out[index] = node == null || node.isNull() ? null : node.asText();
        }
      }
    } catch (IOException e) {
      readObject(resource);
      throw new BadInputException(resource.path(), "not JSON: " + firstLine(e.getMessage()), e);
    }
    return out;
  }

  private static int indexOf(String[] names, String name) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** Binds like Kylin's {@code JsonSerializer.deserialize}; failures mean "v2 cannot load this". */
  static <T> T bind(Resource resource, Class<T> type) throws NotLoadableException {
    try {
      T value = MAPPER.readValue(resource.content(), type);
      if (value == null) {
        throw new NotLoadableException("JSON null");
      }
      return value;
    } catch (IOException e) {
      throw new NotLoadableException("JSON does not bind to Kylin v2's " + type.getSimpleName() + ": "
          + firstLine(e.getMessage()));
    }
  }

  /** A property as Jackson would coerce it into a String field; null when absent, null or not a scalar. */
  static String text(ObjectNode object, String property) {
    JsonNode value = object.get(property);
    return value == null || !value.isValueNode() || value.isNull() ? null : value.asText();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
