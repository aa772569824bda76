package org.kylinupgrade.rules;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The data type strings Kylin 1.5.4.1 accepts ({@code DataType} with the measure types its factories register:
 * {@code hllc}, {@code bitmap}, {@code topn}, {@code raw}, {@code extendedcolumn}) and their normalised form. Unlike
 * 1.4-alpha it does not check an hllc precision.
 */
final class V15DataType {
  private static final String VALID_TYPES = "any|char|varchar|string|boolean|byte|binary"
      + "|int|short|long|integer|tinyint|smallint|bigint|int4|long8"
      + "|float|real|double|decimal|numeric|date|time|datetime|timestamp|_literal_type|_derived_type"
      + "|hllc|bitmap|topn|raw|extendedcolumn";
  private static final Pattern TYPE_PATTERN =
      Pattern.compile("(" + VALID_TYPES + ")\\s*(?:[(]([\\d\\s,]+)[)])?", Pattern.CASE_INSENSITIVE);
  private static final Map<String, String> LEGACY_NAMES = new HashMap<String, String>();

  static {
    LEGACY_NAMES.put("byte", "tinyint");
    LEGACY_NAMES.put("int", "integer");
    LEGACY_NAMES.put("short", "smallint");
    LEGACY_NAMES.put("long", "bigint");
    LEGACY_NAMES.put("string", "varchar");
    for (String precision : new String[] {"10", "12", "14", "15", "16"}) {
      LEGACY_NAMES.put("hllc" + precision, "hllc(" + precision + ")");
    }
  }

  private final String name;
  private final int precision;
  private final int scale;

  private V15DataType(String name, int precision, int scale) {
    this.name = name;
    this.precision = precision;
    this.scale = scale;
  }

  /** Null for null, like {@code DataType.getType}. */
  static V15DataType parse(String type) throws NotLoadableException {
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
    return new V15DataType(name, precision, scale);
  }

  private static String legacy(String name) {
    String replacement = LEGACY_NAMES.get(name);
    return replacement == null ? name : replacement;
  }

  boolean isDate() {
    return name.equals("date");
  }

  /** {@code time}, {@code datetime}, {@code timestamp}. */
  boolean isTimeFamily() {
    return name.equals("time") || name.equals("datetime") || name.equals("timestamp");
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
