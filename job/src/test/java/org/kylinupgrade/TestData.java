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
  public static Path expected(String name) {
    return repo().resolve("testdata").resolve("v2-expected").resolve(name);
  }
}
