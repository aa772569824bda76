package org.kylinupgrade.hbase;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kylinupgrade.CoprocessorTestJars;
import org.kylinupgrade.coprocessor.KylinCoprocessors;
import org.kylinupgrade.coprocessor.KylinCoprocessors.Target;
import org.kylinupgrade.metadata.BadInputException;

class CoprocessorJarCheckTest {
  private static Path dir;

  @BeforeAll
  static void setUp() throws IOException {
    dir = Files.createTempDirectory("jars");
  }

  @Test
  void theStandInHoldsEveryReleasesClasses() {
    Path jar = CoprocessorTestJars.standIn(dir, "standin.jar");
    for (Target target : Target.values()) {
      assertDoesNotThrow(() -> CoprocessorJarCheck.requireCoprocessors(jar.toFile(), "--jar", target.classNames()), target.label());
    }
  }

  @Test
  void aJarWithoutTheV2IndexEndpointServes15ButNot14Alpha() {
    Path jar = CoprocessorTestJars.standInWithout(dir, "no-v2-ii.jar", KylinCoprocessors.V2_II_ENDPOINT);
    assertDoesNotThrow(() -> CoprocessorJarCheck.requireCoprocessors(jar.toFile(), "--jar", Target.KYLIN_1_5.classNames()));
    BadInputException e = assertThrows(BadInputException.class,
        () -> CoprocessorJarCheck.requireCoprocessors(jar.toFile(), "--jar", Target.KYLIN_1_4_ALPHA.classNames()));
    assertTrue(e.getMessage().contains(KylinCoprocessors.V2_II_ENDPOINT + " is not in it"), e.getMessage());
    assertDoesNotThrow(() -> CoprocessorJarCheck.requireCoprocessors(jar.toFile(), "--jar", Target.KYLIN_1_3.classNames()));
  }

  @Test
  void aMissingClassIsNamed() {
    Path jar = CoprocessorTestJars.standInWithout(dir, "no-visit.jar", KylinCoprocessors.V2_CUBE_ENDPOINT);
    BadInputException e = assertThrows(BadInputException.class,
        () -> CoprocessorJarCheck.requireCoprocessors(jar.toFile(), "--jar", Target.KYLIN_1_5.classNames()));
    assertTrue(e.getMessage().contains(KylinCoprocessors.V2_CUBE_ENDPOINT + " is not in it")
        && e.getMessage().contains(jar.toString()), e.getMessage());
    assertDoesNotThrow(() -> CoprocessorJarCheck.requireCoprocessors(jar.toFile(), "--jar", Target.KYLIN_1_3.classNames()));
  }

  @Test
  void aClassThatIsNotAnHBase2RegionCoprocessorIsRefused() {
    Map<String, String> sources = CoprocessorTestJars.standInSources();
    sources.put(KylinCoprocessors.V1_OBSERVER, "package org.apache.kylin.storage.hbase.coprocessor.observer;\n"
        + "public class AggregateRegionObserver {}\n");
    Path jar = CoprocessorTestJars.build(dir, "old-style.jar", sources);
    BadInputException e = assertThrows(BadInputException.class,
        () -> CoprocessorJarCheck.requireCoprocessors(jar.toFile(), "--jar", Target.KYLIN_1_3.classNames()));
    assertTrue(e.getMessage().contains(KylinCoprocessors.V1_OBSERVER + " is not an HBase 2 region coprocessor"), e.getMessage());
  }

  @Test
  void aFileThatIsNotAJarIsRefused() throws IOException {
    Path notAJar = Files.writeString(dir.resolve("notes.jar"), "hello");
    BadInputException e = assertThrows(BadInputException.class,
        () -> CoprocessorJarCheck.requireCoprocessors(notAJar.toFile(), "--jar", Target.KYLIN_1_4_ALPHA.classNames()));
    assertTrue(e.getMessage().contains("not a readable jar"), e.getMessage());
    assertThrows(BadInputException.class,
        () -> CoprocessorJarCheck.requireCoprocessors(dir.resolve("absent.jar").toFile(), "--jar", Target.KYLIN_1_4_ALPHA.classNames()));
  }
}
