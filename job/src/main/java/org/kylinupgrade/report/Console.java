package org.kylinupgrade.report;

import java.io.OutputStream;
import java.io.PrintStream;
import org.kylinupgrade.metadata.BadInputException;

/**
 * Everything a command tells the operator on the terminal, in one place, at the level the command line asks for:
 * <ul>
 *   <li>{@link Level#QUIET} ({@code --quiet}): warnings, errors and the run's outcome line only;</li>
 *   <li>{@link Level#NORMAL} (the default): also what the run does and finds; many changes as a {@link Summary}
 *   (counts, the first few, where the rest are);</li>
 *   <li>{@link Level#VERBOSE} ({@code --verbose}): also every change, and the details, lines that only help to follow
 *   a run.</li>
 * </ul>
 * Progress of a long phase is a live line rewritten in place when standard output is a terminal (or
 * {@value #PROGRESS_ENV}{@code =1}), else a line at the phase's end; none with {@code --quiet}.
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

  /** Set to {@code 1} to have the live progress line printed though standard output is not a terminal. */
  public static final String PROGRESS_ENV = "KYLIN_UPGRADE_PROGRESS";

  private final Level level;
  private final PrintStream out;
  private final PrintStream err;
  private final boolean live;
  /** The length of the live progress line on the terminal now, 0 when there is none. */
  private int liveLength;

  public Console(Level level, PrintStream out, PrintStream err) {
    this(level, out, err, false);
  }

  /**
   * A console whose progress is a live line, rewritten in place, when {@code live} (a terminal): else only a line at
   * the end of each phase.
   */
  public Console(Level level, PrintStream out, PrintStream err, boolean live) {
    this.level = level;
    this.out = out;
    this.err = err;
    this.live = live;
  }

  /** The process's standard output and error, at {@code level}; a live progress line on a terminal. */
  public static Console standard(Level level) {
    return new Console(level, System.out, System.err, System.console() != null || "1".equals(System.getenv(PROGRESS_ENV)));
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
    return new Console(level, err, err, live);
  }

  /** The run's outcome: what it did, or why it stopped. Printed at every level. */
  public void outcome(String line) {
    println(out, line);
  }

  public void outcomef(String format, Object... args) {
    outcome(String.format(format, args));
  }

  /** Something the operator must look at (a finding that is a problem). Printed at every level. */
  public void warn(String line) {
    println(out, line);
  }

  /** An error or a note about what the run could not do, on standard error. Printed at every level. */
  public void error(String line) {
    println(err, line);
    err.flush();
  }

  /** What the run does and finds. Not with {@code --quiet}. */
  public void info(String line) {
    if (level != Level.QUIET) {
      println(out, line);
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
      println(out, line);
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

  /** Whether progress is a live line rewritten in place (on a terminal) rather than a line per phase. */
  public boolean live() {
    return live;
  }

  /**
   * The progress of a running phase, on a terminal only: the line replaces the one before it in place. Not with
   * {@code --quiet}.
   */
  public synchronized void progressLine(String line) {
    if (!live || level == Level.QUIET) {
      return;
    }
    StringBuilder b = new StringBuilder("\r").append(line);
    for (int i = line.length(); i < liveLength; i++) {
      b.append(' ');
    }
    out.print(b);
    out.flush();
    liveLength = line.length();
  }

  /** How a phase ended ("convert: 40/40 tasks, 3.2 s"): a line of its own, in place of the live line if any. */
  public synchronized void progressEnd(String line) {
    if (level == Level.QUIET) {
      return;
    }
    if (liveLength > 0) {
      progressLine(line);
      out.println();
      liveLength = 0;
    } else {
      out.println(line);
    }
    out.flush();
  }

  /** A line, after the live progress line is wiped: the next progress line starts on a line of its own. */
  private synchronized void println(PrintStream stream, String line) {
    if (liveLength > 0) {
      StringBuilder b = new StringBuilder("\r");
      for (int i = 0; i < liveLength; i++) {
        b.append(' ');
      }
      out.print(b.append('\r'));
      out.flush();
      liveLength = 0;
    }
    stream.println(line);
  }
}
