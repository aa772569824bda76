package org.kylinupgrade.rules.v2;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A cube desc dimension (v2 {@code org.apache.kylin.cube.model.DimensionDesc}). */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonPropertyOrder({"id", "name", "table", "column", "derived", "hierarchy"})
public final class CubeDimension {
  @JsonProperty("id")
  public int id;
  @JsonProperty("name")
  public String name;
  @JsonProperty("hierarchy")
  public boolean hierarchy;
  @JsonProperty("table")
  public String table;
  @JsonProperty("column")
  public String[] column;
  @JsonProperty("derived")
  public String[] derived;
}
