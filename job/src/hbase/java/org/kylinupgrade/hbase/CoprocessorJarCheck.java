package org.kylinupgrade.hbase;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import org.kylinupgrade.metadata.BadInputException;

/**
 * Checks, before any table is touched, that a jar holds every class to be registered and that the HBase this build
 * is for can load each as a region coprocessor. HBase itself refuses a missing class only table by table (sanity check), and a
 * class built for HBase 0.98/1.x (Kylin's own jars) loads there but is not a region coprocessor.
 */
public final class CoprocessorJarCheck {
  private CoprocessorJarCheck() {
  }

  public static void requireCoprocessors(File jar, String describedAs, List<String> classNames) {
    if (!jar.isFile() || !jar.canRead()) {
      throw new BadInputException(describedAs + " " + jar + " is not a readable file");
    }
    List<String> problems = new ArrayList<>();
    try (JarFile jarFile = new JarFile(jar)) {
      for (String className : classNames) {
        if (jarFile.getEntry(className.replace('.', '/') + ".class") == null) {
          problems.add(className + " is not in it");
        }
      }
    } catch (IOException e) {
      throw new BadInputException(describedAs + " " + jar + " is not a readable jar: " + e.getMessage(), e);
    }
    if (problems.isEmpty()) {
      problems.addAll(notRegionCoprocessors(jar, classNames));
    }
    if (!problems.isEmpty()) {
      throw new BadInputException(describedAs + " " + jar + " cannot serve as the coprocessor jar: "
          + String.join("; ", problems));
    }
  }

  private static List<String> notRegionCoprocessors(File jar, List<String> classNames) {
    List<String> problems = new ArrayList<>();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toURI().toURL()},
        CoprocessorJarCheck.class.getClassLoader())) {
      for (String className : classNames) {
        try {
          Class<?> c = Class.forName(className, false, loader);
          if (!Descriptors.isRegionCoprocessor(c)) {
            problems.add(className + " is not " + Descriptors.COPROCESSOR_KIND);
          }
        } catch (ClassNotFoundException | LinkageError e) {
          problems.add(className + " cannot be loaded by HBase " + HBaseVersions.clientMajor() + " (" + e
              + Descriptors.LOAD_HINT + ")");
        }
      }
    } catch (IOException e) {
      problems.add("cannot open it: " + e.getMessage());
    }
    return problems;
  }
}
