package org.kylinupgrade.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.kylinupgrade.SharedSpark;
import org.kylinupgrade.report.Console;
import scala.Tuple2;

/** The log's progress lines come when each phase ends, before whatever the run prints next. */
class ProgressListenerIT {
  @Test
  void eachPhaseLogsItsLastLineWhenItEndsNotWhenTheApplicationDoes() {
    JavaSparkContext sc = SharedSpark.context();
    List<String> lines = Collections.synchronizedList(new ArrayList<>());
    ProgressListener listener = new ProgressListener(lines::add);
    sc.sc().addSparkListener(listener);
    Console quiet = new Console(Console.Level.QUIET, new PrintStream(new ByteArrayOutputStream(), true), System.err,
        false);
    try {
      try (Phase.Running phase = Phase.CONVERT.start(sc, quiet)) {
        assertEquals(3, sc.parallelize(Arrays.asList(1, 2, 3, 4, 5, 6), 2)
            .mapToPair(i -> new Tuple2<>(i % 3, i)).groupByKey().count());
      }
      assertEquals(Collections.singletonList("2/2 stages done, 0 resources converted (convert)"), lines);

      try (Phase.Running phase = Phase.VERIFY.start(sc, quiet)) {
        assertEquals(6, sc.parallelize(Arrays.asList(1, 2, 3, 4, 5, 6), 2).count());
      }
      assertEquals(Arrays.asList("2/2 stages done, 0 resources converted (convert)",
          "3/3 stages done, 0 resources converted (verify)"), lines);
    } finally {
      sc.sc().removeSparkListener(listener);
    }
  }
}
