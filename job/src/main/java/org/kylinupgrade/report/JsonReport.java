package org.kylinupgrade.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.File;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import org.kylinupgrade.conf.Secrets;

/** A command's JSON report ({@code --report FILE}): a tree the command fills in, ending with its outcome. */
public abstract class JsonReport<R extends JsonReport<R>> {
  protected static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  protected final ObjectNode root = JSON.createObjectNode();

  protected JsonReport(String command) {
    root.put("command", command);
  }

  /** The run's status word and the exit code it ends with. */
  public R outcome(String status, int exitCode) {
    root.put("status", status);
    root.put("exitCode", exitCode);
    return self();
  }

  /** Writes the report when a file was asked for; {@code null} means none was. Secrets masked, as in {@link #json()}. */
  public void writeTo(String file) throws IOException {
    if (file != null) {
      JSON.writeValue(new File(file), json());
    }
  }

  /**
   * The report as it may be written or stored: a copy with the values of secret-looking fields masked and any
   * secret inside a text masked ({@link Secrets}); error messages and options echoed into a report may carry one.
   */
  public ObjectNode json() {
    return (ObjectNode) redacted(root);
  }

  /** A copy of a JSON tree with its secrets masked as {@link #json()} does. */
  public static JsonNode redacted(JsonNode node) {
    if (node.isTextual()) {
      return TextNode.valueOf(Secrets.redact(node.asText()));
    }
    if (node.isArray()) {
      ArrayNode copy = JSON.createArrayNode();
      for (JsonNode element : node) {
        copy.add(redacted(element));
      }
      return copy;
    }
    if (node.isObject()) {
      ObjectNode copy = JSON.createObjectNode();
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        JsonNode value = field.getValue();
        // only a text is masked whole: a count under a field named after a resource stays a count
        boolean masked = Secrets.isSecretKey(field.getKey()) && value.isTextual() && !value.asText().isEmpty();
        copy.set(field.getKey(), masked ? TextNode.valueOf(Secrets.MASK) : redacted(value));
      }
      return copy;
    }
    return node.deepCopy();
  }

  @SuppressWarnings("unchecked")
  private R self() {
    return (R) this;
  }
}
