package org.kylinupgrade.hybrid.v15;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.kylinupgrade.rules.v2.RealizationEntry;

/**
 * Kylin 1.5 {@code ProjectInstance} ({@code /project/<name>.json}): gains {@code version} and {@code ext_filters}.
 * {@code tables} and {@code ext_filters} are declared {@code Set}s, so a bound one is a {@code HashSet} and a
 * re-saved project lists them in that set's order.
 */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonPropertyOrder({"uuid", "version", "name", "tables", "owner", "status", "description", "models", "last_modified",
    "create_time_utc", "last_update_time", "realizations", "ext_filters"})
public final class ProjectInstance {
  /** {@code ProjectStatusEnum}. */
  public enum Status {
    DISABLED, ENABLED
  }

  @JsonProperty("uuid")
  public String uuid;
  @JsonProperty("last_modified")
  public long lastModified;
  @JsonProperty("version")
  public String version = Kylin15.NEW_ENTITY_VERSION;
  @JsonProperty("name")
  public String name;
  @JsonProperty("tables")
  public Set<String> tables = new TreeSet<String>();
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
  @JsonProperty("ext_filters")
  public Set<String> extFilters = new TreeSet<String>();
}
