package org.kylinupgrade.rules;

/** Which Kylin release's data type rules a catalog of source tables, or a measure's return type, is read with. */
enum KylinDataTypes {
  KYLIN_1_4_ALPHA {
    @Override
    String normalise(String type) throws NotLoadableException {
      V2DataType parsed = V2DataType.parse(type);
      return parsed == null ? null : parsed.toString();
    }
  },
  KYLIN_1_5 {
    @Override
    String normalise(String type) throws NotLoadableException {
      V15DataType parsed = V15DataType.parse(type);
      return parsed == null ? null : parsed.toString();
    }
  };

  /** The type as the release writes it back after loading; null for null; fails where the release fails. */
  abstract String normalise(String type) throws NotLoadableException;
}
