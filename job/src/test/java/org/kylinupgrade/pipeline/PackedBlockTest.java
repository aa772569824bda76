package org.kylinupgrade.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackedBlockTest {
  @Test
  void readsBackWhatWasWrittenInOrder() {
    String longName = "n".repeat(70_000) + "é";
    byte[] bytes = new PackedBlock.Writer().writeInt(-7).writeString("/cube/c.json").writeBoolean(true)
        .writeString(null).writeString("").writeString(longName).writeInt(Integer.MAX_VALUE).writeBoolean(false)
        .writeStrings(Arrays.asList("a", "ü", "a")).toBytes();

    PackedBlock.Reader in = new PackedBlock.Reader(bytes);
    assertEquals(-7, in.readInt());
    assertEquals("/cube/c.json", in.readString());
    assertTrue(in.readBoolean());
    assertNull(in.readString());
    assertEquals("", in.readString());
    assertEquals(longName, in.readString());
    assertEquals(Integer.MAX_VALUE, in.readInt());
    assertFalse(in.readBoolean());
    assertEquals(Arrays.asList("a", "ü", "a"), in.readStrings(new ArrayList<>()));
    assertTrue(in.atEnd());
  }

  @Test
  void aRepeatedStringIsWrittenOnceAndReadAsOneInstance() {
    String reason = "the rowkey's dictionary is set as v2 does";
    byte[] once = new PackedBlock.Writer().writeString(reason).toBytes();
    byte[] thrice = new PackedBlock.Writer().writeString(reason).writeString(new String(reason)).writeString(reason)
        .toBytes();
    assertEquals(once.length + 8, thrice.length);

    PackedBlock.Reader in = new PackedBlock.Reader(thrice);
    String first = in.readString();
    assertSame(first, in.readString());
    assertSame(first, in.readString());
  }

  @Test
  void aWriterOfDistinctStringsWritesEachInFullAndItsBlockReadsAlike() {
    String path = "/cube_desc/d.json";
    assertEquals(4 + path.length() + 4, new PackedBlock.Writer().writeString(path).writeString(path).toBytes().length);
    assertEquals(2 * (4 + path.length()),
        PackedBlock.Writer.ofDistinct().writeString(path).writeString(path).toBytes().length);

    byte[] distinct = PackedBlock.Writer.ofDistinct().writeString(path).writeString(path).writeString(null)
        .writeStrings(Arrays.asList("/a", "/b")).toBytes();

    PackedBlock.Reader in = new PackedBlock.Reader(distinct);
    assertEquals(path, in.readString());
    assertEquals(path, in.readString());
    assertNull(in.readString());
    assertEquals(Arrays.asList("/a", "/b"), in.readStrings(new ArrayList<>()));
    assertTrue(in.atEnd());
  }

  @Test
  void aBlockThatEndsEarlyIsAnErrorNotAGuess() {
    byte[] bytes = new PackedBlock.Writer().writeString("/cube/c.json").toBytes();
    PackedBlock.Reader in = new PackedBlock.Reader(Arrays.copyOf(bytes, bytes.length - 1));
    IllegalStateException e = assertThrows(IllegalStateException.class, in::readString);
    assertTrue(e.getMessage().contains("ends early"), e.getMessage());

    List<String> none = new PackedBlock.Reader(new PackedBlock.Writer().writeStrings(List.of()).toBytes())
        .readStrings(new ArrayList<>());
    assertTrue(none.isEmpty());
  }
}
