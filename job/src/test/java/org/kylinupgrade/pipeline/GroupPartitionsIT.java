package org.kylinupgrade.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.kylinupgrade.SharedSpark;
import org.kylinupgrade.TestData;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.rules.UpgradeOptions;
import org.kylinupgrade.rules.UpgradeRules;
import org.kylinupgrade.rules.UpgradeTarget;

/**
 * A metadata table of one region is read by one task: its model groups are still converted on every core, with the
 * same output as from an input split many ways.
 */
class GroupPartitionsIT {
  @Test
  void anInputOfOnePartitionIsConvertedInAsManyPartitionsAsItsGroupsAllow() throws Exception {
    JavaSparkContext sc = SharedSpark.context();
    JavaRDD<Resource> split = SparkFolders.read(sc, TestData.example("kylin-1.3.0-localmeta").toString(),
        new Configuration()).cache();
    JavaRDD<Resource> onePartition = split.coalesce(1).cache();
    assertEquals(1, onePartition.getNumPartitions());
    long runTimestamp = System.currentTimeMillis();

    UpgradePipeline.ConversionResult fromOne = UpgradePipeline.convert(sc, onePartition,
        UpgradeOptions.of(runTimestamp, UpgradeTarget.V1_4_ALPHA));
    UpgradePipeline.ConversionResult fromSplit = UpgradePipeline.convert(sc, split,
        UpgradeOptions.of(runTimestamp, UpgradeTarget.V1_4_ALPHA));
    long groups = onePartition.filter(r -> r.type().equals(UpgradePipeline.CUBE_DESC))
        .map(d -> UpgradeRules.groupKey(UpgradeRules.modelNameOfDesc(d))).distinct().count();
    int expected = (int) Math.min(groups, 4L * sc.defaultParallelism());
    assertTrue(expected >= 2, "the example's descs name " + groups + " models");
    // what the groups rewrote comes out of the groups' partitions
    assertEquals(expected, fromOne.rewritten.getNumPartitions());
    assertEquals(contents(fromSplit.output), contents(fromOne.output));
    assertEquals(fromSplit.changes, fromOne.changes);
    fromOne.release();
    fromSplit.release();
    onePartition.unpersist(false);
    split.unpersist(false);
  }

  private static List<String> contents(JavaRDD<Resource> resources) {
    return resources.map(r -> r.path() + "@" + r.timestamp() + ":" + new String(r.content(), "UTF-8")).collect()
        .stream().sorted().collect(Collectors.toList());
  }
}
