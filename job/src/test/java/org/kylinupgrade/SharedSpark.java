package org.kylinupgrade;

import org.apache.spark.api.java.JavaSparkContext;
import org.kylinupgrade.pipeline.SparkContexts;

/** One local Spark context for the whole test JVM; jobs run in it find it active and leave it running. */
public final class SharedSpark {
  private static SparkContexts spark;

  private SharedSpark() {
  }

  public static synchronized JavaSparkContext context() {
    if (spark == null) {
      spark = SparkContexts.open("kylin-upgrade tests", "local[2]");
      Runtime.getRuntime().addShutdownHook(new Thread(spark::close));
    }
    return spark.context();
  }
}
