package org.kylinupgrade.rules;

import java.util.Objects;

/** A resolved column ({@code TblColRef}): equal when table identity and column name are equal. */
final class ColumnRef implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  private final String table;
  private final String name;

  ColumnRef(String table, String name) {
    this.table = table;
    this.name = name;
  }

  public String table() {
    return table;
  }

  public String name() {
    return name;
  }

  @Override
  public String toString() {
    return table + "." + name;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ColumnRef)) {
      return false;
    }
    ColumnRef other = (ColumnRef) o;
    return Objects.equals(table, other.table)
        && Objects.equals(name, other.name);
  }

  /** The hash of a record of these components, so that hash-ordered collections keep their order. */
  @Override
  public int hashCode() {
    int h = 0;
    h = 31 * h + Objects.hashCode(table);
    h = 31 * h + Objects.hashCode(name);
    return h;
  }
}
