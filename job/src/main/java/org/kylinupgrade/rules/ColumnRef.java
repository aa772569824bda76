package org.kylinupgrade.rules;

/** A resolved column ({@code TblColRef}): equal when table identity and column name are equal. */
record ColumnRef(String table, String name) implements java.io.Serializable {
  @Override
  public String toString() {
    return table + "." + name;
  }
}
