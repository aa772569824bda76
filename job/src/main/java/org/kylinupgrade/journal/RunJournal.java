package org.kylinupgrade.journal;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kylinupgrade.hbase.HistoryTable;

/**
 * The step journal and run history (Flyway's history table): one row per run, every step recorded before the
 * next begins, kept after the run as its history entry.
 */
public final class RunJournal {
  private static final String RUN_PREFIX = "run:";
  private static final String REPORT_PREFIX = "report:";
  /** Characters per report row: at most 2 MB of UTF-8, far below HBase's cell size limit (10 MB by default). */
  static final int REPORT_PART_CHARS = 512 * 1024;

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RunJournal.class);

  private final HistoryTable table;
  private long lastStepNanos = System.nanoTime();

  public RunJournal(HistoryTable table) {
    this.table = table;
  }

  public HistoryTable table() {
    return table;
  }

  public Run start(String runId, String command, Map<String, String> facts) throws IOException {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("id", runId);
    fields.put("command", command);
    fields.put("status", Run.Status.RUNNING.name());
    fields.put("step", Step.STARTED.name());
    fields.put("started", Instant.now().toString());
    fields.put("host", RunLock.host());
    fields.put("user", System.getProperty("user.name", "?"));
    fields.putAll(facts);
    table.put(RUN_PREFIX + runId, fields);
    lastStepNanos = System.nanoTime();
    LOG.info("run {}: {} started on table {}", runId, command, facts.getOrDefault("table", ""));
    return new Run(fields);
  }

  /** Records that {@code step} is complete, with what it produced, then runs the failure hook. */
  public Run step(Run run, Step step, Map<String, String> produced) throws IOException {
    Map<String, String> fields = new LinkedHashMap<>(produced);
    fields.put("step", step.name());
    fields.put("step_" + step.name().toLowerCase(java.util.Locale.ROOT) + "_at", Instant.now().toString());
    table.put(RUN_PREFIX + run.id(), fields);
    long now = System.nanoTime();
    LOG.info("run {}: {} ({} ms)", run.id(), step, (now - lastStepNanos) / 1_000_000);
    lastStepNanos = now;
    FailurePoints.reached(step);
    return reload(run.id());
  }

  public Run step(Run run, Step step) throws IOException {
    return step(run, step, java.util.Collections.<String, String>emptyMap());
  }

  public Run finish(Run run, Run.Status status, Map<String, String> facts) throws IOException {
    Map<String, String> fields = new LinkedHashMap<>(facts);
    fields.put("status", status.name());
    fields.put("finished", Instant.now().toString());
    table.put(RUN_PREFIX + run.id(), fields);
    return reload(run.id());
  }

  public Run put(Run run, Map<String, String> facts) throws IOException {
    table.put(RUN_PREFIX + run.id(), facts);
    return reload(run.id());
  }

  /**
   * Stores the run's JSON report beside its history row, split into rows of {@link #REPORT_PART_CHARS}: a report
   * grows with the resources changed and passes any single cell's limit at tens of thousands of them.
   */
  public Run putReport(Run run, String report) throws IOException {
    int part = 0;
    int start = 0;
    do {
      int end = Math.min(report.length(), start + REPORT_PART_CHARS);
      if (end < report.length() && Character.isHighSurrogate(report.charAt(end - 1))) {
        end--; // a surrogate pair stays in one part: each part is valid text on its own
      }
      table.put(reportRow(run.id(), part), java.util.Collections.singletonMap("text", report.substring(start, end)));
      part++;
      start = end;
    } while (start < report.length());
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("report_parts", Integer.toString(part));
    facts.put("report_chars", Integer.toString(report.length()));
    return put(run, facts);
  }

  /** The report {@link #putReport} stored for the run, if any. */
  public Optional<String> report(String runId) throws IOException {
    Optional<Run> run = load(runId);
    if (!run.isPresent() || run.get().get("report_parts") == null) {
      return Optional.empty();
    }
    int parts = Integer.parseInt(run.get().get("report_parts"));
    StringBuilder out = new StringBuilder(Integer.parseInt(run.get().get("report_chars")));
    for (int i = 0; i < parts; i++) {
      String text = table.get(reportRow(runId, i)).get("text");
      if (text == null) {
        throw new IOException("history table " + table.name() + ": part " + i + " of run " + runId + "'s report is missing");
      }
      out.append(text);
    }
    return Optional.of(out.toString());
  }

  private static String reportRow(String runId, int part) {
    return String.format("%s%s:%06d", REPORT_PREFIX, runId, part);
  }

  private Run reload(String runId) throws IOException {
    Optional<Run> run = load(runId);
    if (!run.isPresent()) {
      throw new IOException("run " + runId + " is missing from history table " + table.name());
    }
    return run.get();
  }

  public Optional<Run> load(String runId) throws IOException {
    Map<String, String> fields = table.get(RUN_PREFIX + runId);
    return fields.isEmpty() ? Optional.empty() : Optional.of(new Run(fields));
  }

  /** Every run, oldest first. */
  public List<Run> history() throws IOException {
    if (!table.exists()) {
      return new ArrayList<>();
    }
    List<Run> runs = new ArrayList<>();
    for (Map<String, String> fields : table.scan(RUN_PREFIX)) {
      runs.add(new Run(fields));
    }
    runs.sort(Comparator.comparing(Run::id));
    return runs;
  }

  public Optional<Run> unfinished() throws IOException {
    return history().stream().filter(Run::unfinished).reduce((a, b) -> b);
  }

  /** The newest run that changed the live table (its backup snapshot is the rollback point). */
  public Optional<Run> lastChange() throws IOException {
    return history().stream()
        .filter(r -> r.is("upgrade") && r.backupSnapshot() != null)
        .filter(r -> r.status() == Run.Status.DONE || (r.unfinished() && r.step().swapStarted()))
        .reduce((a, b) -> b);
  }
}
