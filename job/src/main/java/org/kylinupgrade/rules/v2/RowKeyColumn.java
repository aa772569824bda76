package org.kylinupgrade.rules.v2;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** v2 {@code RowKeyColDesc}. */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonPropertyOrder({"column", "length", "dictionary", "mandatory"})
public final class RowKeyColumn {
  @JsonProperty("column")
  public String column;
  @JsonProperty("length")
  public int length;
  @JsonProperty("dictionary")
  public String dictionary;
  @JsonProperty("mandatory")
  public boolean mandatory = false;
}
