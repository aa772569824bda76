package org.kylinupgrade.rules.v15;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Kylin 1.5 {@code AggregationGroup}: a partial cube over {@code includes}, pruned by its select rule. */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonPropertyOrder({"includes", "select_rule"})
public final class AggregationGroup {
  @JsonProperty("includes")
  public String[] includes;
  @JsonProperty("select_rule")
  public SelectRule selectRule;

  public AggregationGroup() {
  }

  public AggregationGroup(String[] includes, SelectRule selectRule) {
    this.includes = includes;
    this.selectRule = selectRule;
  }
}
