package org.kylinupgrade.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.OptionalLong;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.kylinupgrade.SharedSpark;
import org.kylinupgrade.TestData;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.rules.UpgradeOptions;
import org.kylinupgrade.rules.UpgradeTarget;

/** The labelled resources counted while the output is computed equal those {@code versionLabelled} holds. */
class LabelledInOutputIT {
  private static JavaRDD<Resource> read(String example) throws Exception {
    JavaSparkContext sc = SharedSpark.context();
    return SparkFolders.read(sc, TestData.example(example).toString(), new Configuration()).cache();
  }

  private static void assertCountedAsLabelled(UpgradePipeline.ConversionResult conversion) {
    long written = conversion.output.count();
    OptionalLong counted = conversion.labelledInOutput();
    assertTrue(counted.isPresent());
    long labelled = conversion.versionLabelled.count();
    assertTrue(labelled > 0 && labelled < written, labelled + " of " + written);
    assertEquals(labelled, counted.getAsLong());
    conversion.release();
  }

  @Test
  void theSampleCubesLabelledResourcesAreCountedOnTheWay() throws Exception {
    JavaRDD<Resource> resources = read("kylin-1.3.0-sample-cube");
    assertCountedAsLabelled(UpgradePipeline.convert(SharedSpark.context(), resources,
        UpgradeOptions.of(System.currentTimeMillis(), UpgradeTarget.V1_5)));
  }

  @Test
  void soAreTheLocalMetadatasWithACubePurged() throws Exception {
    JavaRDD<Resource> resources = read("kylin-1.3.0-localmeta");
    assertCountedAsLabelled(UpgradePipeline.convert(SharedSpark.context(), resources,
        UpgradeOptions.of(System.currentTimeMillis(), UpgradeTarget.V1_5)
            .withPurgeCubes(Collections.singleton("test_kylin_cube_with_slr_empty"))));
  }

  @Test
  void theOtherTargetCountsNothingOnTheWay() throws Exception {
    JavaRDD<Resource> resources = read("kylin-1.3.0-sample-cube");
    UpgradePipeline.ConversionResult conversion = UpgradePipeline.convert(SharedSpark.context(), resources,
        UpgradeOptions.of(System.currentTimeMillis(), UpgradeTarget.V1_4_ALPHA));
    conversion.output.count();
    assertFalse(conversion.labelledInOutput().isPresent());
    conversion.release();
  }
}
