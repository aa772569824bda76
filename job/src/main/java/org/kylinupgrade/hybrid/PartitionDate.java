package org.kylinupgrade.hybrid;

import java.text.ParsePosition;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.kylinupgrade.metadata.BadInputException;
import org.kylinupgrade.util.Immutables;

/**
 * {@code --partition-date}: a date in the model's partition date format or one of the patterns Kylin's
 * {@code DateFormat.stringToMillis} knows, in GMT, or epoch milliseconds. Parsing is strict: a date that does not
 * exist is refused rather than rolled over.
 */
final class PartitionDate {
  private static final List<String> KYLIN_PATTERNS =
      Immutables.listOf("yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.SSS");

  private PartitionDate() {
  }

  static long parse(String text, String modelFormat) {
    String value = text.trim();
    Long millis = modelFormat == null ? null : parseWith(value, modelFormat);
    for (int i = 0; millis == null && i < KYLIN_PATTERNS.size(); i++) {
      millis = parseWith(value, KYLIN_PATTERNS.get(i));
    }
    if (millis == null && !value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
      millis = Long.parseLong(value);
    }
    if (millis == null) {
      throw new BadInputException("--partition-date '" + text + "' is neither a date in the model's partition date "
          + "format '" + modelFormat + "' (GMT) nor epoch milliseconds");
    }
    return millis;
  }

  /**
   * Kylin 1.5.4.1's {@code DateFormat.stringToMillis} without a format, as its {@code ExtendCubeToHybridCLI} calls it:
   * the pattern is guessed from the text (all digits: {@code yyyyMMdd} when 8 long, else epoch milliseconds; 10
   * characters: {@code yyyy-MM-dd}; 19: {@code yyyy-MM-dd HH:mm:ss}; longer: with milliseconds), in GMT. Strict where
   * Kylin rolls over: a date that does not exist is refused.
   */
  static long parse15(String text) {
    String value = text.trim();
    boolean digits = !value.isEmpty();
    for (int i = 0; i < value.length(); i++) {
      digits &= Character.isDigit(value.charAt(i));
    }
    String pattern;
    if (digits) {
      if (value.length() != 8) {
        try {
          return Long.parseLong(value);
        } catch (NumberFormatException e) {
          throw new BadInputException("--partition-date '" + text + "' is too large for epoch milliseconds");
        }
      }
      pattern = "yyyyMMdd";
    } else if (value.length() == 10) {
      pattern = "yyyy-MM-dd";
    } else if (value.length() == 19) {
      pattern = KYLIN_PATTERNS.get(1);
    } else if (value.length() > 19) {
      pattern = KYLIN_PATTERNS.get(2);
    } else {
      throw new BadInputException("--partition-date '" + text + "': there is no valid date pattern for it (Kylin 1.5 "
          + "takes yyyy-MM-dd, yyyy-MM-dd HH:mm:ss, yyyy-MM-dd HH:mm:ss.SSS, yyyyMMdd or epoch milliseconds, GMT)");
    }
    Long millis = parseWith(value, pattern);
    if (millis == null) {
      throw new BadInputException("--partition-date '" + text + "' is not a valid date of pattern '" + pattern
          + "' (GMT)");
    }
    return millis;
  }

  /** In the model's format when that shows the exact time, else with the time of day (GMT). */
  static String format(long millis, String modelFormat) {
    if (modelFormat != null) {
      try {
        String text = formatter(modelFormat).format(new Date(millis));
        if (Long.valueOf(millis).equals(parseWith(text, modelFormat))) {
          return text;
        }
      } catch (IllegalArgumentException e) {
        // not a pattern SimpleDateFormat knows; fall through
      }
    }
    return formatter(KYLIN_PATTERNS.get(1)).format(new Date(millis));
  }

  private static Long parseWith(String value, String pattern) {
    SimpleDateFormat format;
    try {
      format = formatter(pattern);
    } catch (IllegalArgumentException e) {
      return null;
    }
    ParsePosition position = new ParsePosition(0);
    Date date = format.parse(value, position);
    return date == null || position.getIndex() != value.length() ? null : date.getTime();
  }

  private static SimpleDateFormat formatter(String pattern) {
    SimpleDateFormat format = new SimpleDateFormat(pattern);
    format.setTimeZone(TimeZone.getTimeZone("GMT"));
    format.setLenient(false);
    return format;
  }
}
