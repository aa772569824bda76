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
  /** Reads as Kylin's reader does, ignoring unknown properties; writes compactly, as the signature needs. */
  static final ObjectMapper MAPPER =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /**
   * Jackson 2.2.3's {@code DefaultPrettyPrinter} as {@code INDENT_OUTPUT} uses it: objects one property per line
   * indented by two spaces, {@code "key" : value}, arrays on one line {@code [ a, b ]}, {@code [ ]}, {@code { }},
   * LF line ends, as Kylin's own files are written.
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

  /** The resource as a JSON object, or {@link NotAJsonObjectException} when its bytes are not one. */
  static ObjectNode readObject(Resource resource) {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(resource.content());
    } catch (IOException e) {
      throw new NotAJsonObjectException(resource.path(), "not JSON: " + firstLine(e.getMessage()), e);
    }
    if (tree == null || tree.isMissingNode()) {
      throw new NotAJsonObjectException(resource.path(), "empty file, expected a JSON object", null);
    }
    if (!tree.isObject()) {
      throw new NotAJsonObjectException(resource.path(), "expected a JSON object, found " + tree.getNodeType(), null);
    }
    return (ObjectNode) tree;
  }

  /** Sees one top-level property of a streamed object; see {@link #visitTopLevel}. */
  @FunctionalInterface
  interface TopLevelVisitor {
    /**
     * Called with the parser on the property's value token. Returns true when it consumed the whole value (the
     * parser on its last token); false leaves the value to be skipped.
     */
    boolean property(String name, JsonToken value, JsonParser parser) throws IOException;
  }

  /**
   * Streams the resource's top-level properties to {@code visitor} without building a tree. The whole document is
   * still read, so a later duplicate key is seen last (it wins, as in the tree), and malformed JSON or a non-object
   * fails exactly as {@link #readObject} fails.
   */
  static void visitTopLevel(Resource resource, TopLevelVisitor visitor) {
    try (JsonParser parser = MAPPER.getFactory().createParser(resource.content())) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        readObject(resource);
        throw new NotAJsonObjectException(resource.path(), "expected a JSON object", null);
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.getCurrentName();
        JsonToken value = parser.nextToken();
        if (!visitor.property(field, value, parser) && value.isStructStart()) {
          parser.skipChildren();
        }
      }
    } catch (IOException e) {
      readObject(resource);
      throw new NotAJsonObjectException(resource.path(), "not JSON: " + firstLine(e.getMessage()), e);
    }
  }

  /**
   * The top-level scalar properties {@code names} of the resource as {@link #text} reads them from
   * {@link #readObject}, streamed by {@link #visitTopLevel}.
   */
  static String[] topLevelTexts(Resource resource, String... names) {
    String[] out = new String[names.length];
    visitTopLevel(resource, (field, value, parser) -> {
      int index = indexOf(names, field);
      if (index >= 0) {
        out[index] = scalarText(value, parser);
      }
      return false;
    });
    return out;
  }

  /**
   * The value the parser is on ({@code value} its token), as {@link #text} reads it from the tree: null for an object
   * or array, which is left unread for the caller to skip.
   */
  static String scalarText(JsonToken value, JsonParser parser) throws IOException {
    if (value.isStructStart()) {
      return null;
    }
    JsonNode node = MAPPER.readTree(parser);
    return node == null || node.isNull() ? null : node.asText();
  }

  private static int indexOf(String[] names, String name) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** Binds like Kylin's {@code JsonSerializer.deserialize}; failures mean "the target Kylin cannot load this". */
  static <T> T bind(Resource resource, Class<T> type) throws NotLoadableException {
    try {
      T value = MAPPER.readValue(resource.content(), type);
      if (value == null) {
        throw new NotLoadableException("JSON null");
      }
      return value;
    } catch (IOException e) {
      throw new NotLoadableException("JSON does not bind to Kylin's " + type.getSimpleName() + ": "
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
