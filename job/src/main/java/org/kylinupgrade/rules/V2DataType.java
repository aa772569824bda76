package org.kylinupgrade.rules;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kylinupgrade.util.Immutables;

/**
 * The data type strings Kylin 1.4-alpha accepts ({@code DataType}; v2 cannot load a table with a column of any other
 * type) and their normalised form, which is what a column's {@code datatype} becomes on load.
 */
final class V2DataType {
  private static final String VALID_TYPES = "any|char|varchar|boolean|binary"
      + "|integer|tinyint|smallint|bigint|decimal|numeric|float|real|double"
      + "|date|time|datetime|timestamp|byte|int|short|long|string|hllc|topn|_literal_type|_derived_type";
  private static final Pattern TYPE_PATTERN =
      Pattern.compile("(" + VALID_TYPES + ")\\s*(?:[(]([\\d\\s,]+)[)])?", Pattern.CASE_INSENSITIVE);
  private static final Map<String, String> LEGACY_NAMES = Immutables.mapOf(
      "byte", "tinyint", "int", "integer", "short", "smallint",
      "long", "bigint", "string", "varchar", "hllc10", "hllc(10)",
      "hllc12", "hllc(12)", "hllc14", "hllc(14)", "hllc15", "hllc(15)",
      "hllc16", "hllc(16)");

  private final String name;
  private final int precision;
  private final int scale;

  private V2DataType(String name, int precision, int scale) {
    this.name = name;
    this.precision = precision;
    this.scale = scale;
  }

  /** Null for null, like {@code DataType.getInstance}. */
  static V2DataType parse(String type) throws NotLoadableException {
    if (type == null) {
      return null;
    }
    String datatype = legacy(type.trim().toLowerCase(Locale.ROOT));
    Matcher m = TYPE_PATTERN.matcher(datatype);
    if (!m.matches()) {
      throw new NotLoadableException("bad data type -- " + datatype + ", does not match " + TYPE_PATTERN);
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
    if (name.equals("hllc") && (precision < 10 || precision > 16)) {
      throw new NotLoadableException("HLLC precision must be one of [10, 11, 12, 13, 14, 15, 16]");
    }
    return new V2DataType(name, precision, scale);
  }

  private static String legacy(String name) {
    return LEGACY_NAMES.getOrDefault(name, name);
  }

  boolean isBigInt() {
    return name.equals("bigint");
  }

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
