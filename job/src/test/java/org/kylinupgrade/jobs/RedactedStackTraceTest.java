package org.kylinupgrade.jobs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** {@code KYLIN_UPGRADE_DEBUG}'s stack trace: whole, with the secrets of every message in the chain masked. */
class RedactedStackTraceTest {
  @Test
  void theTraceKeepsItsFramesAndCausesButMasksSecrets() {
    Exception e = new IllegalStateException("connect to jdbc://kylin:hunter2@db:3306 failed",
        new IOException("hbase.rest.ssl.keystore.password=s3cret rejected"));
    String trace = JobCommandLine.redactedStackTrace(e);
    assertFalse(trace.contains("hunter2"), trace);
    assertFalse(trace.contains("s3cret"), trace);
    assertTrue(trace.contains("java.lang.IllegalStateException: connect to jdbc://kylin:******@db:3306 failed"), trace);
    assertTrue(trace.contains("Caused by: java.io.IOException: hbase.rest.ssl.keystore.password=******"), trace);
    assertTrue(trace.contains("at org.kylinupgrade.jobs.RedactedStackTraceTest.theTraceKeepsItsFramesAndCausesButMasksSecrets"),
        trace);
  }
}
