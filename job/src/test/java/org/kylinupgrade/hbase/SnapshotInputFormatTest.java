package org.kylinupgrade.hbase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.junit.jupiter.api.Test;

class SnapshotInputFormatTest {
  @Test
  void aTasksCountersAreMadeOnceAndAddUp() {
    SnapshotInputFormat.KeptCounters counters = new SnapshotInputFormat.KeptCounters();
    Counter rows = counters.getCounter("HBaseCounters", "ROWS_SCANNED");
    rows.increment(2);
    counters.getCounter("HBaseCounters", "ROWS_SCANNED").increment(3);
    assertSame(rows, counters.getCounter("HBaseCounters", "ROWS_SCANNED"));
    assertEquals(5, rows.getValue());
    assertNotSame(rows, counters.getCounter("HBaseCounters", "RPC_CALLS"));
  }

  @Test
  void theStubThatSparkGivesMakesANewCounterOnEveryLookup() {
    // what the record reader gets without this input format: why each row cost a new counter set
    TaskAttemptContextImpl spark = new TaskAttemptContextImpl(new Configuration(false), new TaskAttemptID());
    assertNotSame(spark.getCounter("HBaseCounters", "ROWS_SCANNED"), spark.getCounter("HBaseCounters", "ROWS_SCANNED"));
  }
}
