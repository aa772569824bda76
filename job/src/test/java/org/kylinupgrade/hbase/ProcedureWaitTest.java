package org.kylinupgrade.hbase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.hadoop.hbase.TableNotFoundException;
import org.junit.jupiter.api.Test;

class ProcedureWaitTest {
  /** A future that is not done for its first {@code pending} questions, then gives {@code outcome}. */
  private static final class Asked implements Future<String> {
    private final int pending;
    private final Throwable failure;
    int questions;
    long longestWaitMs;

    Asked(int pending, Throwable failure) {
      this.pending = pending;
      this.failure = failure;
    }

    @Override
    public String get(long timeout, TimeUnit unit) throws ExecutionException, TimeoutException {
      questions++;
      longestWaitMs = Math.max(longestWaitMs, unit.toMillis(timeout));
      if (questions <= pending) {
        throw new TimeoutException("still running");
      }
      if (failure != null) {
        throw new ExecutionException(failure);
      }
      return "done";
    }

    @Override
    public String get() {
      throw new AssertionError("the wait asks with a timeout only");
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      return false;
    }

    @Override
    public boolean isCancelled() {
      return false;
    }

    @Override
    public boolean isDone() {
      return questions > pending;
    }
  }

  @Test
  void asksEveryPollUntilTheOperationIsDone() throws IOException {
    Asked operation = new Asked(7, null);
    assertEquals("done", ProcedureWait.await(operation, 20, 60_000, "disable of table t"));
    assertEquals(8, operation.questions);
    assertEquals(20, operation.longestWaitMs);
  }

  @Test
  void aFailedOperationThrowsItsOwnIOException() {
    TableNotFoundException missing = new TableNotFoundException("kylin_metadata");
    IOException thrown = assertThrows(IOException.class,
        () -> ProcedureWait.await(new Asked(2, missing), 20, 60_000, "delete of table kylin_metadata"));
    assertSame(missing, thrown);
  }

  @Test
  void anyOtherFailureNamesTheOperation() {
    IOException thrown = assertThrows(IOException.class, () -> ProcedureWait.await(
        new Asked(0, new IllegalStateException("boom")), 20, 60_000, "clone of snapshot s into table t"));
    assertTrue(thrown.getMessage().startsWith("clone of snapshot s into table t failed: "), thrown.getMessage());
  }

  @Test
  void anOperationThatOutlastsThePatienceIsReportedByName() {
    CompletableFuture<String> never = new CompletableFuture<>();
    IOException thrown = assertThrows(IOException.class,
        () -> ProcedureWait.await(never, 5, 50, "snapshot b of table kylin_metadata"));
    assertTrue(thrown.getMessage().startsWith("snapshot b of table kylin_metadata did not finish within 50 ms"),
        thrown.getMessage());
  }

  @Test
  void anInterruptStopsTheWaitAndIsKept() {
    Thread.currentThread().interrupt();
    try {
      assertThrows(InterruptedIOException.class,
          () -> ProcedureWait.await(new CompletableFuture<String>(), 20, 60_000, "enable of table t"));
      assertTrue(Thread.currentThread().isInterrupted());
    } finally {
      Thread.interrupted();
    }
  }
}
