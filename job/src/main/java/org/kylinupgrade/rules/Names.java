package org.kylinupgrade.rules;

import java.util.Locale;

/** Kylin's name matching rules. */
final class Names {
  private Names() {
  }

  /**
   * A key equal for two names exactly when {@code String.CASE_INSENSITIVE_ORDER} calls them equal, the order of
   * the {@code CaseInsensitiveStringCache} maps Kylin keeps models, descs and tables in.
   */
  static String key(String name) {
    if (name == null) {
      return "";
    }
    StringBuilder key = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      key.append(Character.toLowerCase(Character.toUpperCase(name.charAt(i))));
    }
    return key.toString();
  }

  /** {@code String.toUpperCase()} as Kylin calls it, independent of this JVM's default locale. */
  static String upper(String s) {
    return s == null ? null : s.toUpperCase(Locale.ROOT);
  }

  static void upperInPlace(String[] values) {
    if (values != null) {
      for (int i = 0; i < values.length; i++) {
        values[i] = upper(values[i]);
      }
    }
  }

  /** Commons-lang {@code StringUtils.isBlank}. */
  static boolean isBlank(String s) {
    if (s == null) {
      return true;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isWhitespace(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
