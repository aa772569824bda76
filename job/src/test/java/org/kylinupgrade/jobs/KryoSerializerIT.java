package org.kylinupgrade.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kylinupgrade.FolderAssertions;
import org.kylinupgrade.JobRunner;
import org.kylinupgrade.SparkJobs;
import org.kylinupgrade.TestData;

/**
 * Clusters often set {@code spark.serializer} to Kryo in {@code spark-defaults.conf}, and Spark then carries task
 * results, shuffles, cached blocks and broadcasts with it: the upgrade must come out the same as with Java's.
 */
@ExtendWith(SparkJobs.class)
class KryoSerializerIT {
  @TempDir
  Path tmp;

  @Test
  void anUpgradeWithKryoAsSparksSerializerWritesWhatOneWithJavasDoes() throws Exception {
    String in = TestData.example("kylin-1.3.0-localmeta").toString();
    Path withJava = tmp.resolve("java");
    Path withKryo = tmp.resolve("kryo");
    JobRunner offline = JobRunner.offline();
    int javaExit = offline.run(new UpgradeJob(), "--from-folder", in, "--to-folder", withJava.toString(),
        "--keep-unloadable");
    assertTrue(javaExit == ExitCodes.OK || javaExit == ExitCodes.PROBLEMS, offline.err());

    List<String> args = Arrays.asList(offline.commandLine(UpgradeJob.class, "--from-folder", in, "--to-folder",
        withKryo.toString(), "--keep-unloadable", "--master", "local[2]"));
    ChildJvm child = ChildJvm.start(UpgradeJob.class,
        Map.of("spark.serializer", "org.apache.spark.serializer.KryoSerializer"), args, tmp.resolve("kryo.log"));
    assertEquals(javaExit, child.exitWithin(180), child.tail(40));

    FolderAssertions.assertSameFolderButLastModified(withJava, withKryo);
  }
}
