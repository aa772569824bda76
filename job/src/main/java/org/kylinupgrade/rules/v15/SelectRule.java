package org.kylinupgrade.rules.v15;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Kylin 1.5 {@code SelectRule} of an aggregation group. */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonPropertyOrder({"hierarchy_dims", "mandatory_dims", "joint_dims"})
public final class SelectRule {
  @JsonProperty("hierarchy_dims")
  public String[][] hierarchyDims;
  @JsonProperty("mandatory_dims")
  public String[] mandatoryDims;
  @JsonProperty("joint_dims")
  public String[][] jointDims;

  public SelectRule() {
  }

  public SelectRule(String[][] hierarchyDims, String[] mandatoryDims, String[][] jointDims) {
    this.hierarchyDims = hierarchyDims;
    this.mandatoryDims = mandatoryDims;
    this.jointDims = jointDims;
  }
}
