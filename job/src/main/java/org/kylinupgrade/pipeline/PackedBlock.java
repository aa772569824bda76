package org.kylinupgrade.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ints and strings in one array of bytes, read back in the order they were written; each distinct string is written
 * once, its repeats as its number. What goes between the driver and the executors by the ten thousand (paths, names,
 * change reasons) goes this way: the serializer then writes one array instead of an object, a handle and a class
 * lookup per string, and the strings that repeat (types, keys, reasons) are read back as one instance each.
 */
final class PackedBlock {
  private PackedBlock() {
  }

  /** Writes a block; {@link #toBytes()} ends it. Not thread-safe. */
  static final class Writer {
    private byte[] bytes = new byte[256];
    private int size;
    /** The numbers of the strings written so far; null where no string repeats, so none is looked up. */
    private final Map<String, Integer> numbers;

    /** A writer that writes each distinct string once. */
    Writer() {
      this.numbers = new HashMap<>();
    }

    private Writer(Map<String, Integer> numbers) {
      this.numbers = numbers;
    }

    /**
     * A writer for strings that are all distinct (paths, each once): it keeps no numbers, which would never be used.
     * The reader reads its block as any other.
     */
    static Writer ofDistinct() {
      return new Writer(null);
    }

    Writer writeInt(int v) {
      ensure(4);
      bytes[size++] = (byte) (v >>> 24);
      bytes[size++] = (byte) (v >>> 16);
      bytes[size++] = (byte) (v >>> 8);
      bytes[size++] = (byte) v;
      return this;
    }

    Writer writeBoolean(boolean b) {
      ensure(1);
      bytes[size++] = (byte) (b ? 1 : 0);
      return this;
    }

    /** Null as -1; a string seen before as -2 - its number; else its UTF-8 length and bytes. */
    Writer writeString(String s) {
      if (s == null) {
        return writeInt(-1);
      }
      if (numbers != null) {
        Integer number = numbers.get(s);
        if (number != null) {
          return writeInt(-2 - number);
        }
        numbers.put(s, numbers.size());
      }
      byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
      writeInt(utf8.length);
      ensure(utf8.length);
      System.arraycopy(utf8, 0, bytes, size, utf8.length);
      size += utf8.length;
      return this;
    }

    /** The strings' count, then each. */
    Writer writeStrings(java.util.Collection<String> strings) {
      writeInt(strings.size());
      for (String s : strings) {
        writeString(s);
      }
      return this;
    }

    byte[] toBytes() {
      return Arrays.copyOf(bytes, size);
    }

    private void ensure(int more) {
      if (size + more > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(size + more, bytes.length * 2));
      }
    }
  }

  /** Reads a block in the order it was written. */
  static final class Reader {
    private final byte[] bytes;
    private int position;
    private final List<String> strings = new ArrayList<>();

    Reader(byte[] bytes) {
      this.bytes = bytes;
    }

    int readInt() {
      if (position + 4 > bytes.length) {
        throw new IllegalStateException("a packed block ends early, at byte " + position + " of " + bytes.length);
      }
      int v = (bytes[position] & 0xff) << 24 | (bytes[position + 1] & 0xff) << 16 | (bytes[position + 2] & 0xff) << 8
          | bytes[position + 3] & 0xff;
      position += 4;
      return v;
    }

    boolean readBoolean() {
      if (position >= bytes.length) {
        throw new IllegalStateException("a packed block ends early, at byte " + position + " of " + bytes.length);
      }
      return bytes[position++] != 0;
    }

    String readString() {
      int code = readInt();
      if (code == -1) {
        return null;
      }
      if (code < -1) {
        return strings.get(-2 - code);
      }
      if (position + code > bytes.length) {
        throw new IllegalStateException("a packed block ends early, at byte " + position + " of " + bytes.length);
      }
      String s = new String(bytes, position, code, StandardCharsets.UTF_8);
      position += code;
      strings.add(s);
      return s;
    }

    /** Strings written by {@link Writer#writeStrings}, added to {@code into}. */
    <C extends java.util.Collection<String>> C readStrings(C into) {
      int count = readInt();
      for (int i = 0; i < count; i++) {
        into.add(readString());
      }
      return into;
    }

    /** Whether every byte was read: a reader that did not read them all read another layout than was written. */
    boolean atEnd() {
      return position == bytes.length;
    }
  }
}
