package org.kylinupgrade.hybrid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.kylinupgrade.TestData;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.rules.UpgradeTarget;

/**
 * The 1.5 metadata the hybrid tests start from (Kylin 1.5.4.1's own upgrade of the 1.3.0 test metadata), variants of
 * it, and the comparison of two outputs of extending a cube, one of them Kylin's: the run's uuids and times aside, the
 * same files with the same bytes.
 */
public final class Hybrid15Fixture {
  /** The 1.5 folder: two descs of it are absent (Kylin could not convert them), so five cubes lack their desc. */
  public static final String FOLDER = "kylin-1.3.0-localmeta";
  public static final String CUBE = "test_kylin_cube_with_slr_ready";
  public static final String DESC = "test_kylin_cube_with_slr_desc";
  /** The other cubes using {@link #DESC}: two with segments, one without. */
  public static final List<String> SHARERS = List.of("test_kylin_cube_with_slr_1_new_segment",
      "test_kylin_cube_with_slr_ready_2_segments", "test_kylin_cube_with_slr_empty");
  /** The end of the only segment of {@link #CUBE}: 2013-12-12 00:00:00 GMT. */
  public static final long PARTITION_DATE = 1386806400000L;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LAST_MODIFIED = Pattern.compile("(?m)^  \"last_modified\" : \\d+");
  private static final Pattern CREATED_AT = Pattern.compile("(?m)^  \"create_time_utc\" : \\d+");
  private static final Pattern TOP_LEVEL_UUID = Pattern.compile("(?m)^  \"uuid\" : \"[^\"]*\"");

  private Hybrid15Fixture() {
  }

  public static Path source() {
    return TestData.expected15(FOLDER);
  }

  /** A copy of the 1.5 folder with the files' times, to edit. */
  public static Path copy(Path to) {
    try (Stream<Path> walk = Files.walk(source())) {
      for (Path from : (Iterable<Path>) walk::iterator) {
        Path target = to.resolve(source().relativize(from).toString());
        if (Files.isDirectory(from)) {
          Files.createDirectories(target);
        } else {
          Files.copy(from, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return to;
  }

  /** Rewrites one JSON file of a folder, indented as Kylin indents (the file's time moves on). */
  public static void edit(Path folder, String path, Consumer<ObjectNode> change) {
    Path file = folder.resolve(path.substring(1));
    try {
      ObjectNode tree = (ObjectNode) JSON.readTree(file.toFile());
      change.accept(tree);
      Files.write(file, JSON.writer(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")))
          .writeValueAsBytes(tree));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void delete(Path folder, String path) {
    try {
      Files.delete(folder.resolve(path.substring(1)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ObjectNode tree(Resource resource) {
    try {
      return (ObjectNode) JSON.readTree(resource.content());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Kylin 1.5.4.1's tool, as planned here, on a folder. */
  public static HybridPlan plan(Path folder, String project, String cube, String date, HybridIds ids) {
    return ExtendCubeToHybrid.plan(HybridInput.of(new ArrayList<>(TestData.readFolder(folder).values())),
        UpgradeTarget.V1_5, project, cube, date, ids);
  }

  /** The folder's resources with the plan's writes over them. */
  public static Map<String, Resource> applied(Path folder, HybridPlan plan) {
    Map<String, Resource> resources = new TreeMap<>(TestData.readFolder(folder));
    for (HybridPlan.Write write : plan.writes()) {
      resources.put(write.after().path(), write.after());
    }
    return resources;
  }

  /**
   * Asserts that two outputs of extending a cube from {@code input} are the same: the same files; those neither wrote
   * byte for byte as in the input; those both wrote byte for byte the same once the run's own values are set aside
   * (every top-level {@code last_modified}; the top-level {@code uuid} and {@code create_time_utc} of a new resource).
   *
   * @return the paths written (changed or new), sorted
   */
  public static List<String> assertSameOutput(Map<String, Resource> input, Map<String, Resource> expected,
      Map<String, Resource> actual, String what) {
    assertEquals(expected.keySet(), actual.keySet(), what + ": the files");
    List<String> written = new ArrayList<>();
    for (String path : new TreeSet<>(expected.keySet())) {
      byte[] e = expected.get(path).content();
      byte[] a = actual.get(path).content();
      Resource before = input.get(path);
      boolean expectedWrote = before == null || !java.util.Arrays.equals(before.content(), e);
      if (!expectedWrote) {
        assertEquals(text(before.content()), text(a), what + ": " + path + " is untouched");
        continue;
      }
      written.add(path);
      assertEquals(normalised(e, before == null), normalised(a, before == null), what + ": " + path);
    }
    return written;
  }

  /** The run's own values set aside: its time, and the uuid and creation time of a new resource. */
  static String normalised(byte[] content, boolean created) {
    String text = LAST_MODIFIED.matcher(text(content)).replaceAll("  \"last_modified\" : 0");
    if (created) {
      text = CREATED_AT.matcher(text).replaceAll("  \"create_time_utc\" : 0");
      text = TOP_LEVEL_UUID.matcher(text).replaceAll(Matcher.quoteReplacement("  \"uuid\" : \"(new)\""));
    }
    return text;
  }

  static String text(byte[] content) {
    return new String(content, StandardCharsets.UTF_8);
  }
}
