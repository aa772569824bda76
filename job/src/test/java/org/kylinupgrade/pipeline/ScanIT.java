package org.kylinupgrade.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.junit.jupiter.api.Test;
import org.kylinupgrade.SharedSpark;
import org.kylinupgrade.TestData;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.rules.UpgradeOptions;
import org.kylinupgrade.rules.UpgradeTarget;

/** The scan that reads what the conversion checks first counts every resource by type too. */
class ScanIT {
  @Test
  void theScansCountsAreTheCountsByTypeAndItsConversionTheSameAsWithoutIt() throws Exception {
    JavaRDD<Resource> resources = SparkFolders.read(SharedSpark.context(),
        TestData.example("kylin-1.3.0-localmeta").toString(), new Configuration()).cache();
    UpgradeOptions options = UpgradeOptions.of(1458439200000L, UpgradeTarget.V1_5);

    UpgradePipeline.Scan scan = UpgradePipeline.scan(resources, UpgradeTarget.V1_5);
    assertEquals(UpgradePipeline.countByType(resources), scan.countsByType());
    assertEquals(resources.count(), scan.countsByType().values().stream().mapToLong(Long::longValue).sum());
    assertTrue(scan.countsByType().get("cube_desc") > 0);

    UpgradePipeline.ConversionResult withScan = UpgradePipeline.convert(SharedSpark.context(), resources, options, scan);
    UpgradePipeline.ConversionResult without = UpgradePipeline.convert(SharedSpark.context(), resources, options);
    assertEquals(without.changes, withScan.changes);
    assertEquals(without.output.collect().size(), withScan.output.collect().size());
    withScan.release();
    without.release();

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UpgradePipeline.convert(
        SharedSpark.context(), resources, UpgradeOptions.of(1458439200000L, UpgradeTarget.V1_4_ALPHA), scan));
    assertTrue(e.getMessage().contains("scanned for Kylin 1.5"), e.getMessage());
    resources.unpersist(false);
  }
}
