package org.kylinupgrade.rules.v2;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** v2 {@code MeasureDesc}. */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonPropertyOrder({"id", "name", "function", "dependent_measure_ref"})
public final class Measure {
  @JsonProperty("id")
  public int id;
  @JsonProperty("name")
  public String name;
  @JsonProperty("function")
  public Function function;
  @JsonProperty("dependent_measure_ref")
  public String dependentMeasureRef;
}
