package org.kylinupgrade.rules;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How Kylin 1.4-alpha and 1.5.4.1 both read a data type string ({@code DataType}): one of the release's type names,
 * then an optional {@code (precision[, scale])}; legacy names ({@code int}, {@code long}, ...) become their standard
 * ones, {@code char} and {@code varchar} default to precision 256, {@code decimal} and {@code numeric} to (19,4).
 * The releases differ in their lists of names and legacy names.
 */
final class DataTypeSyntax {
  private final Pattern pattern;
  private final Map<String, String> legacyNames;

  /** {@code validTypes}: the release's type names, separated by {@code |}. */
  DataTypeSyntax(String validTypes, Map<String, String> legacyNames) {
    this.pattern = Pattern.compile("(" + validTypes + ")\\s*(?:[(]([\\d\\s,]+)[)])?", Pattern.CASE_INSENSITIVE);
    this.legacyNames = legacyNames;
  }

  /** Null for null. */
  Parsed parse(String type) throws NotLoadableException {
    if (type == null) {
      return null;
    }
    String datatype = legacy(type.trim().toLowerCase(Locale.ROOT));
    Matcher m = pattern.matcher(datatype);
    if (!m.matches()) {
      throw new NotLoadableException("bad data type -- " + datatype + ", does not match " + pattern);
    }
    String name = legacy(m.group(1));
    int precision = -1;
    int scale = -1;
    String sizes = m.group(2);
    if (sizes != null) {
      String[] parts = sizes.split("\\s*,\\s*");
      for (int i = 0; i < parts.length; i++) {
        int n;
        try {
          n = Integer.parseInt(parts[i]);
        } catch (NumberFormatException e) {
          throw new NotLoadableException("bad data type -- " + datatype + ", precision/scale not numeric");
        }
        if (i == 0) {
          precision = n;
        } else if (i == 1) {
          scale = n;
        } else {
          throw new NotLoadableException("bad data type -- " + datatype + ", too many precision/scale parts");
        }
      }
    }
    if ((name.equals("char") || name.equals("varchar")) && precision == -1) {
      precision = 256;
    }
    if ((name.equals("decimal") || name.equals("numeric")) && precision == -1) {
      precision = 19;
      scale = 4;
    }
    return new Parsed(name, precision, scale);
  }

  private String legacy(String name) {
    String replacement = legacyNames.get(name);
    return replacement == null ? name : replacement;
  }

  /** A normalised data type: its name, and its precision and scale (-1 when it has none). */
  static final class Parsed {
    final String name;
    final int precision;
    final int scale;

    private Parsed(String name, int precision, int scale) {
      this.name = name;
      this.precision = precision;
      this.scale = scale;
    }

    /** The type as Kylin writes it back after loading. */
    @Override
    public String toString() {
      if (precision < 0 && scale < 0) {
        return name;
      } else if (scale < 0) {
        return name + "(" + precision + ")";
      } else {
        return name + "(" + precision + "," + scale + ")";
      }
    }
  }
}
