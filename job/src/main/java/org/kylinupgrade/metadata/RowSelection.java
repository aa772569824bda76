package org.kylinupgrade.metadata;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which rows of a metadata table a job reads, decided by the row key (the resource path) alone, so that the region
 * servers skip every other row: the rows under some folders, or the rows whose path matches a pattern, or both
 * (a row must pass both). An empty selection reads every row.
 */
public final class RowSelection implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<String> prefixes;
  private final String pathPattern;

  private RowSelection(List<String> prefixes, String pathPattern) {
    this.prefixes = Collections.unmodifiableList(new ArrayList<String>(prefixes));
    this.pathPattern = pathPattern;
  }

  public static RowSelection all() {
    return new RowSelection(Collections.<String>emptyList(), null);
  }

  /** The rows under the given folders ({@code /cube/}, ...; a missing trailing slash is added). */
  public static RowSelection under(List<String> folders) {
    List<String> prefixes = new ArrayList<String>();
    for (String folder : folders) {
      prefixes.add(folder.endsWith("/") ? folder : folder + "/");
    }
    return new RowSelection(prefixes, null);
  }

  /** The rows whose whole path matches {@code regex} (Java syntax, anchored by the caller). */
  public static RowSelection matching(String regex) {
    Pattern.compile(regex);
    return new RowSelection(Collections.<String>emptyList(), regex);
  }

  public List<String> prefixes() {
    return prefixes;
  }

  /** The path pattern, or null when the selection is by folders alone. */
  public String pathPattern() {
    return pathPattern;
  }

  public boolean selects(String path) {
    boolean underAFolder = prefixes.isEmpty();
    for (String prefix : prefixes) {
      underAFolder |= path.startsWith(prefix);
    }
    return underAFolder && (pathPattern == null || Pattern.compile(pathPattern).matcher(path).find());
  }

  @Override
  public String toString() {
    if (pathPattern == null) {
      return prefixes.isEmpty() ? "all rows" : prefixes.toString();
    }
    return (prefixes.isEmpty() ? "" : prefixes + " and ") + "paths matching " + pathPattern;
  }
}
