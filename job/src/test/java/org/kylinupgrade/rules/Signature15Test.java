package org.kylinupgrade.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class Signature15Test {
  @Test
  void whitespaceIsDroppedExactlyAsTheRegexDropsIt() {
    // Java's \s and the characters next to it that it does not match (no-break space, line separator, ...)
    char[] alphabet = {' ', '\t', '\n', 0x0B, '\f', '\r', 0x1C, 0x85, 0xA0, 0x2028, 0x3000, 'a', 'Z', '|', '"', '{'};
    Random random = new Random(42);
    for (int n = 0; n < 2_000; n++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(40); i > 0; i--) {
        text.append(alphabet[random.nextInt(alphabet.length)]);
      }
      String s = text.toString();
      assertEquals(s.replaceAll("\\s+", ""), Signature15.withoutWhitespace(s),
          "for " + java.util.Arrays.toString(s.toCharArray()));
    }
  }
}
