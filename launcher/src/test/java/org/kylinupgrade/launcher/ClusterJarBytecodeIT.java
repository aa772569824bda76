package org.kylinupgrade.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The code that runs on cluster nodes must load on the JDK those clusters have (JDK 8): every class of ours in the
 * cluster jar is class-file version 52 or older. Shaded dependencies (relocated under org/kylinupgrade/shaded) are not
 * ours to judge.
 */
class ClusterJarBytecodeIT {
  private static final int JAVA_8 = 52;

  @Test
  void everyClassOfOursInTheClusterJarIsJava8Bytecode() throws IOException {
    assertJava8(SparkDistribution.clusterJar());
  }

  static void assertJava8(Path jar) throws IOException {
    List<String> newer = new ArrayList<>();
    int ours = 0;
    try (JarFile file = new JarFile(jar.toFile())) {
      Enumeration<JarEntry> entries = file.entries();
      while (entries.hasMoreElements()) {
        JarEntry entry = entries.nextElement();
        boolean relocatedDependency = entry.getName().startsWith("org/kylinupgrade/shaded/");
        if (!entry.getName().startsWith("org/kylinupgrade/") || relocatedDependency || !entry.getName().endsWith(".class")) {
          continue;
        }
        ours++;
        int major = majorVersion(file, entry);
        if (major > JAVA_8) {
          newer.add(entry.getName() + " (class-file version " + major + ")");
        }
      }
    }
    assertTrue(ours > 100, jar + " holds only " + ours + " classes of ours");
    assertEquals(List.of(), newer, "classes in " + jar + " that a JDK 8 cannot load");
  }

  private static int majorVersion(JarFile file, JarEntry entry) throws IOException {
    try (InputStream in = file.getInputStream(entry); DataInputStream data = new DataInputStream(in)) {
      int magic = data.readInt();
      assertEquals(0xCAFEBABE, magic, entry.getName() + " is not a class file");
      data.readUnsignedShort();
      return data.readUnsignedShort();
    }
  }
}
