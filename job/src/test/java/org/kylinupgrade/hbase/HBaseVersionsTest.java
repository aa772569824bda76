package org.kylinupgrade.hbase;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The region server znode's data as HBase 1.1 to 2.x write it. */
class HBaseVersionsTest {
  private static void varint(ByteArrayOutputStream out, long v) {
    while ((v & ~0x7FL) != 0) {
      out.write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
  }

  private static byte[] znode(int infoPort, String version) {
    ByteArrayOutputStream versionInfo = new ByteArrayOutputStream();
    byte[] v = version.getBytes(StandardCharsets.UTF_8);
    versionInfo.write(0x0A);
    varint(versionInfo, v.length);
    versionInfo.write(v, 0, v.length);
    byte[] url = "file:///src".getBytes(StandardCharsets.UTF_8);
    versionInfo.write(0x12);
    varint(versionInfo, url.length);
    versionInfo.write(url, 0, url.length);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] id = "1234@host".getBytes(StandardCharsets.UTF_8);
    out.write(0xFF);
    out.write(0);
    out.write(0);
    out.write(0);
    out.write(id.length);
    out.write(id, 0, id.length);
    out.write('P');
    out.write('B');
    out.write('U');
    out.write('F');
    out.write(0x08);
    varint(out, infoPort); // an int32 is sign-extended: -1 takes ten bytes
    out.write(0x12);
    varint(out, versionInfo.size());
    byte[] vi = versionInfo.toByteArray();
    out.write(vi, 0, vi.length);
    return out.toByteArray();
  }

  @Test
  void readsTheVersionWhateverTheInfoPort() {
    assertEquals(Optional.of("1.7.2"), HBaseVersions.versionOf(znode(16030, "1.7.2")));
    assertEquals(Optional.of("2.6.1-hadoop3"), HBaseVersions.versionOf(znode(-1, "2.6.1-hadoop3")));
  }

  @Test
  void noVersionInDataWithoutOne() {
    assertEquals(Optional.empty(), HBaseVersions.versionOf(new byte[0]));
    assertEquals(Optional.empty(), HBaseVersions.versionOf("PBUF".getBytes(StandardCharsets.US_ASCII)));
    byte[] truncated = znode(-1, "1.7.2");
    assertEquals(Optional.empty(), HBaseVersions.versionOf(java.util.Arrays.copyOf(truncated, truncated.length - 8)));
  }

  @Test
  void majorOfAVersion() {
    assertEquals(1, HBaseVersions.major("1.7.2"));
    assertEquals(2, HBaseVersions.major("2.6.1-hadoop3"));
  }
}
