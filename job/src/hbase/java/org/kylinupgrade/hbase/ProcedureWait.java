package org.kylinupgrade.hbase;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits for a table operation the master runs (create, snapshot, clone, modify, disable, delete) by asking every
 * {@code pollMs}. The client's own wait sleeps the client pause times a growing backoff (1, 2, 3, 5, 10, 20, ...)
 * between its questions, so an operation of 450 ms was seen done after 820 ms even at a pause of 20 ms. Each short
 * {@code get} below asks once and sleeps one pause, its backoff starting over: the answer comes within one pause.
 */
final class ProcedureWait {
  private ProcedureWait() {
  }

  /**
   * The operation's result, as the client's blocking call gives it: its own {@link IOException} when it failed, an
   * {@link IOException} naming {@code what} when it did not finish within {@code patienceMs}.
   */
  static <T> T await(Future<T> operation, long pollMs, long patienceMs, String what) throws IOException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(patienceMs);
    while (true) {
      try {
        return operation.get(pollMs, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        if (System.nanoTime() - deadline > 0) {
          throw new IOException(what + " did not finish within " + patienceMs + " ms (the master may still run it; "
              + "check it in the HBase master UI's procedures)", e);
        }
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        throw cause instanceof IOException ? (IOException) cause : new IOException(what + " failed: " + cause, cause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        InterruptedIOException interrupted = new InterruptedIOException("interrupted while waiting for " + what);
        interrupted.initCause(e);
        throw interrupted;
      }
    }
  }
}
