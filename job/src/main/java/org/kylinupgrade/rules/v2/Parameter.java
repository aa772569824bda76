package org.kylinupgrade.rules.v2;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** v2 {@code ParameterDesc}: one link of a measure's parameter chain. */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonPropertyOrder({"type", "value", "next_parameter"})
public final class Parameter {
  public static final String TYPE_COLUMN = "column";

  @JsonProperty("type")
  public String type;
  @JsonProperty("value")
  public String value;
  @JsonProperty("next_parameter")
  public Parameter nextParameter;

  /** Case-sensitive, as in Kylin: {@code "COLUMN"} counts as a constant. */
  public boolean isColumn() {
    return TYPE_COLUMN.equals(type);
  }
}
