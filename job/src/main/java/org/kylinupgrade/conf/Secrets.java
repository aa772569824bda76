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
  /**
   * A secret-looking word inside a key of a {@code key=value} or {@code key: value} pair. The rest of the key and the
   * value are matched from the word on ({@link #REST_OF_PAIR}), so that a long text is read once: a pattern that
   * starts with the key's characters would try every position of a long run of them again.
   */
  private static final Pattern PAIR_WORD = Pattern.compile("(?i)(?:" + WORDS + "|storepass|keypass)");
  /** The rest of the key, the separator (a JSON field's quotes allowed) and the value. */
  private static final Pattern REST_OF_PAIR = Pattern.compile("[\\w.-]*+\"?\\s*[=:]\\s*\"?([^\\s,;&'\"}\\])]+)");
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
    String masked = maskPairs(text);
    return replaceSecondGroup(USER_INFO.matcher(masked), "@");
  }

  private static String maskPairs(String text) {
    Matcher word = PAIR_WORD.matcher(text);
    Matcher rest = REST_OF_PAIR.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    int copied = 0;
    int from = 0;
    while (from < text.length() && word.find(from)) {
      rest.region(word.end(), text.length());
      if (!rest.lookingAt()) {
        from = endOfKeyCharacters(text, word.end());
        continue;
      }
      int valueStart = rest.start(1);
      int valueEnd = rest.end(1);
      // already masked (a stored text may be cut inside a mask): left as it is
      if (!text.substring(valueStart, valueEnd).matches("\\*+")) {
        out.append(text, copied, valueStart).append(MASK);
        copied = valueEnd;
      }
      from = valueEnd;
    }
    return copied == 0 ? text : out.append(text, copied, text.length()).toString();
  }

  /** True when {@link #redact} would change the text. */
  public static boolean holdsSecret(String text) {
    return text != null && !text.equals(redact(text));
  }

  /** Where the run of key characters ({@code [A-Za-z0-9_.-]}, the pattern's {@code [\w.-]}) from {@code i} ends. */
  private static int endOfKeyCharacters(String text, int i) {
    int at = i;
    while (at < text.length()) {
      char c = text.charAt(at);
      boolean keyCharacter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.'
          || c == '-';
      if (!keyCharacter) {
        break;
      }
      at++;
    }
    return at;
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
