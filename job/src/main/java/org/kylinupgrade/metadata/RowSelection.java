package org.kylinupgrade.metadata;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which rows of a metadata table a job reads, decided by the row key (the resource path) alone, so that the region
 * servers skip every other row: the rows under some folders, or the rows whose path matches a pattern, or both
 * (a row must pass both); with a pattern, some key ranges may be skipped outright (a row there never passes). An
 * empty selection reads every row.
 */
public final class RowSelection implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<String> prefixes;
  private final String pathPattern;
  private final List<String> skipped;

  private RowSelection(List<String> prefixes, String pathPattern, List<String> skipped) {
    this.prefixes = Collections.unmodifiableList(new ArrayList<String>(prefixes));
    this.pathPattern = pathPattern;
    this.skipped = Collections.unmodifiableList(new ArrayList<String>(skipped));
  }

  public static RowSelection all() {
    return new RowSelection(Collections.<String>emptyList(), null, Collections.<String>emptyList());
  }

  /** The rows under the given folders ({@code /cube/}, ...; a missing trailing slash is added). */
  public static RowSelection under(List<String> folders) {
    List<String> prefixes = new ArrayList<String>();
    for (String folder : folders) {
      prefixes.add(folder.endsWith("/") ? folder : folder + "/");
    }
    return new RowSelection(prefixes, null, Collections.<String>emptyList());
  }

  /** The rows whose whole path matches {@code regex} (Java syntax, anchored by the caller). */
  public static RowSelection matching(String regex) {
    return matchingOutside(regex, Collections.<String>emptyList());
  }

  /**
   * The rows whose whole path matches {@code regex} and starts with none of {@code skippedPrefixes}: the region
   * servers seek past the skipped key ranges instead of reading their rows to test them.
   */
  public static RowSelection matchingOutside(String regex, List<String> skippedPrefixes) {
    Pattern.compile(regex);
    return new RowSelection(Collections.<String>emptyList(), regex, skippedPrefixes);
  }

  public List<String> prefixes() {
    return prefixes;
  }

  /** The key prefixes whose rows are never read (each a range from the prefix to the next key not starting with it). */
  public List<String> skipped() {
    return skipped;
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
    for (String prefix : skipped) {
      if (path.startsWith(prefix)) {
        return false;
      }
    }
    return underAFolder && (pathPattern == null || Pattern.compile(pathPattern).matcher(path).find());
  }

  @Override
  public String toString() {
    if (pathPattern == null) {
      return prefixes.isEmpty() ? "all rows" : prefixes.toString();
    }
    return (prefixes.isEmpty() ? "" : prefixes + " and ") + "paths matching " + pathPattern
        + (skipped.isEmpty() ? "" : " outside " + skipped);
  }
}
