package org.kylinupgrade.launcher.config;

import java.util.regex.Pattern;

/** Masks what should not reach a terminal or a log: values of secret-looking keys and secrets inside URLs. */
public final class Secrets {
  public static final String MASK = "********";
  private static final Pattern SECRET_KEY =
      Pattern.compile("(?i).*(password|passwd|secret|token|credential|passphrase|\\.key$).*");
  private static final Pattern SECRET_IN_VALUE =
      Pattern.compile("(?i)((?:password|passwd|secret|token)\\s*[=:]\\s*)[^,;&\\s]+");
  private static final Pattern USER_INFO = Pattern.compile("(://[^/:@\\s]+:)[^@/\\s]+@");

  private Secrets() {
  }

  public static boolean isSecretKey(String key) {
    return SECRET_KEY.matcher(key).matches();
  }

  public static String mask(String key, String value) {
    if (value == null) {
      return null;
    }
    if (isSecretKey(key)) {
      return MASK;
    }
    String masked = SECRET_IN_VALUE.matcher(value).replaceAll("$1" + MASK);
    return USER_INFO.matcher(masked).replaceAll("$1" + MASK + "@");
  }
}
