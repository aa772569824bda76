package org.kylinupgrade.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.junit.jupiter.api.Test;
import org.kylinupgrade.SharedSpark;
import org.kylinupgrade.TestData;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.rules.UpgradeOptions;
import org.kylinupgrade.rules.UpgradeTarget;

/** Releasing a conversion destroys what it broadcast, so that a second conversion in the same driver does not carry it. */
class ConversionReleaseIT {
  @Test
  void releaseDestroysEveryBroadcastTheConversionMade() throws Exception {
    JavaRDD<Resource> resources = SparkFolders.read(SharedSpark.context(),
        TestData.example("kylin-1.3.0-localmeta").toString(), new Configuration()).cache();
    UpgradePipeline.ConversionResult conversion = UpgradePipeline.convert(SharedSpark.context(), resources,
        UpgradeOptions.of(System.currentTimeMillis(), UpgradeTarget.V1_5)
            .withPurgeCubes(Collections.singleton("test_kylin_cube_with_slr_empty")));
    long written = conversion.output.count();
    List<Broadcast<?>> made = conversion.broadcastsMade();
    // at least the tables, the groups by path, and the rewritten and the untouched paths
    assertTrue(made.size() >= 4, made.size() + " broadcasts");
    for (Broadcast<?> broadcast : made) {
      broadcast.value();
    }

    conversion.release();

    for (Broadcast<?> broadcast : made) {
      Exception e = assertThrows(Exception.class, broadcast::value);
      assertTrue(e.getMessage().contains("destroyed"), e.getMessage());
    }
    assertEquals(0, conversion.broadcastsMade().size());
    resources.unpersist(false);
    assertTrue(written > 0);
  }
}
