package org.kylinupgrade;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.kylinupgrade.journal.FailurePoints;

/**
 * For test classes that run Spark jobs in this JVM ({@code @ExtendWith(SparkJobs.class)}): the shared Spark context
 * is started before the first test, and a failure point or step observer a test set is cleared after it.
 */
public final class SparkJobs implements BeforeAllCallback, AfterEachCallback {
  @Override
  public void beforeAll(ExtensionContext context) {
    SharedSpark.context();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    System.clearProperty(FailurePoints.FAIL_AFTER);
    FailurePoints.observe(null);
  }
}
