package org.kylinupgrade.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.Partition;
import org.apache.spark.api.java.JavaRDD;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kylinupgrade.SharedSpark;
import org.kylinupgrade.metadata.Resource;

/** A folder read into an RDD: every file once, and tasks that do not carry the paths they read. */
class SparkFoldersIT {
  @TempDir
  Path folder;

  @Test
  void readsEveryFileOnceWithPartitionsThatCarryNoPaths() throws Exception {
    List<String> written = new ArrayList<>();
    Files.createDirectories(folder.resolve("execute"));
    for (int i = 0; i < 3000; i++) {
      String path = String.format("/execute/job-with-a-long-enough-name-%05d", i);
      Files.write(folder.resolve(path.substring(1)), ("{\"uuid\":\"" + i + "\"}").getBytes(StandardCharsets.UTF_8));
      written.add(path);
    }

    JavaRDD<Resource> read = SparkFolders.read(SharedSpark.context(), folder.toString(), new Configuration());

    assertEquals(written, read.map(Resource::path).collect().stream().sorted().collect(Collectors.toList()));
    // with its paths, each of the two partitions of 1,500 paths of 50 characters would serialize to about 68,000 bytes
    for (Partition partition : read.partitions()) {
      int size = serializedSize(partition);
      assertTrue(size < 2000, "partition " + partition.index() + " serializes to " + size + " bytes");
    }
  }

  private static int serializedSize(Object o) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(o);
    }
    return bytes.size();
  }
}
