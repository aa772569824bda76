package org.kylinupgrade.journal;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.kylinupgrade.hbase.HBaseCluster;
import org.kylinupgrade.metadata.BadInputException;
import org.kylinupgrade.metadata.MetadataUrl;
import org.kylinupgrade.report.Console;

/**
 * The one skeleton of every command that changes the metadata table: preflight (another process holds the lock?
 * a run stopped half-way?) → lock → journal start → the job's steps → one ending. Whatever the steps throw goes
 * through one path: a run that never touched the live table removes what it created and is journaled FAILED
 * (ABORTED for bad input); a run that may have touched it puts it back from its backup and is journaled
 * ROLLED_BACK; a run that cannot be put back stays RUNNING for {@code resume} / {@code rollback}. The lock is
 * released only once the journal says how (or where) the run ended.
 */
public final class JournaledRun {
  /** A command's part: its steps, and what undoes them. */
  public interface Job {
    /** The job's steps, from where {@code run} stands (a fresh run: {@link Step#STARTED}). */
    Ending steps(Run run) throws Exception;

    /** Whether the run, as journaled, may have changed the live table. */
    boolean touched(Run run);

    /** Puts the live table back as it was before the run; returns what to tell the operator. */
    RuntimeException restore(Run run, Throwable cause) throws IOException;

    /** Removes what the run created for itself, once, whatever the ending; returns a note to print, or null. */
    String cleanUp(Run run, Run.Status ending) throws IOException;
  }

  /** How steps that did not throw ended: the status to journal, the exit code, facts to record. */
  public static final class Ending {
    final Run.Status status;
    final int exitCode;
    final Map<String, String> facts;

    private Ending(Run.Status status, int exitCode, Map<String, String> facts) {
      this.status = status;
      this.exitCode = exitCode;
      this.facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }

    public static Ending of(Run.Status status, int exitCode) {
      return new Ending(status, exitCode, Collections.<String, String>emptyMap());
    }

    public static Ending of(Run.Status status, int exitCode, Map<String, String> facts) {
      return new Ending(status, exitCode, facts);
    }

    public static Ending of(Run.Status status, int exitCode, String message) {
      return new Ending(status, exitCode, Collections.singletonMap(Run.MESSAGE, message));
    }
  }

  /** The journal field that says what the clean-up removed, or what it could not. */
  private static final String CLEAN_UP = "clean_up";

  private final RunJournal journal;
  private final RunLock lock;
  private final MetadataUrl url;
  private final Console console;

  public JournaledRun(HBaseCluster cluster, MetadataUrl url) throws IOException {
    this(cluster, url, Console.standard());
  }

  /** Its notes and errors go to {@code console}. */
  public JournaledRun(HBaseCluster cluster, MetadataUrl url, Console console) throws IOException {
    this.url = url;
    this.console = console;
    this.journal = new RunJournal(cluster.historyTable(RunNames.historyTable(url)).ensureExists());
    this.lock = new RunLock(journal.table());
  }

  public RunJournal journal() {
    return journal;
  }

  public RunLock lock() {
    return lock;
  }

  /**
   * Before a new run: refused while any process holds the lock (naming it: user@host, pid, run id; a dead one
   * with the command that clears it), or while a run stopped half-way (with the commands that finish or undo it).
   */
  public void preflight() throws IOException {
    Optional<RunLock.Holder> holder = lock.holder();
    if (holder.isPresent() && holder.get().alive()) {
      lock.requireFree("a new run");
    }
    Optional<Run> unfinished = journal.unfinished();
    if (unfinished.isPresent()) {
      holder = lock.holder();
      if (holder.isPresent() && holder.get().alive()) {
        lock.requireFree("a new run"); // it started meanwhile: name it, it did not stop
      }
      throw new RunStoppedException(unfinished.get() + " stopped half-way" + (holder.isPresent()
          ? " (its process, pid " + holder.get().pid + " on " + holder.get().host + ", is gone)" : "") + "; "
          + nextCommand(unfinished.get()));
    }
    if (holder.isPresent()) {
      lock.requireFree("a new run"); // a dead holder without a journaled run: names the unlock command
    }
  }

  /** What the operator runs next for an unfinished run. */
  public static String nextCommand(Run run) {
    if (run.is("upgrade")) {
      return "finish it with `kylin-upgrade resume` or undo it with `kylin-upgrade rollback`";
    }
    if (run.is("rollback")) {
      return "finish it with `kylin-upgrade resume` or put back what the table held before it with `kylin-upgrade "
          + "rollback`";
    }
    return "undo it with `kylin-upgrade rollback`" + (run.backupSnapshot() == null ? ""
        : " (its backup snapshot " + run.backupSnapshot() + ")") + ", then run it again";
  }

  /** A new run of {@code command}: preflight, lock, journal start, the steps, the ending. */
  public int start(String command, RunNames names, Map<String, String> facts, Job job) throws Exception {
    preflight();
    lock.acquire(names.runId());
    return startLocked(command, names, facts, job);
  }

  /**
   * A new run that may take over the lock of a run whose process is gone (rollback): never the lock of a live
   * process.
   */
  public int startTakingOver(String command, RunNames names, Map<String, String> facts, Job job) throws Exception {
    lock.takeOver(names.runId());
    return startLocked(command, names, facts, job);
  }

  /** Goes on with an unfinished run from where it stopped (resume), under its lock taken over from a dead process. */
  public int resume(Run run, Job job) throws Exception {
    lock.takeOver(run.id());
    return drive(run, job);
  }

  private int startLocked(String command, RunNames names, Map<String, String> facts, Job job) throws Exception {
    Run run;
    try {
      Map<String, String> all = new LinkedHashMap<>();
      all.put(Run.TABLE, url.tableName());
      all.putAll(facts);
      run = journal.start(names.runId(), command, all);
    } catch (RuntimeException | IOException e) {
      lock.release(names.runId());
      throw e;
    }
    return drive(run, job);
  }

  private int drive(Run run, Job job) throws Exception {
    boolean threw = true;
    Ending ending = null;
    try {
      ending = job.steps(run);
      threw = false;
    } catch (Throwable t) {
      Throwable reported = failed(run.id(), job, t);
      if (reported instanceof Exception) {
        throw (Exception) reported;
      }
      throw (Error) reported;
    } finally {
      if (!threw) {
        end(run.id(), job, ending);
      }
      releaseUnlessUnknown(run.id());
    }
    return ending.exitCode;
  }

  /** Steps that returned: clean up, then the journal records the ending. */
  private void end(String runId, Job job, Ending ending) throws IOException {
    Run current = journal.load(runId).orElseThrow(() -> new IOException("run " + runId + " vanished from the journal"));
    Map<String, String> facts = new LinkedHashMap<>(ending.facts);
    if (cleanUp(job, current, ending.status, facts, "could not remove everything run " + runId + " created: ", true)
        != null) {
      console.error(facts.get(CLEAN_UP));
    }
    journal.finish(current, ending.status, facts);
  }

  /** The one failure path; returns what the operator is told. */
  private Throwable failed(String runId, Job job, Throwable cause) {
    Run current;
    try {
      current = journal.load(runId).orElse(null);
    } catch (IOException | RuntimeException e) {
      cause.addSuppressed(e);
      return cause; // the journal cannot be read: the run stays as journaled, and so does its lock
    }
    if (current == null || !current.unfinished()) {
      return cause;
    }
    if (!job.touched(current)) {
      Run.Status status = BadInputException.in(cause) != null ? Run.Status.ABORTED : Run.Status.FAILED;
      Map<String, String> facts = new LinkedHashMap<>();
      facts.put(Run.MESSAGE, String.valueOf(cause.getMessage()));
      Exception cleanUpFailed = cleanUp(job, current, status, facts, "could not remove everything the run created: ",
          true);
      if (cleanUpFailed != null) {
        cause.addSuppressed(cleanUpFailed);
      }
      try {
        journal.finish(current, status, facts);
      } catch (IOException | RuntimeException again) {
        cause.addSuppressed(again);
      }
      return cause;
    }
    try {
      RuntimeException reported = job.restore(current, cause);
      current = journal.load(runId).orElse(current);
      Map<String, String> facts = new LinkedHashMap<>();
      facts.put(Run.MESSAGE, "failed and put back: " + cause.getMessage());
      cleanUp(job, current, Run.Status.ROLLED_BACK, facts, "could not remove everything the run created: ", false);
      journal.finish(current, Run.Status.ROLLED_BACK, facts);
      return reported;
    } catch (Exception | LinkageError again) {
      cause.addSuppressed(again);
      return new RunStoppedException(current + " failed (" + cause.getMessage() + ") and so did putting the table "
          + "back (" + again.getMessage() + "); " + nextCommand(current));
    }
  }

  /**
   * The job's clean-up, once: its note (printed when {@code printNote}), or what it could not remove after
   * {@code whenItFails}, goes into {@code facts}; returns what the clean-up threw, or null.
   */
  private Exception cleanUp(Job job, Run run, Run.Status ending, Map<String, String> facts, String whenItFails,
      boolean printNote) {
    try {
      String note = job.cleanUp(run, ending);
      if (note != null) {
        facts.put(CLEAN_UP, note);
        if (printNote) {
          console.warn(note);
        }
      }
      return null;
    } catch (IOException | RuntimeException e) {
      facts.put(CLEAN_UP, whenItFails + e.getMessage());
      return e;
    }
  }

  /** Released once the journal was read after the run: it then says how (or where) the run ended. */
  private void releaseUnlessUnknown(String runId) {
    try {
      if (journal.load(runId).isPresent()) {
        lock.release(runId);
      }
    } catch (IOException | RuntimeException e) {
      console.error("the lock of run " + runId + " is kept: the journal cannot be read (" + e.getMessage() + ")");
    }
  }
}
