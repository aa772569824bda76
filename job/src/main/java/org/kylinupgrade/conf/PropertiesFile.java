package org.kylinupgrade.conf;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.kylinupgrade.util.Strings;

/**
 * A {@code .properties} file as lines, keeping its layout: comment and blank lines as they are, each entry as its
 * raw text (continuation lines included) with the key and value {@link java.util.Properties#load} reads from it.
 * Text is expected as read in ISO-8859-1, the encoding {@code Properties.load(InputStream)} uses.
 */
public final class PropertiesFile {
  /** A logical line: an entry (key not null) or a comment or blank line (key and value null). */
  public static final class Line {
    private final String raw;
    private final String key;
    private final String value;

    public Line(String raw, String key, String value) {
      this.raw = raw;
      this.key = key;
      this.value = value;
    }

    public String raw() {
      return raw;
    }

    public String key() {
      return key;
    }

    public String value() {
      return value;
    }

    public boolean isEntry() {
      return key != null;
    }

    /** By value: {@link #commentsAbove} finds an entry by it. */
    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Line)) {
        return false;
      }
      Line other = (Line) o;
      return Objects.equals(raw, other.raw) && Objects.equals(key, other.key) && Objects.equals(value, other.value);
    }

    @Override
    public int hashCode() {
      return Objects.hash(raw, key, value);
    }

    @Override
    public String toString() {
      return "Line[raw=" + raw + ", key=" + key + ", value=" + value + "]";
    }
  }

  /** The text is not a {@code .properties} file {@code Properties} could read; names the physical line. */
  public static final class MalformedException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final int line;

    MalformedException(int line, String message) {
      super("line " + line + ": " + message);
      this.line = line;
    }

    /** The physical line (1-based) the bad entry starts on. */
    public int line() {
      return line;
    }
  }

  private final List<Line> lines;

  private PropertiesFile(List<Line> lines) {
    this.lines = Collections.unmodifiableList(lines);
  }

  /**
   * @throws MalformedException for a control character no text file holds (a binary file) or an entry
   *     {@code Properties} rejects (a backslash-u escape without four hex digits), naming the line
   */
  public static PropertiesFile parse(String text) {
    List<String> physical = physicalLines(text);
    List<Line> lines = new ArrayList<>();
    for (int i = 0; i < physical.size(); i++) {
      String line = physical.get(i);
      checkText(line, i + 1);
      if (isCommentOrBlank(line)) {
        lines.add(new Line(line, null, null));
        continue;
      }
      int first = i + 1;
      StringBuilder raw = new StringBuilder(line);
      while (endsWithContinuation(physical.get(i)) && i + 1 < physical.size()) {
        raw.append('\n').append(physical.get(++i));
        checkText(physical.get(i), i + 1);
      }
      lines.add(entry(raw.toString(), first));
    }
    return new PropertiesFile(lines);
  }

  public List<Line> lines() {
    return lines;
  }

  /** Every key with its value, the last definition winning as in {@code Properties}; in first-definition order. */
  public Map<String, String> values() {
    Map<String, String> values = new LinkedHashMap<>();
    for (Line line : lines) {
      if (line.isEntry()) {
        values.put(line.key(), line.value());
      }
    }
    return values;
  }

  /** The entry that defines the key's value (the last one); null when the key is absent. */
  public Line definition(String key) {
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (key.equals(lines.get(i).key())) {
        return lines.get(i);
      }
    }
    return null;
  }

  /** The comment lines directly above an entry (no blank line between), in file order. */
  public List<Line> commentsAbove(Line entry) {
    int index = lines.lastIndexOf(entry);
    int first = index;
    while (first > 0 && !lines.get(first - 1).isEntry() && !Strings.isBlank(lines.get(first - 1).raw())) {
      first--;
    }
    return lines.subList(first, Math.max(first, index));
  }

  /** One logical entry read by {@code Properties} itself, so keys and values follow its rules exactly. */
  private static Line entry(String raw, int lineNumber) {
    Properties properties = new Properties();
    try {
      properties.load(new StringReader(raw));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalArgumentException e) {
      // Properties' own words ("Malformed \\uxxxx encoding."), with where
      throw new MalformedException(lineNumber, e.getMessage() + " (a backslash-u must be followed by four hex digits)");
    }
    if (properties.isEmpty()) {
      return new Line(raw, null, null);
    }
    String key = properties.stringPropertyNames().iterator().next();
    return new Line(raw, key, properties.getProperty(key));
  }

  /** Properties' line terminators: LF, CR or CR LF. */
  private static List<String> physicalLines(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        lines.add(text.substring(start, i));
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    if (start < text.length()) {
      lines.add(text.substring(start));
    }
    return lines;
  }

  /** Tab and form feed are Properties' white space; any other control character means a binary file. */
  private static void checkText(String line, int lineNumber) {
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if ((c < 0x20 && c != '\t' && c != '\f') || c == 0x7f) {
        throw new MalformedException(lineNumber, String.format("byte 0x%02x at column %d: not a text .properties file",
            (int) c, i + 1));
      }
    }
  }

  /** Properties' whitespace is space, tab and form feed; a comment starts with # or ! after it. */
  private static boolean isCommentOrBlank(String line) {
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c != ' ' && c != '\t' && c != '\f') {
        return c == '#' || c == '!';
      }
    }
    return true;
  }

  /** An odd number of trailing backslashes continues the entry on the next line. */
  private static boolean endsWithContinuation(String line) {
    int backslashes = 0;
    for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
      backslashes++;
    }
    return backslashes % 2 == 1;
  }
}
