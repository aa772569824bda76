package org.kylinupgrade.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Resources the upgrade passes through untouched, as a real deployment has many more of them than cube descs:
 * dictionary blobs {@code /dict/<table>/<column>/<uuid>.dict} of 1-4 KB and cubing job records
 * {@code /execute/<uuid>} (Kylin 1.3's {@code ExecutablePO} JSON), half and half. Seeded: two runs write the
 * same bytes.
 */
final class PassThroughResources {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] DICT_HEADER = "org.apache.kylin.dict.TrieDictionary".getBytes(StandardCharsets.UTF_8);
  private static final long JOB_TIME = 1458439200000L;
  private static final List<String> STEPS = List.of("Create Intermediate Flat Hive Table", "Extract Fact Table Distinct Columns",
      "Build Dimension Dictionary", "Build Base Cuboid Data", "Build N-Dimension Cuboid Data", "Convert Cuboid Data to HFile",
      "Load HFile to HBase Table", "Update Cube Info", "Garbage Collection");

  private final List<String> dictFolders = new ArrayList<>();
  private final Random random = new Random(42);

  PassThroughResources(Map<String, List<String>> columnsByTable) {
    columnsByTable.forEach((table, columns) -> columns.forEach(column -> dictFolders.add("dict/" + table + "/" + column)));
  }

  void write(Path target, int count) throws IOException {
    for (String folder : dictFolders) {
      Files.createDirectories(target.resolve(folder));
    }
    Files.createDirectories(target.resolve("execute"));
    for (int k = 0; k < count; k++) {
      String uuid = SyntheticV1Metadata.uuid("pass-through", k);
      if (k % 2 == 0) {
        Files.write(target.resolve(dictFolders.get(k / 2 % dictFolders.size()) + "/" + uuid + ".dict"), dictionary());
      } else {
        Files.write(target.resolve("execute/" + uuid), cubingJob(uuid, k));
      }
    }
  }

  private byte[] dictionary() {
    byte[] bytes = new byte[1024 + random.nextInt(3 * 1024)];
    random.nextBytes(bytes);
    System.arraycopy(DICT_HEADER, 0, bytes, 0, DICT_HEADER.length);
    return bytes;
  }

  private byte[] cubingJob(String uuid, int k) throws IOException {
    String cube = SyntheticV1Metadata.cubeName(k % 1000);
    long time = JOB_TIME + k * 60_000L;
    ObjectNode job = JSON.createObjectNode().put("uuid", uuid).put("last_modified", time)
        .put("name", "BUILD CUBE - " + cube + " - 20120101000000_20160101000000 - GMT+08:00 2016-03-20 10:00:00");
    ArrayNode tasks = job.putArray("tasks");
    for (int s = 0; s < STEPS.size(); s++) {
      tasks.addObject().put("uuid", uuid + "-0" + s).put("last_modified", time).put("name", STEPS.get(s))
          .putNull("tasks").put("type", "org.apache.kylin.job.common.MapReduceExecutable")
          .putObject("params").put("jobId", uuid);
    }
    job.put("type", "org.apache.kylin.job.cube.CubingJob");
    job.putObject("params").put("cubeName", cube).put("segmentId", uuid).put("submitter", "ADMIN");
    return JSON.writeValueAsBytes(job);
  }
}
