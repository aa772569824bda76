package org.kylinupgrade.rules.v2;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** v2 {@code HBaseColumnDesc}. */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonPropertyOrder({"qualifier", "measure_refs"})
public final class HBaseColumn {
  @JsonProperty("qualifier")
  public String qualifier;
  @JsonProperty("measure_refs")
  public String[] measureRefs;
}
