package org.kylinupgrade.hbase;

import java.io.IOException;
import org.apache.hadoop.hbase.client.CheckAndMutate;
import org.apache.hadoop.hbase.client.RowMutations;
import org.apache.hadoop.hbase.client.Table;

/** HBase 2: an atomic compare-and-set on one row, through {@code CheckAndMutate}. */
final class Conditional {
  private Conditional() {
  }

  /**
   * Applies {@code mutations} to their row only if {@code family:qualifier} holds {@code expected} ({@code null}:
   * only if the cell does not exist); true when applied. Nothing is written when false.
   */
  static boolean mutateIf(Table table, byte[] family, byte[] qualifier, byte[] expected, RowMutations mutations)
      throws IOException {
    CheckAndMutate.Builder check = CheckAndMutate.newBuilder(mutations.getRow());
    check = expected == null ? check.ifNotExists(family, qualifier) : check.ifEquals(family, qualifier, expected);
    return table.checkAndMutate(check.build(mutations)).isSuccess();
  }
}
