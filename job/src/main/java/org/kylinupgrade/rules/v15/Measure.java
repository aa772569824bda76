package org.kylinupgrade.rules.v15;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Kylin 1.5 {@code MeasureDesc}: no id any more. */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonPropertyOrder({"name", "function", "dependent_measure_ref"})
public final class Measure {
  @JsonProperty("name")
  public String name;
  @JsonProperty("function")
  public Function function;
  @JsonProperty("dependent_measure_ref")
  public String dependentMeasureRef;
}
