package org.kylinupgrade.bench;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The floor of any Spark command: a fresh JVM that starts a {@code local[*]} Spark context (loopback, no UI, as the
 * upgrade's own local context), counts an empty RDD and stops. Prints the count (0).
 */
public final class EmptyCountJob {
  private EmptyCountJob() {
  }

  public static void main(String[] args) {
    SparkConf conf = new SparkConf().setAppName("empty count").setMaster("local[*]")
        .set("spark.ui.enabled", "false").set("spark.driver.bindAddress", "127.0.0.1")
        .set("spark.driver.host", "127.0.0.1");
    try (JavaSparkContext sc = new JavaSparkContext(conf)) {
      System.out.println("count: " + sc.emptyRDD().count());
    }
  }
}
