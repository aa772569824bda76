package org.kylinupgrade.rules.v15;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A Kylin 1.5 cube dimension: one column ({@code {FK}} for a derived one), no id, no hierarchy flag. */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonPropertyOrder({"name", "table", "column", "derived"})
public final class Dimension {
  /** The column of a derived dimension: the lookup's foreign keys. */
  public static final String FOREIGN_KEYS = "{FK}";

  @JsonProperty("name")
  public String name;
  @JsonProperty("table")
  public String table;
  @JsonProperty("column")
  public String column;
  @JsonProperty("derived")
  public String[] derived;

  public Dimension() {
  }

  public Dimension(String name, String table, String column, String[] derived) {
    this.name = name;
    this.table = table;
    this.column = column;
    this.derived = derived;
  }
}
