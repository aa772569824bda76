package org.kylinupgrade.report;

import java.io.OutputStream;
import java.io.PrintStream;
import org.kylinupgrade.metadata.BadInputException;

/**
 * Everything a command tells the operator on the terminal, in one place, at the level the command line asks for:
 * <ul>
 *   <li>{@link Level#QUIET} ({@code --quiet}): warnings, errors and the run's outcome line only;</li>
 *   <li>{@link Level#NORMAL} (the default): also what the run does and finds, one line per change;</li>
 *   <li>{@link Level#VERBOSE} ({@code --verbose}): also the details, lines that only help to follow a run.</li>
 * </ul>
 * Lines go to standard output, errors to standard error. Each method prints one line (its line separator included)
 * or nothing; the {@code ...f} forms take a {@link String#format} pattern without the line end.
 */
public final class Console {
  /** How much a run prints. */
  public enum Level {
    QUIET, NORMAL, VERBOSE
  }

  private static final PrintStream NOWHERE = new PrintStream(new OutputStream() {
    @Override
    public void write(int b) {
    }

    @Override
    public void write(byte[] b, int off, int len) {
    }
  });

  private final Level level;
  private final PrintStream out;
  private final PrintStream err;

  public Console(Level level, PrintStream out, PrintStream err) {
    this.level = level;
    this.out = out;
    this.err = err;
  }

  /** The process's standard output and error, at {@code level}. */
  public static Console standard(Level level) {
    return new Console(level, System.out, System.err);
  }

  /** The process's standard output and error, at the default level. */
  public static Console standard() {
    return standard(Level.NORMAL);
  }

  /** The level of {@code --quiet} / {@code --verbose}; both at once is bad input. */
  public static Level level(boolean quiet, boolean verbose) {
    if (quiet && verbose) {
      throw new BadInputException("--quiet and --verbose exclude each other; pass one");
    }
    return quiet ? Level.QUIET : verbose ? Level.VERBOSE : Level.NORMAL;
  }

  public Level level() {
    return level;
  }

  /** This console with its lines on standard error (when standard output carries a command's product). */
  public Console onErr() {
    return new Console(level, err, err);
  }

  /** The run's outcome: what it did, or why it stopped. Printed at every level. */
  public void outcome(String line) {
    out.println(line);
  }

  public void outcomef(String format, Object... args) {
    outcome(String.format(format, args));
  }

  /** Something the operator must look at (a finding that is a problem). Printed at every level. */
  public void warn(String line) {
    out.println(line);
  }

  /** An error or a note about what the run could not do, on standard error. Printed at every level. */
  public void error(String line) {
    err.println(line);
    err.flush();
  }

  /** What the run does and finds, one line per change included. Not with {@code --quiet}. */
  public void info(String line) {
    if (level != Level.QUIET) {
      out.println(line);
    }
  }

  public void infof(String format, Object... args) {
    if (level != Level.QUIET) {
      info(String.format(format, args));
    }
  }

  /** A detail that only helps to follow a run. Only with {@code --verbose}. */
  public void detail(String line) {
    if (level == Level.VERBOSE) {
      out.println(line);
    }
  }

  /**
   * A command's product on standard output (a merged file), printed as it is at every level: it is what the
   * command was asked for, not a message about it.
   */
  public void product(String text) {
    out.print(text);
    out.flush();
  }

  /** Where progress lines go: standard output, or nowhere with {@code --quiet}. */
  public PrintStream progress() {
    return level == Level.QUIET ? NOWHERE : out;
  }
}
