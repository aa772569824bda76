package org.kylinupgrade.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.kylinupgrade.metadata.Resource;

/**
 * Resources the upgrade passes through untouched, as a real deployment has many more of them than cube descs:
 * dictionary blobs {@code /dict/<table>/<column>/<uuid>.dict} of 1-4 KB and cubing job records
 * {@code /execute/<uuid>} (Kylin 1.3's {@code ExecutablePO} JSON), alternating. Resource {@code k} is a function
 * of {@code k} alone (its random bytes are seeded with it): two runs write the same bytes, in any order.
 */
final class PassThroughResources implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] DICT_HEADER = "org.apache.kylin.dict.TrieDictionary".getBytes(StandardCharsets.UTF_8);
  private static final long JOB_TIME = 1458439200000L;
  private static final List<String> STEPS = List.of("Create Intermediate Flat Hive Table", "Extract Fact Table Distinct Columns",
      "Build Dimension Dictionary", "Build Base Cuboid Data", "Build N-Dimension Cuboid Data", "Convert Cuboid Data to HFile",
      "Load HFile to HBase Table", "Update Cube Info", "Garbage Collection");

  private final ArrayList<String> dictFolders = new ArrayList<>();

  PassThroughResources(Map<String, List<String>> columnsByTable) {
    columnsByTable.forEach((table, columns) ->
        columns.forEach(column -> dictFolders.add("/dict/" + table + "/" + column)));
  }

  /** {@code /dict/<table>/<column>}, one per column of the sample's tables. */
  List<String> dictFolders() {
    return List.copyOf(dictFolders);
  }

  Resource resource(long k, long timestamp) {
    String uuid = SyntheticV1Metadata.uuid("pass-through", k);
    if (k % 2 == 0) {
      return new Resource(dictFolders.get((int) (k / 2 % dictFolders.size())) + "/" + uuid + ".dict", dictionary(k),
          timestamp);
    }
    return new Resource("/execute/" + uuid, cubingJob(uuid, k), timestamp);
  }

  private static byte[] dictionary(long k) {
    Random random = new Random(42 + k);
    byte[] bytes = new byte[1024 + random.nextInt(3 * 1024)];
    random.nextBytes(bytes);
    System.arraycopy(DICT_HEADER, 0, bytes, 0, DICT_HEADER.length);
    return bytes;
  }

  private static byte[] cubingJob(String uuid, long k) {
    String cube = SyntheticV1Metadata.cubeName((int) (k % 1000));
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
    try {
      return JSON.writeValueAsBytes(job);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
