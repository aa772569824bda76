package org.kylinupgrade.rules.v15;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.HashMap;
import org.kylinupgrade.rules.v2.Parameter;

/**
 * Kylin 1.5 {@code FunctionDesc}. {@code configuration} is declared a {@code HashMap}, so a bound one iterates in
 * hash order; it is written only when not empty.
 */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonPropertyOrder({"expression", "parameter", "returntype", "configuration"})
public final class Function {
  @JsonProperty("expression")
  public String expression;
  @JsonProperty("parameter")
  public Parameter parameter;
  @JsonProperty("returntype")
  public String returnType;
  @JsonProperty("configuration")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public HashMap<String, String> configuration = new HashMap<String, String>();
}
