package org.kylinupgrade;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Folder comparisons: the same files, the same bytes, the same mtimes. */
public final class FolderAssertions {
  private static final Pattern LAST_MODIFIED = Pattern.compile("\"last_modified\" : \\d+");

  private FolderAssertions() {
  }

  public static List<String> files(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void assertSameFolder(Path expected, Path actual, boolean compareMtimes) throws IOException {
    List<String> names = files(expected);
    assertEquals(names, files(actual), "file sets of " + expected + " and " + actual);
    for (String name : names) {
      Path e = expected.resolve(name);
      Path a = actual.resolve(name);
      assertArrayEquals(Files.readAllBytes(e), Files.readAllBytes(a), "content of " + name);
      if (compareMtimes) {
        assertEquals(Files.getLastModifiedTime(e).toMillis(), Files.getLastModifiedTime(a).toMillis(), "mtime of " + name);
      }
    }
  }

  /** The same files, each the same text once every {@code "last_modified" : N} is masked (a run stamps its time). */
  public static void assertSameFolderButLastModified(Path expected, Path actual) throws IOException {
    assertEquals(files(expected), files(actual));
    for (String f : files(expected)) {
      String e = new String(Files.readAllBytes(expected.resolve(f)), StandardCharsets.ISO_8859_1);
      String a = new String(Files.readAllBytes(actual.resolve(f)), StandardCharsets.ISO_8859_1);
      assertEquals(LAST_MODIFIED.matcher(e).replaceAll("LM"), LAST_MODIFIED.matcher(a).replaceAll("LM"), f);
    }
  }
}
