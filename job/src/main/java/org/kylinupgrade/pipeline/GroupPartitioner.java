package org.kylinupgrade.pipeline;

import org.apache.spark.Partitioner;

/** Model groups, keyed by their index, to the partitions {@link GroupsOfPath#partitions} dealt them. */
final class GroupPartitioner extends Partitioner {
  private static final long serialVersionUID = 1L;
  private final int[] partitionOf;
  private final int partitions;

  GroupPartitioner(int[] partitionOf, int partitions) {
    this.partitionOf = partitionOf;
    this.partitions = partitions;
  }

  @Override
  public int numPartitions() {
    return partitions;
  }

  @Override
  public int getPartition(Object key) {
    return partitionOf[(Integer) key];
  }
}
