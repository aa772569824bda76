package org.kylinupgrade.launcher.submit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** Bytes of a child's output as they are read, handed over a complete line at a time, trailing blanks dropped. */
final class LineAssembler {
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();
  private final Consumer<String> lines;

  LineAssembler(Consumer<String> lines) {
    this.lines = lines;
  }

  /** The first {@code n} bytes of {@code buffer}; each line they end is handed over. */
  void add(byte[] buffer, int n) {
    for (int i = 0; i < n; i++) {
      if (buffer[i] == '\n') {
        lines.accept(line.toString(StandardCharsets.UTF_8).stripTrailing());
        line.reset();
      } else {
        line.write(buffer[i]);
      }
    }
  }

  /** The output ended: a last line without its line end is handed over too. */
  void finish() {
    if (line.size() > 0) {
      lines.accept(line.toString(StandardCharsets.UTF_8).stripTrailing());
      line.reset();
    }
  }
}
