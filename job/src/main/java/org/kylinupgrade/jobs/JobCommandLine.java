package org.kylinupgrade.jobs;

import java.io.PrintWriter;
import org.kylinupgrade.conf.Secrets;
import org.kylinupgrade.hbase.ClusterUnreachableException;
import org.kylinupgrade.metadata.BadInputException;
import org.kylinupgrade.report.Console;
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

  /**
   * A job's {@code main}: runs it and ends the process with its exit code. Under {@code spark-submit} the
   * code is also printed as {@link JobExit#MARKER} so that the launcher can tell it; in YARN cluster mode,
   * where {@code System.exit} would make YARN report a failure (and retry the driver), a success returns
   * and a failure throws with the marker, which YARN carries back in the application's diagnostics.
   */
  public static void main(Object command, String... args) {
    OutputRelay relay = relayFromEnvironment();
    int code = execute(command, args);
    String deployMode = System.getProperty("spark.submit.deployMode");
    if (deployMode != null) {
      Console.standard().error(JobExit.MARKER + code);
    }
    if (relay != null) {
      try {
        relay.close();
      } catch (java.io.IOException e) {
        // every line was made visible as it was written
      }
    }
    if ("cluster".equals(deployMode)) {
      if (code == ExitCodes.OK) {
        return;
      }
      throw new JobExit(code);
    }
    System.exit(code);
  }

  /**
   * The relay of what the job prints (standard output and error) to the file the launcher follows, when it named one
   * ({@link OutputRelay#ENV}: a driver in the cluster); null otherwise, or when the file cannot be written, which is
   * said and does not stop the job.
   */
  private static OutputRelay relayFromEnvironment() {
    String uri = System.getenv(OutputRelay.ENV);
    if (uri == null || uri.isEmpty()) {
      return null;
    }
    try {
      OutputRelay relay = OutputRelay.create(uri, new org.apache.hadoop.conf.Configuration());
      System.setOut(relay.tee(System.out));
      System.setErr(relay.tee(System.err));
      return relay;
    } catch (java.io.IOException | RuntimeException e) {
      System.err.println("the job's output is not relayed to the launcher (" + Secrets.redact(String.valueOf(e))
          + "); it is in the driver's log");
      return null;
    }
  }

  static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
    PrintWriter err = cli.getErr();
    String command = cli.getCommandName();
    Throwable badInput = BadInputException.in(e);
    if (badInput != null) {
      err.println(command + ": bad input: " + Secrets.redact(badInput.getMessage()));
      err.println(command + ": nothing was changed");
      err.flush();
      return ExitCodes.BAD_INPUT;
    }
    if (e instanceof NeedsOperatorException || e instanceof org.kylinupgrade.journal.RunStoppedException) {
      err.println(command + ": " + Secrets.redact(e.getMessage()));
      err.flush();
      return ExitCodes.NEEDS_OPERATOR;
    }
    if (e instanceof ClusterUnreachableException || e instanceof org.kylinupgrade.journal.RunLock.LockedException
        || e instanceof LiveUpgrade.WritersException || e instanceof LiveUpgrade.ShortReadException
        || e instanceof LiveUpgrade.SwapFailedException
        || e instanceof LiveHybrid.HybridFailedException || e instanceof org.kylinupgrade.journal.RunFailedException) {
      err.println(command + ": " + Secrets.redact(e.getMessage()));
      err.flush();
      return ExitCodes.FAILED;
    }
    err.println(command + ": failed: " + Secrets.redact(String.valueOf(e)));
    if (System.getenv("KYLIN_UPGRADE_DEBUG") != null) {
      err.print(redactedStackTrace(e));
    } else {
      err.println(command + ": (set KYLIN_UPGRADE_DEBUG=1 to see the stack trace)");
    }
    err.flush();
    return ExitCodes.FAILED;
  }

  /** The stack trace as {@code printStackTrace} writes it, with secrets in its messages masked. */
  static String redactedStackTrace(Throwable e) {
    java.io.StringWriter trace = new java.io.StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    return Secrets.redact(trace.toString());
  }
}
