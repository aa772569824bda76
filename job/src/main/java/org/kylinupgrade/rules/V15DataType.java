package org.kylinupgrade.rules;

import java.util.HashMap;
import java.util.Map;

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

  private static final DataTypeSyntax SYNTAX = new DataTypeSyntax(VALID_TYPES, LEGACY_NAMES);

  private final DataTypeSyntax.Parsed parsed;

  private V15DataType(DataTypeSyntax.Parsed parsed) {
    this.parsed = parsed;
  }

  /** Null for null, like {@code DataType.getType}. */
  static V15DataType parse(String type) throws NotLoadableException {
    DataTypeSyntax.Parsed parsed = SYNTAX.parse(type);
    return parsed == null ? null : new V15DataType(parsed);
  }

  boolean isDate() {
    return parsed.name.equals("date");
  }

  /** {@code time}, {@code datetime}, {@code timestamp}. */
  boolean isTimeFamily() {
    return parsed.name.equals("time") || parsed.name.equals("datetime") || parsed.name.equals("timestamp");
  }

  @Override
  public String toString() {
    return parsed.toString();
  }
}
