package org.kylinupgrade.hbase;

import java.io.IOException;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.io.ImmutableBytesWritable;
import org.apache.hadoop.hbase.mapreduce.TableSnapshotInputFormat;
import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.StatusReporter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;

/**
 * HBase's {@link TableSnapshotInputFormat}, with task counters that cost nothing per row. Its record reader adds the
 * scan's metrics to the task's counters after every row it returns. Under Spark the task's counters are a stub that
 * makes a new counter set for every counter it is asked for, and each new set looks for a resource bundle named after
 * the group and the counter, which throws as it is not there: about twenty of those per row, most of the time of a
 * snapshot read of a few thousand rows. Here the reader counts into one set kept for the task.
 */
public final class SnapshotInputFormat extends TableSnapshotInputFormat {
  @Override
  public RecordReader<ImmutableBytesWritable, Result> createRecordReader(InputSplit split, TaskAttemptContext context)
      throws IOException {
    RecordReader<ImmutableBytesWritable, Result> rows = super.createRecordReader(split, context);
    return new RecordReader<ImmutableBytesWritable, Result>() {
      @Override
      public void initialize(InputSplit s, TaskAttemptContext c) throws IOException, InterruptedException {
        rows.initialize(s, new TaskAttemptContextImpl(c.getConfiguration(), c.getTaskAttemptID(), new KeptCounters()));
      }

      @Override
      public boolean nextKeyValue() throws IOException, InterruptedException {
        return rows.nextKeyValue();
      }

      @Override
      public ImmutableBytesWritable getCurrentKey() throws IOException, InterruptedException {
        return rows.getCurrentKey();
      }

      @Override
      public Result getCurrentValue() throws IOException, InterruptedException {
        return rows.getCurrentValue();
      }

      @Override
      public float getProgress() throws IOException, InterruptedException {
        return rows.getProgress();
      }

      @Override
      public void close() throws IOException {
        rows.close();
      }
    };
  }

  /** One counter set for the task: each counter is made once, then found. */
  static final class KeptCounters extends StatusReporter {
    private final Counters counters = new Counters();

    @Override
    public Counter getCounter(Enum<?> name) {
      return counters.findCounter(name);
    }

    @Override
    public Counter getCounter(String group, String name) {
      return counters.findCounter(group, name);
    }

    @Override
    public void progress() {
    }

    @Override
    public void setStatus(String status) {
    }

    @Override
    public float getProgress() {
      return 0;
    }
  }
}
