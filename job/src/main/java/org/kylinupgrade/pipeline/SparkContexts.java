package org.kylinupgrade.pipeline;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The job's Spark context: the master from spark-submit when set, else {@code --master}; loopback when
 * local. A context that was already running (a test suite's, a notebook's) is used and left running.
 */
public final class SparkContexts implements AutoCloseable {
  private final JavaSparkContext context;
  private final boolean owned;

  private SparkContexts(JavaSparkContext context, boolean owned) {
    this.context = context;
    this.owned = owned;
  }

  public static SparkContexts open(String appName, String master) {
    if (org.apache.spark.SparkContext$.MODULE$.getActive().isDefined()) {
      return new SparkContexts(JavaSparkContext.fromSparkContext(org.apache.spark.SparkContext$.MODULE$.getActive().get()), false);
    }
    SparkConf conf = new SparkConf().setAppName(appName);
    conf.setIfMissing("spark.master", master == null ? "local[*]" : master);
    if (conf.get("spark.master").startsWith("local")) {
      conf.setIfMissing("spark.ui.enabled", "false");
      conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
      conf.setIfMissing("spark.driver.host", "127.0.0.1");
    }
    SparkContext context = SparkContext.getOrCreate(conf);
    context.addSparkListener(new ProgressListener());
    return new SparkContexts(JavaSparkContext.fromSparkContext(context), true);
  }

  public JavaSparkContext context() {
    return context;
  }

  @Override
  public void close() {
    if (owned) {
      context.stop();
    }
  }
}
