package org.kylinupgrade.jobs;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A job's exit code carried out of a {@code spark-submit} run, where the process exit code may be lost. */
public final class JobExit extends RuntimeException {
  private static final long serialVersionUID = 1L;
  public static final String MARKER = "kylin-upgrade job exit code: ";
  private static final Pattern IN_TEXT = Pattern.compile(Pattern.quote(MARKER) + "(\\d+)");

  public JobExit(int code) {
    super(MARKER + code);
  }

  /** The exit code a line of the job's (or spark-submit's) output reports, if it reports one. */
  public static OptionalInt in(String line) {
    Matcher m = IN_TEXT.matcher(line);
    return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
  }
}
