package org.kylinupgrade.rules.v2;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A model dimension, new in v2 ({@code org.apache.kylin.metadata.model.DimensionDesc}). */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonPropertyOrder({"table", "columns"})
public final class ModelDimension {
  @JsonProperty("table")
  public String table;
  @JsonProperty("columns")
  public String[] columns;

  public ModelDimension() {
  }

  public ModelDimension(String table, String[] columns) {
    this.table = table;
    this.columns = columns;
  }
}
