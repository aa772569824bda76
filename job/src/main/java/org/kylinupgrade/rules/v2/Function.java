package org.kylinupgrade.rules.v2;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** v2 {@code FunctionDesc}. */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonPropertyOrder({"expression", "parameter", "returntype"})
public final class Function {
  @JsonProperty("expression")
  public String expression;
  @JsonProperty("parameter")
  public Parameter parameter;
  @JsonProperty("returntype")
  public String returnType;
}
