package org.kylinupgrade;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.kylinupgrade.hbase.HBaseCluster;
import org.kylinupgrade.hbase.TestHBase;
import org.kylinupgrade.jobs.JobCommandLine;
import org.kylinupgrade.journal.RunNames;
import org.kylinupgrade.metadata.MetadataUrl;
import picocli.CommandLine;

/**
 * Runs job commands in this JVM as the command line would, pointed at the shared mini cluster the way an operator
 * points them at theirs: the cluster options, {@code --metadata-url} and {@code --working-dir} go before the
 * command's own words, with whatever options a test fixes for its commands. Each run's exit code, standard output,
 * standard error and error messages are kept ({@link Outcome}); the error messages of all runs are kept too
 * ({@link #err()}), for the message of a failed assertion.
 */
public final class JobRunner {
  private static final AtomicLong TABLES = new AtomicLong();

  /** A command's exit code and what it printed. */
  public record Outcome(int exit, String out, String err, String stderr) {
    @Override
    public String toString() {
      return "exit " + exit + "\nstdout:\n" + out + "\nerror messages:\n" + err + "\nstderr:\n" + stderr;
    }
  }

  /** An option given to the commands of a type unless their own words name it. */
  private record Fixed(Class<?> jobType, String option, String value) {
  }

  private final String table;
  private final String workingDir;
  private final List<String> cluster = new ArrayList<>();
  private final List<Fixed> fixed = new ArrayList<>();
  private final StringBuilder errors = new StringBuilder();
  private final StringBuilder printed = new StringBuilder();

  private JobRunner(String table, String workingDir, List<String> cluster) {
    this.table = table;
    this.workingDir = workingDir;
    this.cluster.addAll(cluster);
  }

  /** A table name no test of this JVM has used yet: {@code stem} followed by a number. */
  public static String freshTable(String stem) {
    return stem + TABLES.incrementAndGet();
  }

  /** Commands on the metadata table {@code table} of the mini cluster, with big cells under {@code workingDir}. */
  public static JobRunner on(String table, String workingDir) {
    return new JobRunner(table, workingDir, List.of(SharedHBase.clusterOptions()));
  }

  /** Commands on a fresh table ({@link #freshTable}) with a fresh local working dir. */
  public static JobRunner onFreshTable(String stem) {
    return on(freshTable(stem), SharedHBase.newWorkingDir());
  }

  /** Commands given only their own words: folders, files, no cluster. */
  public static JobRunner offline() {
    return new JobRunner(null, null, List.of());
  }

  /** Names the cluster with {@code options} (e.g. {@code --zookeeper HOST:PORT}) instead of the mini cluster's site. */
  public JobRunner withCluster(String... options) {
    cluster.clear();
    cluster.addAll(List.of(options));
    return this;
  }

  /** Gives {@code option value} to every command that does not name the option itself. */
  public JobRunner withOption(String option, String value) {
    return withOption(Object.class, option, value);
  }

  /**
   * Gives {@code option value} to every command of {@code jobType} that does not name the option itself, in place of
   * what was fixed for the option before.
   */
  public JobRunner withOption(Class<?> jobType, String option, String value) {
    fixed.removeIf(f -> f.jobType().equals(jobType) && f.option().equals(option));
    fixed.add(new Fixed(jobType, option, value));
    return this;
  }

  public String table() {
    return table;
  }

  public String workingDir() {
    return workingDir;
  }

  public MetadataUrl url() {
    return MetadataUrl.parse(table + "@hbase");
  }

  /** The run history and journal table of the metadata. */
  public String historyTable() {
    return RunNames.historyTable(url());
  }

  /** A connection to the mini cluster with this runner's working dir and Kylin's default cell size limit. */
  public HBaseCluster connect() {
    return connect(HBaseCluster.DEFAULT_MAX_CELL_SIZE);
  }

  public HBaseCluster connect(long maxCellSize) {
    return SharedHBase.connect(workingDir, maxCellSize);
  }

  /** The mini cluster's tables whose names start with this runner's table name, in the order HBase lists them. */
  public List<String> tables() throws IOException {
    try (HBaseCluster hbase = connect()) {
      return TestHBase.tablesStartingWith(hbase, table);
    }
  }

  /**
   * The whole command line a job of {@code jobClass} is run with: the cluster, the table and the fixed options, then
   * {@code args}. A child JVM running the job's {@code main} is given it too.
   */
  public String[] commandLine(Class<?> jobClass, String... args) {
    List<String> own = List.of(args);
    List<String> all = new ArrayList<>();
    addUnlessNamed(all, own, cluster);
    if (table != null) {
      addUnlessNamed(all, own, List.of("--metadata-url", table + "@hbase"));
    }
    if (workingDir != null) {
      addUnlessNamed(all, own, List.of("--working-dir", workingDir));
    }
    for (Fixed f : fixed) {
      if (f.jobType().isAssignableFrom(jobClass)) {
        addUnlessNamed(all, own, List.of(f.option(), f.value()));
      }
    }
    all.addAll(own);
    return all.toArray(new String[0]);
  }

  private static void addUnlessNamed(List<String> all, List<String> own, List<String> options) {
    if (options.isEmpty() || !own.contains(options.get(0))) {
      all.addAll(options);
    }
  }

  /** Runs {@code job}; its exit code. */
  public int run(Object job, String... args) {
    return execute(job, args).exit();
  }

  /**
   * Runs {@code job} with what it prints kept: standard output (also shown on the console), standard error and the
   * error messages of the command line.
   */
  public Outcome execute(Object job, String... args) {
    StringWriter err = new StringWriter();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    PrintStream teeOut = new PrintStream(new Tee(originalOut, out), true, StandardCharsets.UTF_8);
    System.setOut(teeOut);
    System.setErr(new PrintStream(new Tee(originalErr, stderr), true, StandardCharsets.UTF_8));
    int exit;
    try {
      CommandLine cli = JobCommandLine.create(job);
      cli.setOut(new PrintWriter(teeOut, true));
      cli.setErr(new PrintWriter(err, true));
      exit = cli.execute(commandLine(job.getClass(), args));
    } finally {
      System.out.flush();
      System.err.flush();
      System.setOut(originalOut);
      System.setErr(originalErr);
    }
    Outcome outcome = new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString(),
        stderr.toString(StandardCharsets.UTF_8));
    synchronized (errors) {
      errors.append(outcome.err());
      printed.append(outcome.out()).append(outcome.stderr()).append(outcome.err());
    }
    return outcome;
  }

  /** The error messages of every command this runner ran. */
  public String err() {
    synchronized (errors) {
      return errors.toString();
    }
  }

  /** All that the commands this runner ran printed: standard output, standard error and error messages. */
  public String printed() {
    synchronized (errors) {
      return printed.toString();
    }
  }

  /** Writes to the console and keeps a copy. */
  private static final class Tee extends OutputStream {
    private final OutputStream console;
    private final OutputStream copy;

    Tee(OutputStream console, OutputStream copy) {
      this.console = console;
      this.copy = copy;
    }

    @Override
    public void write(int b) throws IOException {
      console.write(b);
      copy.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      console.write(b, off, len);
      copy.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
      console.flush();
    }
  }
}
