package org.kylinupgrade.rules;

import java.util.Map;
import org.kylinupgrade.util.Immutables;

/**
 * The data type strings Kylin 1.4-alpha accepts ({@code DataType}; v2 cannot load a table with a column of any other
 * type) and their normalised form, which is what a column's {@code datatype} becomes on load.
 */
final class V2DataType {
  private static final String VALID_TYPES = "any|char|varchar|boolean|binary"
      + "|integer|tinyint|smallint|bigint|decimal|numeric|float|real|double"
      + "|date|time|datetime|timestamp|byte|int|short|long|string|hllc|topn|_literal_type|_derived_type";
  private static final Map<String, String> LEGACY_NAMES = Immutables.mapOf(
      "byte", "tinyint", "int", "integer", "short", "smallint",
      "long", "bigint", "string", "varchar", "hllc10", "hllc(10)",
      "hllc12", "hllc(12)", "hllc14", "hllc(14)", "hllc15", "hllc(15)",
      "hllc16", "hllc(16)");
  private static final DataTypeSyntax SYNTAX = new DataTypeSyntax(VALID_TYPES, LEGACY_NAMES);

  private final DataTypeSyntax.Parsed parsed;

  private V2DataType(DataTypeSyntax.Parsed parsed) {
    this.parsed = parsed;
  }

  /** Null for null, like {@code DataType.getInstance}. */
  static V2DataType parse(String type) throws NotLoadableException {
    DataTypeSyntax.Parsed parsed = SYNTAX.parse(type);
    if (parsed == null) {
      return null;
    }
    if (parsed.name.equals("hllc") && (parsed.precision < 10 || parsed.precision > 16)) {
      throw new NotLoadableException("HLLC precision must be one of [10, 11, 12, 13, 14, 15, 16]");
    }
    return new V2DataType(parsed);
  }

  boolean isBigInt() {
    return parsed.name.equals("bigint");
  }

  @Override
  public String toString() {
    return parsed.toString();
  }
}
