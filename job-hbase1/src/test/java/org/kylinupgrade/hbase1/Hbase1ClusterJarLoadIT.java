package org.kylinupgrade.hbase1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.util.Bytes;
import org.junit.jupiter.api.Test;
import org.kylinupgrade.SharedHBase;
import org.kylinupgrade.TestData;
import org.kylinupgrade.hbase.HBaseCluster;
import org.kylinupgrade.hbase.HBaseStore;
import org.kylinupgrade.hbase.TestHBase;
import org.kylinupgrade.metadata.Resource;

/**
 * The HBase 1.x cluster jar brings the commons-lang 2 that its HBase client needs, relocated: {@code load} runs from
 * the jar on Spark's and Hadoop's jars without commons-lang 2.6 (what Spark's own Maven jars are, unlike a Spark
 * distribution) and writes the table of the HBase 1.7.2 mini cluster; and no class in the jar still names
 * commons-lang 2's own package, which a cluster's copy of another version would then answer.
 */
class Hbase1ClusterJarLoadIT {
  /** What the child's class path leaves out: what the cluster jar carries, commons-lang 2 and the test classes. */
  private static final List<String> NOT_ON_THE_CLASS_PATH = List.of("kylin-upgrade", "hbase-", "commons-lang-",
      "picocli", "java-diff-utils", "htrace-core-", "metrics-core-2", "junit", "opentest4j", "apiguardian", "surefire",
      "failsafe");

  private static File clusterJar() {
    File[] jars = new File("target").listFiles((dir, name) -> name.matches("kylin-upgrade-job-.*-hbase1-cluster\\.jar"));
    assertNotNull(jars);
    assertEquals(1, jars.length, "one hbase1 cluster jar in target/");
    return jars[0];
  }

  /** The Spark and Hadoop jars of this test's class path, without commons-lang 2 and without what the jar carries. */
  private static List<Path> sparkAndHadoopJars() {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return Stream.of(classpath.split(File.pathSeparator)).map(Path::of)
        .filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p))
        .filter(p -> NOT_ON_THE_CLASS_PATH.stream().noneMatch(p.getFileName().toString()::startsWith))
        .collect(Collectors.toList());
  }

  private static List<String> jdk17Flags() throws IOException {
    return Files.readAllLines(TestData.repo().resolve("conf/jdk17.options")).stream().map(String::trim)
        .filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toList());
  }

  @Test
  void loadRunsFromTheJarWithoutCommonsLang2OnTheClassPath() throws Exception {
    List<Path> jars = sparkAndHadoopJars();
    assertTrue(jars.stream().anyMatch(p -> p.getFileName().toString().startsWith("spark-core_2.12")), jars::toString);
    assertTrue(jars.stream().anyMatch(p -> p.getFileName().toString().startsWith("hadoop-common")), jars::toString);
    for (Path jar : jars) {
      try (JarFile j = new JarFile(jar.toFile())) {
        assertNull(j.getJarEntry("org/apache/commons/lang/StringUtils.class"), jar + " carries commons-lang 2");
        assertNull(j.getJarEntry("org/apache/hadoop/hbase/client/HTable.class"), jar + " carries HBase");
      }
    }
    Path sample = TestData.example("kylin-1.3.0-sample-cube");
    String table = "hbase1_jar_load_" + System.nanoTime();
    String workingDir = SharedHBase.newWorkingDir();

    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(jdk17Flags());
    command.addAll(List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
    command.add("-cp");
    command.add(clusterJar().getAbsolutePath() + File.pathSeparator
        + jars.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
    command.add("org.kylinupgrade.jobs.LoadJob");
    command.addAll(List.of("--from-folder", sample.toString(), "--metadata-url", table + "@hbase",
        "--hbase-site", SharedHBase.hbaseSite(), "--working-dir", workingDir));
    Path log = Files.createTempFile("hbase1-jar-load", ".log");
    Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      assertTrue(child.waitFor(180, TimeUnit.SECONDS), () -> "load did not end within 180 s:\n" + tail(log));
    } finally {
      child.destroyForcibly();
    }
    String output = Files.readString(log, StandardCharsets.ISO_8859_1);
    assertEquals(0, child.exitValue(), () -> "load from the hbase1 cluster jar:\n" + tail(log));
    assertFalse(output.contains("org/apache/commons/lang/"), output);
    assertTrue(output.contains("loaded 7 resources"), output);

    Map<String, Resource> expected = TestData.readFolder(sample);
    Map<String, byte[]> rows = new TreeMap<>();
    try (HBaseCluster hbase = SharedHBase.connect(workingDir, HBaseCluster.DEFAULT_MAX_CELL_SIZE);
        Table t = TestHBase.table(hbase, table);
        ResultScanner scanner = t.getScanner(new Scan())) {
      for (Result row : scanner) {
        rows.put(Bytes.toString(row.getRow()), row.getValue(HBaseStore.FAMILY, HBaseStore.CONTENT));
      }
    }
    assertEquals(expected.keySet(), rows.keySet(), "the folder's resources are the table's rows");
    for (Map.Entry<String, Resource> e : expected.entrySet()) {
      assertArrayEquals(e.getValue().content(), rows.get(e.getKey()), e.getKey());
    }
  }

  @Test
  void commonsLang2IsInTheJarOnlyRelocated() throws IOException {
    try (JarFile jar = new JarFile(clusterJar())) {
      assertNotNull(jar.getJarEntry("org/kylinupgrade/shaded/commons/lang/StringUtils.class"), "commons-lang 2 is in, relocated");
      List<String> unrelocated = new ArrayList<>();
      List<String> naming = new ArrayList<>();
      int classes = 0;
      for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
        JarEntry entry = e.nextElement();
        if (entry.getName().startsWith("org/apache/commons/lang/")) {
          unrelocated.add(entry.getName());
        }
        if (!entry.getName().endsWith(".class")) {
          continue;
        }
        classes++;
        String constants;
        try (InputStream in = jar.getInputStream(entry)) {
          // the constant pool's names are (modified) UTF-8: ASCII package names are found as they are written
          constants = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        if (constants.contains("org/apache/commons/lang/") || constants.contains("org.apache.commons.lang.")) {
          naming.add(entry.getName());
        }
      }
      assertTrue(classes > 1000, "classes in the jar: " + classes);
      assertEquals(List.of(), unrelocated, "commons-lang 2's classes under their own package");
      assertEquals(List.of(), naming, "classes naming commons-lang 2's own package");
      assertNull(jar.getJarEntry("org/kylinupgrade/shaded/commons/lang3/StringUtils.class"), "commons-lang3 is the cluster's");
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
