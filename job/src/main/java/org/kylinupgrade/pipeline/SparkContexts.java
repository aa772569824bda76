package org.kylinupgrade.pipeline;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The job's Spark context: the master from spark-submit when set, else {@code --master}; loopback when
 * local. A context that was already running (a test suite's, a notebook's) is used and left running.
 */
public final class SparkContexts implements AutoCloseable {
  /**
   * Spark (3.2 and later) drops every input split whose length is 0 by default, and HBase's input formats report 0
   * for snapshot splits and for regions under a megabyte: a metadata table would be read as empty. Every job reads
   * through those formats, so every split must be kept, whatever the submitter's defaults say.
   */
  public static final String IGNORE_EMPTY_SPLITS = "spark.hadoopRDD.ignoreEmptySplits";

  private final JavaSparkContext context;
  private final boolean owned;

  private SparkContexts(JavaSparkContext context, boolean owned) {
    this.context = context;
    this.owned = owned;
  }

  public static SparkContexts open(String appName, String master) {
    SparkLogging.quietTaskFailures();
    if (org.apache.spark.SparkContext$.MODULE$.getActive().isDefined()) {
      SparkContext active = org.apache.spark.SparkContext$.MODULE$.getActive().get();
      // the live configuration, not a copy: Spark's Hadoop RDDs read the setting when their splits are computed
      active.conf().set(IGNORE_EMPTY_SPLITS, "false");
      return new SparkContexts(JavaSparkContext.fromSparkContext(active), false);
    }
    SparkConf conf = new SparkConf().setAppName(appName).set(IGNORE_EMPTY_SPLITS, "false");
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
