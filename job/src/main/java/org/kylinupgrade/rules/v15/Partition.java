package org.kylinupgrade.rules.v15;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Kylin 1.5 {@code PartitionDesc} of a model: gains a time column and its format. */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonPropertyOrder({"partition_date_column", "partition_time_column", "partition_date_start", "partition_date_format",
    "partition_time_format", "partition_type", "partition_condition_builder"})
public final class Partition {
  public enum Type {
    APPEND, UPDATE_INSERT
  }

  public static final String DEFAULT_CONDITION_BUILDER =
      "org.apache.kylin.metadata.model.PartitionDesc$DefaultPartitionConditionBuilder";

  @JsonProperty("partition_date_column")
  public String partitionDateColumn;
  @JsonProperty("partition_time_column")
  public String partitionTimeColumn;
  @JsonProperty("partition_date_start")
  public long partitionDateStart = 0L;
  @JsonProperty("partition_date_format")
  public String partitionDateFormat = "yyyy-MM-dd";
  @JsonProperty("partition_time_format")
  public String partitionTimeFormat = "HH:mm:ss";
  @JsonProperty("partition_type")
  public Type partitionType = Type.APPEND;
  @JsonProperty("partition_condition_builder")
  public String partitionConditionBuilder = DEFAULT_CONDITION_BUILDER;
}
