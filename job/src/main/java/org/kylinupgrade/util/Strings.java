package org.kylinupgrade.util;

/** String tests for Java 8 code. */
public final class Strings {
  private Strings() {
  }

  /**
   * Whether the string is empty or holds only white space ({@link Character#isWhitespace(int)}, code point by code
   * point, the test Java 11's {@code String.isBlank} makes). Null is not allowed.
   */
  public static boolean isBlank(String s) {
    int i = 0;
    while (i < s.length()) {
      int c = s.codePointAt(i);
      if (!Character.isWhitespace(c)) {
        return false;
      }
      i += Character.charCount(c);
    }
    return true;
  }
}
