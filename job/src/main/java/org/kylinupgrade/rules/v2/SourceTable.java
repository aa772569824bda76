package org.kylinupgrade.rules.v2;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The parts of v2 {@code TableDesc} ({@code /table/<DB>.<TABLE>.json}) that cube and model loading use. */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonPropertyOrder({"uuid", "name", "columns", "database", "last_modified", "source_type"})
public final class SourceTable {
  @JsonProperty("uuid")
  public String uuid;
  @JsonProperty("last_modified")
  public long lastModified;
  @JsonProperty("name")
  public String name;
  @JsonProperty("columns")
  public SourceColumn[] columns;
  @JsonProperty("source_type")
  public int sourceType = 0;
  @JsonProperty("database")
  public String database;
}
