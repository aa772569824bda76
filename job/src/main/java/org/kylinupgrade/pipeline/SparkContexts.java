package org.kylinupgrade.pipeline;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
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

  /**
   * Starts opening the context on a thread of its own, so that the caller's own start (connecting to HBase) runs
   * beside Spark's: each takes about a second or two of a fresh JVM.
   */
  public static Opening openBeside(String appName, String master) {
    FutureTask<SparkContexts> task = new FutureTask<>(() -> open(appName, master));
    Thread starter = new Thread(task, "spark-start");
    starter.setDaemon(true);
    starter.start();
    return new Opening(task);
  }

  /**
   * A context being opened. {@link #get()} waits for it and hands it over to the caller; {@link #context()} waits for
   * it and keeps it. Closing an opening that was not handed over (the caller failed first, or kept it here) closes the
   * context once it is open.
   */
  public static final class Opening implements AutoCloseable {
    private final FutureTask<SparkContexts> task;
    private boolean handedOver;

    private Opening(FutureTask<SparkContexts> task) {
      this.task = task;
    }

    public SparkContexts get() {
      SparkContexts contexts = opened();
      handedOver = true;
      return contexts;
    }

    /** The context once open, still this opening's to close. */
    public JavaSparkContext context() {
      return opened().context();
    }

    private SparkContexts opened() {
      try {
        return task.get();
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException) {
          throw (RuntimeException) cause;
        }
        if (cause instanceof Error) {
          throw (Error) cause;
        }
        throw new IllegalStateException("Spark did not start: " + cause, cause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while Spark started", e);
      }
    }

    @Override
    public void close() {
      if (handedOver) {
        return;
      }
      try {
        task.get().close();
      } catch (ExecutionException e) {
        // it did not open: nothing to close, and the caller's own failure is the one to report
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
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
