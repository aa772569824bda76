package org.kylinupgrade.rules.v15;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Kylin 1.5 {@code RowKeyColDesc}: an encoding instead of a length and a dictionary flag. */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonPropertyOrder({"column", "encoding", "isShardBy", "index"})
public final class RowKeyColumn {
  public static final String DICT = "dict";
  public static final String DATE = "date";
  public static final String TIME = "time";
  public static final String FIXED_LENGTH = "fixed_length";

  @JsonProperty("column")
  public String column;
  @JsonProperty("encoding")
  public String encoding;
  @JsonProperty("isShardBy")
  public boolean isShardBy;
  @JsonProperty("index")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public String index;

  public RowKeyColumn() {
  }

  public RowKeyColumn(String column, String encoding) {
    this.column = column;
    this.encoding = encoding;
  }
}
