package org.kylinupgrade.rules.v2;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** v2 {@code PartitionDesc} of a model. */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonPropertyOrder({"partition_date_column", "partition_date_start", "partition_date_format", "partition_type",
    "partition_condition_builder"})
public final class Partition {
  public enum Type {
    APPEND, UPDATE_INSERT
  }

  public static final String DEFAULT_CONDITION_BUILDER =
      "org.apache.kylin.metadata.model.PartitionDesc$DefaultPartitionConditionBuilder";
  public static final String YEAR_MONTH_DAY_CONDITION_BUILDER =
      "org.apache.kylin.metadata.model.PartitionDesc$YearMonthDayPartitionConditionBuilder";

  @JsonProperty("partition_date_column")
  public String partitionDateColumn;
  @JsonProperty("partition_date_start")
  public long partitionDateStart = 0L;
  @JsonProperty("partition_date_format")
  public String partitionDateFormat = "yyyy-MM-dd";
  @JsonProperty("partition_type")
  public Type partitionType = Type.APPEND;
  @JsonProperty("partition_condition_builder")
  public String partitionConditionBuilder = DEFAULT_CONDITION_BUILDER;
}
