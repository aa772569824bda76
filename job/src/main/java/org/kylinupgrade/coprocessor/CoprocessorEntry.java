package org.kylinupgrade.coprocessor;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.kylinupgrade.util.Immutables;

/**
 * One coprocessor on a table, as HBase stores it in the {@code coprocessor$<n>} attribute
 * ({@code <jar>|<class>|<priority>|<parameters>}); {@code jarPath} is null for a class on the server's classpath.
 */
public final class CoprocessorEntry implements Serializable {
  private static final long serialVersionUID = 1L;
  private final String className;
  private final String jarPath;
  private final int priority;
  private final Map<String, String> parameters;

  public CoprocessorEntry(String className, String jarPath, int priority, Map<String, String> parameters) {
    parameters = parameters == null ? Collections.<String, String>emptyMap() : Immutables.copyOfSortedMap(parameters);

    this.className = className;
    this.jarPath = jarPath;
    this.priority = priority;
    this.parameters = parameters;
  }

  public String className() {
    return className;
  }

  public String jarPath() {
    return jarPath;
  }

  public int priority() {
    return priority;
  }

  public Map<String, String> parameters() {
    return parameters;
  }

  public CoprocessorEntry(String className, String jarPath, int priority) {
    this(className, jarPath, priority, Collections.<String, String>emptyMap());
  }

  public boolean isKylin() {
    return KylinCoprocessors.isKylin(className);
  }

  @Override
  public String toString() {
    return className + " (priority " + priority + (jarPath == null ? "" : ", jar " + jarPath)
        + (parameters.isEmpty() ? "" : ", parameters " + new TreeMap<>(parameters)) + ")";
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof CoprocessorEntry)) {
      return false;
    }
    CoprocessorEntry other = (CoprocessorEntry) o;
    return Objects.equals(className, other.className)
        && Objects.equals(jarPath, other.jarPath)
        && priority == other.priority
        && Objects.equals(parameters, other.parameters);
  }

  /** The hash of a record of these components, so that hash-ordered collections keep their order. */
  @Override
  public int hashCode() {
    int h = 0;
    h = 31 * h + Objects.hashCode(className);
    h = 31 * h + Objects.hashCode(jarPath);
    h = 31 * h + Integer.hashCode(priority);
    h = 31 * h + Objects.hashCode(parameters);
    return h;
  }
}
