package org.kylinupgrade.jobs;

import java.io.PrintWriter;
import org.kylinupgrade.hbase.ClusterUnreachableException;
import org.kylinupgrade.metadata.BadInputException;
import picocli.CommandLine;

/** Runs a job command with the contract's exit codes and one-line error messages. */
public final class JobCommandLine {
  private JobCommandLine() {
  }

  public static CommandLine create(Object command) {
    CommandLine cli = new CommandLine(command);
    cli.setExecutionExceptionHandler(JobCommandLine::handle);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    return cli;
  }

  public static int execute(Object command, String... args) {
    return create(command).execute(args);
  }

  /** A bad-input exception anywhere in the cause chain (Spark wraps what its tasks throw). */
  private static Throwable badInputIn(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof BadInputException) {
        return t;
      }
    }
    return null;
  }

  static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
    PrintWriter err = cli.getErr();
    String command = cli.getCommandName();
    Throwable badInput = badInputIn(e);
    if (badInput != null) {
      err.println(command + ": bad input: " + badInput.getMessage());
      err.println(command + ": nothing was changed");
      err.flush();
      return ExitCodes.BAD_INPUT;
    }
    if (e instanceof NeedsOperatorException) {
      err.println(command + ": " + e.getMessage());
      err.flush();
      return ExitCodes.NEEDS_OPERATOR;
    }
    if (e instanceof ClusterUnreachableException || e instanceof org.kylinupgrade.journal.RunLock.LockedException
        || e instanceof LiveUpgrade.WritersException || e instanceof LiveUpgrade.SwapFailedException
        || e instanceof LiveHybrid.HybridFailedException) {
      err.println(command + ": " + e.getMessage());
      err.flush();
      return ExitCodes.FAILED;
    }
    err.println(command + ": failed: " + e);
    if (System.getenv("KYLIN_UPGRADE_DEBUG") != null) {
      e.printStackTrace(err);
    } else {
      err.println(command + ": (set KYLIN_UPGRADE_DEBUG=1 to see the stack trace)");
    }
    err.flush();
    return ExitCodes.FAILED;
  }
}
