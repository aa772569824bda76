package org.kylinupgrade.journal;

/**
 * Fault injection for the recovery tests: {@code -Dkylin.upgrade.fail-after=STEP} throws right after STEP is
 * journaled, {@code -Dkylin.upgrade.halt-after=STEP} ends the JVM there as a crash would, and an observer can
 * act at each step. Off unless set.
 */
public final class FailurePoints {
  public static final String FAIL_AFTER = "kylin.upgrade.fail-after";
  public static final String HALT_AFTER = "kylin.upgrade.halt-after";

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

  /** A point that is not a journaled step of the upgrade (another command's); the same properties apply. */
  public static void reached(String point) {
    if (point.equals(System.getProperty(HALT_AFTER))) {
      Runtime.getRuntime().halt(99);
    }
    if (point.equals(System.getProperty(FAIL_AFTER))) {
      throw new InjectedFailure("injected failure after step " + point);
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
