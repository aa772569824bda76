package org.kylinupgrade.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.kylinupgrade.journal.FailurePoints;

/**
 * A real crash at a chosen point: the command runs in a child JVM and is SIGKILLed there. Either the child pauses
 * itself at a failure point ({@link FailurePoints#PAUSE_AT}) and is killed once its marker file appears, or it is
 * killed as soon as a condition on the cluster holds (for a phase that has no failure point).
 */
final class KillPoint {
  /** The exit value of a process ended by SIGKILL (128 + 9). */
  static final int SIGKILL_EXIT = 137;

  private static final long DEFAULT_TIMEOUT_MS = 300_000;
  private static final long POLL_MS = 20;

  private KillPoint() {
  }

  /** Runs {@code main} paused at {@code point}, kills it there and returns the child (its log for messages). */
  static ChildJvm killAt(String point, Class<?> main, List<String> args, Path dir) throws Exception {
    ChildJvm child = pausedAt(point, main, args, dir);
    assertEquals(SIGKILL_EXIT, child.kill(), "the child was killed by SIGKILL when it paused at " + point);
    return child;
  }

  /** Runs {@code main} until it pauses at {@code point} and returns it there, alive (the caller kills it). */
  static ChildJvm pausedAt(String point, Class<?> main, List<String> args, Path dir) throws Exception {
    Path marker = dir.resolve("paused-" + safe(point) + "-" + System.nanoTime());
    ChildJvm child = ChildJvm.start(main, Map.of(FailurePoints.PAUSE_AT, point, FailurePoints.PAUSE_MARKER,
        marker.toString()), args, dir.resolve(main.getSimpleName() + "-" + safe(point) + "-" + System.nanoTime() + ".log"));
    awaitOrKill(child, "it paused at " + point, () -> Files.exists(marker));
    List<String> paused = Files.readAllLines(marker);
    assertEquals(point, paused.get(0), "the marker names the point");
    return child;
  }

  /** Runs {@code main} and kills it as soon as {@code condition} holds (checked every few milliseconds). */
  static ChildJvm killWhen(String what, Callable<Boolean> condition, Class<?> main, List<String> args, Path dir)
      throws Exception {
    ChildJvm child = ChildJvm.start(main, Map.of(), args,
        dir.resolve(main.getSimpleName() + "-" + safe(what) + "-" + System.nanoTime() + ".log"));
    killWhen(child, what, condition);
    return child;
  }

  private static void killWhen(ChildJvm child, String what, Callable<Boolean> condition) throws Exception {
    awaitOrKill(child, what, condition);
    assertEquals(SIGKILL_EXIT, child.kill(), "the child was killed by SIGKILL when " + what);
  }

  /** Waits until {@code condition} holds; fails (killing the child) when it ends or times out before. */
  private static void awaitOrKill(ChildJvm child, String what, Callable<Boolean> condition) throws Exception {
    long deadline = System.currentTimeMillis() + DEFAULT_TIMEOUT_MS;
    while (!condition.call()) {
      if (!child.process().isAlive()) {
        fail("the child ended (exit " + child.process().exitValue() + ") before " + what + ":\n" + child.tail(60));
      }
      if (System.currentTimeMillis() > deadline) {
        child.kill();
        fail(what + " did not happen within " + DEFAULT_TIMEOUT_MS / 1000 + " s:\n" + child.tail(60));
      }
      Thread.sleep(POLL_MS);
    }
  }

  private static String safe(String point) {
    return point.replaceAll("[^A-Za-z0-9_.-]", "_");
  }
}
