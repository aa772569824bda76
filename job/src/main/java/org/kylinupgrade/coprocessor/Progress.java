package org.kylinupgrade.coprocessor;

import java.io.PrintStream;

/** "done / total / failed" on the console while tables are processed, at most every {@code intervalMillis}. */
public final class Progress {
  private final PrintStream out;
  private final int total;
  private final long intervalMillis;
  private long lastPrinted;
  private long lastDone = -1;

  public Progress(PrintStream out, int total, long intervalMillis) {
    this.out = out;
    this.total = total;
    this.intervalMillis = intervalMillis;
    this.lastPrinted = System.currentTimeMillis();
  }

  public int total() {
    return total;
  }

  /** Prints when the interval has passed and something moved. */
  public synchronized void update(long done, long failed) {
    long now = System.currentTimeMillis();
    if (done != lastDone && now - lastPrinted >= intervalMillis) {
      print(done, failed);
      lastPrinted = now;
    }
  }

  public synchronized void finish(long done, long failed) {
    if (done != lastDone) {
      print(done, failed);
    }
  }

  private void print(long done, long failed) {
    lastDone = done;
    out.printf("coprocessor: %d / %d tables done, %d failed%n", done, total, failed);
    out.flush();
  }
}
