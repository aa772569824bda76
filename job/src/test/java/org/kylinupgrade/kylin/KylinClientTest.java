package org.kylinupgrade.kylin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KylinClientTest {
  @Test
  void aMissingClientSaysHowToBuildIt(@TempDir Path empty) {
    String old = System.getProperty("kylin.clients.dir");
    System.setProperty("kylin.clients.dir", empty.toString());
    try {
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> KylinClient.classPath(KylinClient.Version.V1_5_4_1));
      assertTrue(e.getMessage().contains("Kylin 1.5.4.1 client is not built"), e.getMessage());
      assertTrue(e.getMessage().contains("mvn install -DskipTests"), e.getMessage());
    } finally {
      if (old == null) {
        System.clearProperty("kylin.clients.dir");
      } else {
        System.setProperty("kylin.clients.dir", old);
      }
    }
  }

  @Test
  void rowsAreParsedWithTheirEscapes() {
    String tsv = String.join("\n",
        "kylin\t1.6.0",
        "manager\tCubeDescManager\tok\t",
        "manager\tCubeManager\tfailed\tboom\\tand\\nmore",
        "desc\t/cube_desc/d.json\td\tloaded\ttrue\t2\t2\t3\t1,3,7\tA,B,C\t",
        "desc\t/cube_desc/e.json\te\tfailed\t\t\t\t\t\t\tbad \\\\ json",
        "cube\t/cube/c.json\tc\tD\tloaded\ttrue\tREADY\t2\t",
        "model\t/model_desc/m.json\tm\tloaded\t",
        "project\t/project/p.json\tp\tloaded\t1\t",
        "table\t/table/T.json\tT\tfailed\tno");
    KylinLoad load = KylinLoad.parse(KylinClient.Version.V1_6_0, tsv, "", Duration.ofMillis(5));
    assertEquals("boom\tand\nmore", load.managers().get("CubeManager"));
    assertEquals(null, load.managers().get("CubeDescManager"));
    KylinLoad.Desc d = load.desc("D").orElseThrow();
    assertEquals(List.of(1L, 3L, 7L), d.cuboids());
    assertEquals(List.of("A", "B", "C"), d.rowkey());
    assertTrue(d.loaded() && d.signatureOk());
    assertEquals("bad \\ json", load.desc("e").orElseThrow().message());
    assertEquals(1, load.loadedDescCount());
    assertEquals(2, load.cube("c").orElseThrow().segments());
    assertEquals(List.of(), load.cubesWithoutDesc());
    assertTrue(!load.tables().get(0).loaded());
    assertThrows(IllegalStateException.class,
        () -> KylinLoad.parse(KylinClient.Version.V1_5_4_1, tsv, "", Duration.ZERO));
  }
}
