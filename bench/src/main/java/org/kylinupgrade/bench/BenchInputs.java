package org.kylinupgrade.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Generated input folders under the work folder, kept between runs: {@code <name>/} is regenerated only when
 * {@code <name>.shape} (next to it, so not a resource) does not describe the wanted shape.
 */
final class BenchInputs {
  private final Path home;
  private final Path work;
  private SyntheticV1Metadata generator;

  BenchInputs(Path home, Path work) {
    this.home = home;
    this.work = work;
  }

  Path ensure(String name, SyntheticV1Metadata.Shape shape) throws IOException {
    Path folder = work.resolve(name);
    Path shapeFile = work.resolve(name + ".shape");
    String wanted = shape.toString();
    if (Files.isDirectory(folder) && Files.exists(shapeFile)
        && Files.readString(shapeFile, StandardCharsets.UTF_8).equals(wanted)) {
      System.out.printf("input %s: kept (%,d files)%n", name, Folders.countFiles(folder));
      return folder;
    }
    Files.deleteIfExists(shapeFile);
    Folders.deleteIfExists(folder);
    long start = System.nanoTime();
    SyntheticV1Metadata.Written written = generator().write(folder, shape);
    Files.writeString(shapeFile, wanted, StandardCharsets.UTF_8);
    System.out.printf("input %s: generated in %.1f s: %s%n", name, (System.nanoTime() - start) / 1e9, written);
    return folder;
  }

  private SyntheticV1Metadata generator() throws IOException {
    if (generator == null) {
      generator = new SyntheticV1Metadata(home);
    }
    return generator;
  }
}
