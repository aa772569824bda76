package org.kylinupgrade.conf;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one rule for what must not reach a terminal, a log, a report or the history table: the value of a
 * secret-looking key, a secret-looking {@code key=value} pair inside a longer text (a URL option, an error
 * message) and the password of a URL's user info ({@code scheme://user:password@host}). Files the operator asked
 * for (a merged configuration, a scheduler file) keep the real values: they are the operator's configuration.
 *
 * <p>A key is secret-looking when, in lower case, it contains {@code password}, {@code passwd}, {@code passphrase},
 * {@code secret}, {@code token}, {@code credential} or {@code pwd}, names a key or trust store's password
 * ({@code keystore.pass}, {@code storepass}, {@code keypass}), or names a key itself: it ends in {@code .key},
 * {@code -key} or {@code _key}, or holds {@code account.key} (Azure's storage keys). The rule masks rather more
 * than less: a masked harmless value costs a look at the file, a shown secret costs a rotation.
 */
public final class Secrets {
  /** What a secret is shown as. */
  public static final String MASK = "******";

  private static final String WORDS = "password|passwd|passphrase|secret|token|credential|pwd";
  private static final Pattern SECRET_KEY = Pattern.compile(
      ".*(" + WORDS + "|keystore\\.pass|truststore\\.pass|storepass|keypass|account\\.key).*|.*[._-]key");
  /** {@code key=value} or {@code key: value} (a JSON field's quotes allowed) whose key is secret-looking. */
  private static final Pattern PAIR = Pattern.compile(
      "(?i)([\\w.-]*(?:" + WORDS + "|storepass|keypass)[\\w.-]*\"?\\s*[=:]\\s*\"?)([^\\s,;&'\"}\\])]+)");
  /** The password of {@code scheme://user:password@host}. */
  private static final Pattern USER_INFO = Pattern.compile("(://[^/:@\\s'\"]+:)([^@/\\s'\"]+)@");

  private Secrets() {
  }

  public static boolean isSecretKey(String key) {
    return key != null && SECRET_KEY.matcher(key.trim().toLowerCase(Locale.ROOT)).matches();
  }

  /**
   * A key's value as it may be shown: {@link #MASK} for a secret-looking key (an empty value stays empty: it
   * shows that nothing is set and gives nothing away), else the value with any secret inside it masked.
   */
  public static String mask(String key, String value) {
    if (value == null) {
      return null;
    }
    if (isSecretKey(key)) {
      return value.isEmpty() ? value : MASK;
    }
    return redact(value);
  }

  /** A text with every secret-looking {@code key=value} pair's value and every URL user-info password masked. */
  public static String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String masked = replaceSecondGroup(PAIR.matcher(text));
    return replaceSecondGroup(USER_INFO.matcher(masked), "@");
  }

  /** True when {@link #redact} would change the text. */
  public static boolean holdsSecret(String text) {
    return text != null && !text.equals(redact(text));
  }

  private static String replaceSecondGroup(Matcher m) {
    return replaceSecondGroup(m, "");
  }

  private static String replaceSecondGroup(Matcher m, String suffix) {
    StringBuffer out = new StringBuffer();
    while (m.find()) {
      // already masked (a stored text may be cut inside a mask): left as it is
      boolean masked = m.group(2).matches("\\*+");
      String replacement = masked ? m.group(0) : m.group(1) + MASK + suffix;
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }
}
