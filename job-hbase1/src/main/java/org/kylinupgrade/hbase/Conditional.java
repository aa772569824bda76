package org.kylinupgrade.hbase;

import java.io.IOException;
import org.apache.hadoop.hbase.client.RowMutations;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.filter.CompareFilter;

/**
 * HBase 1.x: an atomic compare-and-set on one row, through {@code checkAndMutate} with {@code RowMutations} (an
 * HBase 2 client gets this call's answer wrong against an HBase 1 cluster; this build's client does not).
 */
final class Conditional {
  private static final byte[] ABSENT = new byte[0];

  private Conditional() {
  }

  /**
   * Applies {@code mutations} to their row only if {@code family:qualifier} holds {@code expected} ({@code null}:
   * only if the cell does not exist); true when applied. Nothing is written when false.
   */
  static boolean mutateIf(Table table, byte[] family, byte[] qualifier, byte[] expected, RowMutations mutations)
      throws IOException {
    // an empty expected value matches a missing cell, as HBase 2's ifNotExists does
    return table.checkAndMutate(mutations.getRow(), family, qualifier, CompareFilter.CompareOp.EQUAL,
        expected == null ? ABSENT : expected, mutations);
  }
}
