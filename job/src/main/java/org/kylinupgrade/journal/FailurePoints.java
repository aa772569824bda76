package org.kylinupgrade.journal;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;

/**
 * Fault injection for the recovery tests, off unless set. At each point (a journaled {@link Step}, or a named
 * point inside a phase such as {@code "swap:disable"}):
 * <ul>
 *   <li>{@code -Dkylin.upgrade.fail-after=POINT} throws there;</li>
 *   <li>{@code -Dkylin.upgrade.halt-after=POINT} ends the JVM there as a crash would;</li>
 *   <li>{@code -Dkylin.upgrade.pause-at=POINT} with {@code -Dkylin.upgrade.pause-marker=FILE} writes FILE (the
 *       point's name and this process's id) and blocks the thread that reached it for good, so that a test can kill
 *       the process at exactly that point;</li>
 *   <li>an observer set in the same JVM can act at each journaled step.</li>
 * </ul>
 */
public final class FailurePoints {
  public static final String FAIL_AFTER = "kylin.upgrade.fail-after";
  public static final String HALT_AFTER = "kylin.upgrade.halt-after";
  public static final String PAUSE_AT = "kylin.upgrade.pause-at";
  public static final String PAUSE_MARKER = "kylin.upgrade.pause-marker";

  private static volatile java.util.function.Consumer<Step> observer = step -> { };

  private FailurePoints() {
  }

  /** For tests that act at a step (e.g. write to the live table while a run is under way); null clears it. */
  public static void observe(java.util.function.Consumer<Step> stepObserver) {
    observer = stepObserver == null ? step -> { } : stepObserver;
  }

  public static void reached(Step step) {
    observer.accept(step);
    reached(step.name());
  }

  /** A point that is not a journaled step of the upgrade (another command's, or one inside a phase). */
  public static void reached(String point) {
    if (point.equals(System.getProperty(PAUSE_AT))) {
      pause(point);
    }
    if (point.equals(System.getProperty(HALT_AFTER))) {
      Runtime.getRuntime().halt(99);
    }
    if (point.equals(System.getProperty(FAIL_AFTER))) {
      throw new InjectedFailure("injected failure after step " + point);
    }
  }

  /** Writes the marker (complete before it appears under its name), then never returns. */
  private static void pause(String point) {
    String marker = System.getProperty(PAUSE_MARKER);
    if (marker == null || marker.isEmpty()) {
      throw new IllegalStateException(PAUSE_AT + "=" + point + " needs " + PAUSE_MARKER + "=FILE");
    }
    File target = new File(marker).getAbsoluteFile();
    File partial = new File(target.getParentFile(), target.getName() + ".partial");
    String pid = java.lang.management.ManagementFactory.getRuntimeMXBean().getName();
    try {
      try (OutputStream out = new java.io.FileOutputStream(partial)) {
        out.write((point + "\n" + pid + "\n" + Thread.currentThread().getName() + "\n").getBytes(StandardCharsets.UTF_8));
      }
      Files.move(partial.toPath(), target.toPath(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the pause marker " + target + ": " + e.getMessage(), e);
    }
    Object never = new Object();
    synchronized (never) {
      while (true) {
        try {
          never.wait();
        } catch (InterruptedException e) {
          // paused for good: only the process's end stops it
        }
      }
    }
  }

  /** The exception the hook throws. */
  public static final class InjectedFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InjectedFailure(String message) {
      super(message);
    }
  }
}
