package org.kylinupgrade.rules.v15;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Kylin 1.5 {@code RowKeyDesc}: the aggregation groups moved to the desc. */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
public final class RowKey {
  @JsonProperty("rowkey_columns")
  public RowKeyColumn[] rowkeyColumns;

  public RowKey() {
  }

  public RowKey(RowKeyColumn[] rowkeyColumns) {
    this.rowkeyColumns = rowkeyColumns;
  }
}
