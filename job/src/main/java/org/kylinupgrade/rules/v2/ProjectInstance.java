package org.kylinupgrade.rules.v2;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * v2 {@code ProjectInstance} ({@code /project/<name>.json}). {@code tables} binds into a {@code HashSet}, as Kylin's
 * does, so a re-saved project lists them in that set's order.
 */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonPropertyOrder({"uuid", "name", "tables", "owner", "status", "description", "models", "last_modified",
    "create_time_utc", "last_update_time", "realizations"})
public final class ProjectInstance {
  /** {@code ProjectStatusEnum}. */
  public enum Status {
    DISABLED, ENABLED
  }

  @JsonProperty("uuid")
  public String uuid;
  @JsonProperty("last_modified")
  public long lastModified;
  @JsonProperty("name")
  public String name;
  @JsonProperty("tables")
  public Set<String> tables = new TreeSet<>();
  @JsonProperty("owner")
  public String owner;
  @JsonProperty("status")
  public Status status;
  @JsonProperty("create_time_utc")
  public long createTimeUtc;
  @JsonProperty("last_update_time")
  public String lastUpdateTime;
  @JsonProperty("description")
  public String description;
  @JsonProperty("realizations")
  public List<RealizationEntry> realizations;
  @JsonProperty("models")
  public List<String> models;
}
