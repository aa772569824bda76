package org.kylinupgrade.hbase1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The packaged HBase 1.x cluster jar: the HBase 1 seam, no HBase 2 class, Java 8 bytecode for the seam. */
class Hbase1ClusterJarIT {
  private static File clusterJar() {
    File[] jars = new File("target").listFiles((dir, name) -> name.matches("kylin-upgrade-job-.*-hbase1-cluster\\.jar"));
    assertNotNull(jars);
    assertEquals(1, jars.length, "one hbase1 cluster jar in target/");
    return jars[0];
  }

  private static byte[] read(JarFile jar, JarEntry entry) throws IOException {
    try (InputStream in = jar.getInputStream(entry)) {
      return in.readAllBytes();
    }
  }

  private static int major(byte[] classFile) throws IOException {
    try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(classFile))) {
      in.readInt();
      in.readUnsignedShort();
      return in.readUnsignedShort();
    }
  }

  @Test
  void holdsTheHBase1SeamAsJava8AndNoHBase2Classes() throws IOException {
    try (JarFile jar = new JarFile(clusterJar())) {
      byte[] descriptors = read(jar, jar.getJarEntry("org/kylinupgrade/hbase/Descriptors.class"));
      assertTrue(new String(descriptors, StandardCharsets.ISO_8859_1).contains("org/apache/hadoop/hbase/HTableDescriptor"),
          "the seam is the HBase 1 one");
      assertNotNull(jar.getJarEntry("org/kylinupgrade/jobs/UpgradeJob.class"), "the jobs are in");
      assertNotNull(jar.getJarEntry("org/apache/hadoop/hbase/client/HTable.class"), "HBase 1's client is in");
      assertNull(jar.getJarEntry("org/apache/hadoop/hbase/client/TableDescriptorBuilder.class"), "no HBase 2 client class");
      assertNull(jar.getJarEntry("org/apache/hadoop/hbase/spark/JavaHBaseContext.class"), "no hbase-spark");
      assertNull(jar.getJarEntry("org/kylinupgrade/hbase/LocalHBase.class"), "no HBase 2 seam class");
      assertNull(jar.getJarEntry("com/google/protobuf/Message.class"), "protobuf 2.5 is relocated");
      assertNotNull(jar.getJarEntry("org/kylinupgrade/shaded/protobuf/Message.class"));
      List<String> notJava8 = new ArrayList<>();
      int ours = 0;
      int seamClasses = 0;
      for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
        JarEntry entry = e.nextElement();
        boolean relocatedDependency = entry.getName().startsWith("org/kylinupgrade/shaded/");
        if (entry.getName().startsWith("org/kylinupgrade/") && !relocatedDependency && entry.getName().endsWith(".class")) {
          ours++;
          if (entry.getName().startsWith("org/kylinupgrade/hbase/")) {
            seamClasses++;
          }
          if (major(read(jar, entry)) > 52) {
            notJava8.add(entry.getName());
          }
        }
      }
      assertTrue(seamClasses >= 15, "seam classes: " + seamClasses);
      assertTrue(ours > 100, "classes of ours: " + ours);
      assertEquals(List.of(), notJava8, "classes of ours above Java 8 bytecode (a JDK 8 node cannot load them)");
    }
  }
}
