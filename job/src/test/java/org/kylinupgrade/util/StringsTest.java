package org.kylinupgrade.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StringsTest {
  @Test
  void isBlankAgreesWithJava11sIsBlankOnEveryCodePoint() {
    for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
      String s = new String(Character.toChars(c));
      assertEquals(s.isBlank(), Strings.isBlank(s), () -> "code point " + Integer.toHexString(s.codePointAt(0)));
      assertEquals((" " + s + "\t").isBlank(), Strings.isBlank(" " + s + "\t"));
    }
  }

  @Test
  void emptyAndWhiteSpaceAreBlankTextIsNot() {
    assertTrue(Strings.isBlank(""));
    assertTrue(Strings.isBlank(" \t\n\u2003"));
    assertFalse(Strings.isBlank(" x "));
    assertFalse(Strings.isBlank("\u00a0"));
  }
}
