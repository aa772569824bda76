package org.kylinupgrade.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;

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

  /** Writes the report when a file was asked for; {@code null} means none was. */
  public void writeTo(String file) throws IOException {
    if (file != null) {
      JSON.writeValue(new File(file), root);
    }
  }

  public ObjectNode json() {
    return root;
  }

  @SuppressWarnings("unchecked")
  private R self() {
    return (R) this;
  }
}
