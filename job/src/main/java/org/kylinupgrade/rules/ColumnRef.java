package org.kylinupgrade.rules;

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
    return java.util.Objects.equals(table, other.table)
        && java.util.Objects.equals(name, other.name);
  }

  /** Combines the components as a record does: {@code 31 * h + hash(component)} from 0. */
  @Override
  public int hashCode() {
    int h = 0;
    h = 31 * h + java.util.Objects.hashCode(table);
    h = 31 * h + java.util.Objects.hashCode(name);
    return h;
  }
}
