package org.kylinupgrade.coprocessor;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * One coprocessor on a table, as HBase stores it in the {@code coprocessor$<n>} attribute
 * ({@code <jar>|<class>|<priority>|<parameters>}); {@code jarPath} is null for a class on the server's classpath.
 */
public record CoprocessorEntry(String className, String jarPath, int priority, Map<String, String> parameters)
    implements Serializable {

  public CoprocessorEntry {
    parameters = parameters == null ? Map.of() : Map.copyOf(new TreeMap<>(parameters));
  }

  public CoprocessorEntry(String className, String jarPath, int priority) {
    this(className, jarPath, priority, Map.of());
  }

  public boolean isKylin() {
    return KylinCoprocessors.isKylin(className);
  }

  @Override
  public String toString() {
    return className + " (priority " + priority + (jarPath == null ? "" : ", jar " + jarPath)
        + (parameters.isEmpty() ? "" : ", parameters " + new TreeMap<>(parameters)) + ")";
  }
}
