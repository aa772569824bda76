package org.kylinupgrade.rules.v15;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.kylinupgrade.rules.v2.Lookup;
import org.kylinupgrade.rules.v2.ModelDimension;

/** Kylin 1.5 {@code DataModelDesc} ({@code /model_desc/<name>.json}): gains {@code owner} and {@code version}. */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonPropertyOrder({"uuid", "version", "name", "owner", "description", "lookups", "dimensions", "metrics", "capacity",
    "last_modified", "fact_table", "filter_condition", "partition_desc"})
public final class DataModel {
  public enum Capacity {
    SMALL, MEDIUM, LARGE
  }

  @JsonProperty("uuid")
  public String uuid;
  @JsonProperty("last_modified")
  public long lastModified;
  @JsonProperty("version")
  public String version = Versions.KYLIN;
  @JsonProperty("name")
  public String name;
  @JsonProperty("owner")
  public String owner;
  @JsonProperty("description")
  public String description;
  @JsonProperty("fact_table")
  public String factTable;
  @JsonProperty("lookups")
  public Lookup[] lookups;
  @JsonProperty("dimensions")
  public List<ModelDimension> dimensions;
  @JsonProperty("metrics")
  public String[] metrics;
  @JsonProperty("filter_condition")
  public String filterCondition;
  @JsonProperty("partition_desc")
  public Partition partitionDesc;
  @JsonProperty("capacity")
  public Capacity capacity = Capacity.MEDIUM;
}
