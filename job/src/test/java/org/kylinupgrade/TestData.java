package org.kylinupgrade;

import java.nio.file.Path;
import java.nio.file.Paths;

/** Where the shared test data lives: the repository root, by default the parent of the module directory. */
public final class TestData {
  private TestData() {
  }

  public static Path repo() {
    return Paths.get(System.getProperty("kylin.upgrade.repo", "../")).toAbsolutePath().normalize();
  }

  /** A v1 metadata folder under {@code examples/}. */
  public static Path example(String name) {
    return repo().resolve("examples").resolve(name);
  }

  /** Kylin's (corrected) v2 output for an example, under {@code testdata/v2-expected/}. */
  /** Every file of a metadata folder as a resource: path = {@code /} + relative path, timestamp = file mtime. */
  public static java.util.Map<String, org.kylinupgrade.metadata.Resource> readFolder(Path folder) {
    java.util.Map<String, org.kylinupgrade.metadata.Resource> resources = new java.util.TreeMap<>();
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(folder)) {
      for (Path file : (Iterable<Path>) files.filter(java.nio.file.Files::isRegularFile)::iterator) {
        String path = "/" + folder.relativize(file).toString().replace('\\', '/');
        resources.put(path, new org.kylinupgrade.metadata.Resource(path, java.nio.file.Files.readAllBytes(file),
            java.nio.file.Files.getLastModifiedTime(file).toMillis()));
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return resources;
  }

  /** Kylin 1.3.0's cuboid facts for generated v1 descs, under {@code testdata/cuboids/}. */
  public static Path cuboids() {
    return repo().resolve("testdata").resolve("cuboids");
  }

  public static Path expected(String name) {
    return repo().resolve("testdata").resolve("v2-expected").resolve(name);
  }

  /**
   * Kylin 1.5.4.1's (corrected) output for an example, or one of its side files, under
   * {@code testdata/v15-expected/}.
   */
  public static Path expected15(String name) {
    return repo().resolve("testdata").resolve("v15-expected").resolve(name);
  }
}
