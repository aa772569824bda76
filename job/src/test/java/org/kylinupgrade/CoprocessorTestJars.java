package org.kylinupgrade;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds coprocessor jars inside a test: by default the stand-in module's no-op HBase 2 region coprocessors under
 * Kylin's five class names, compiled here with the JDK's compiler against the test classpath.
 */
public final class CoprocessorTestJars {
  private static final FileTime FIXED_TIME = FileTime.fromMillis(1_700_000_000_000L);

  private CoprocessorTestJars() {
  }

  /** The stand-in sources: class name → Java source. */
  public static Map<String, String> standInSources() {
    // the HBase 1.x build's tests name their stand-in module and Java 8 bytecode
    Path root = TestData.repo().resolve(System.getProperty("kylin.upgrade.test.standin", "coprocessor-standin")
        + "/src/main/java");
    Map<String, String> sources = new LinkedHashMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        String className = root.relativize(f).toString().replace('/', '.').replaceAll("\\.java$", "");
        sources.put(className, Files.readString(f));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sources;
  }

  /** All five classes. */
  public static Path standIn(Path dir, String jarName) {
    return build(dir, jarName, standInSources());
  }

  /** The stand-in jar without one class. */
  public static Path standInWithout(Path dir, String jarName, String missingClass) {
    Map<String, String> sources = standInSources();
    if (sources.remove(missingClass) == null) {
      throw new IllegalArgumentException("no stand-in class " + missingClass);
    }
    return build(dir, jarName, sources);
  }

  /** Compiles the sources and packs the classes; entries carry a fixed time, so equal sources give equal bytes. */
  public static Path build(Path dir, String jarName, Map<String, String> sources) {
    try {
      Path work = Files.createTempDirectory("coprocessor-jar");
      Path src = work.resolve("src");
      Path classes = work.resolve("classes");
      List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
          System.getProperty("java.class.path"), "-nowarn", "-proc:none"));
      String release = System.getProperty("kylin.upgrade.test.standin-release");
      if (release != null) {
        args.addAll(List.of("--release", release));
      }
      for (Map.Entry<String, String> s : sources.entrySet()) {
        Path file = src.resolve(s.getKey().replace('.', '/') + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, s.getValue());
        args.add(file.toString());
      }
      Files.createDirectories(classes);
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      if (javac.run(null, null, System.err, args.toArray(new String[0])) != 0) {
        throw new IllegalStateException("cannot compile the test coprocessors");
      }
      Files.createDirectories(dir);
      Path jar = dir.resolve(jarName);
      try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out);
          Stream<Path> files = Files.walk(classes)) {
        for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
          JarEntry entry = new JarEntry(classes.relativize(f).toString());
          entry.setLastModifiedTime(FIXED_TIME);
          zip.putNextEntry(entry);
          zip.write(Files.readAllBytes(f));
          zip.closeEntry();
        }
      }
      return jar;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
