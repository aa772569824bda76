package org.kylinupgrade.journal;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.kylinupgrade.hbase.HistoryTable;
import org.kylinupgrade.util.Processes;

/**
 * The run lock: a lease row recording run id, host, process and start time, created atomically. A second run
 * is refused naming the holder; a lock whose process is gone is reported with the command that clears it.
 */
public final class RunLock {
  private static final String ROW = "lock";

  private final HistoryTable table;

  public RunLock(HistoryTable table) {
    this.table = table;
  }

  /** Who holds the lock. */
  public static final class Holder {
    public final String run;
    public final String host;
    public final long pid;
    public final String started;
    public final String user;

    Holder(Map<String, String> fields) {
      this.run = fields.get("run");
      this.host = fields.get("host");
      this.user = fields.containsKey("user") ? fields.get("user") : "?";
      this.pid = Long.parseLong(fields.getOrDefault("pid", "-1"));
      this.started = fields.get("started");
    }

    /** Alive unless it ran on this host and its process is gone (another host's process cannot be checked). */
    public boolean alive() {
      return !host().equals(host) || Processes.isAlive(pid);
    }

    @Override
    public String toString() {
      return "run " + run + " (" + user + "@" + host + ", pid " + pid + ", since " + started + ")";
    }
  }

  /** Thrown when the lock is held. */
  public static final class LockedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LockedException(String message) {
      super(message);
    }
  }

  public static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown-host";
    }
  }

  public Optional<Holder> holder() throws IOException {
    Map<String, String> fields = table.get(ROW);
    return fields.isEmpty() ? Optional.empty() : Optional.of(new Holder(fields));
  }

  public void acquire(String runId) throws IOException {
    if (!table.putIfAbsent(ROW, "run", lease(runId))) {
      throw refusal();
    }
  }

  /**
   * For resume and rollback: takes the lock from a run whose process is gone, or acquires a free one. A lock
   * whose holder is alive is never taken, whichever run it names.
   */
  public void takeOver(String runId) throws IOException {
    Optional<Holder> current = holder();
    if (!current.isPresent()) {
      acquire(runId);
      return;
    }
    Holder h = current.get();
    if (!h.alive()) {
      if (!table.replaceIf(ROW, "run", h.run, lease(runId))) {
        throw refusal();
      }
      return;
    }
    throw refusal();
  }

  /** Refuses {@code what} (e.g. replacing the table's content) while any run holds the lock. */
  public void requireFree(String what) throws IOException {
    if (holder().isPresent()) {
      LockedException refusal = refusal();
      throw new LockedException(what + " is refused: " + refusal.getMessage());
    }
  }

  public void release(String runId) throws IOException {
    table.deleteIf(ROW, "run", runId);
  }

  /** {@code unlock --run ID}: clears the lock of a run whose process is gone; refused while it is alive. */
  public void unlock(String runId) throws IOException {
    Holder h = holder().orElseThrow(() -> new LockedException("no run holds the lock"));
    if (!h.run.equals(runId)) {
      throw new LockedException("the lock is held by " + h + ", not by run " + runId);
    }
    if (h.alive()) {
      throw new LockedException("run " + runId + " is still alive (" + h + "); unlock is refused while it runs");
    }
    table.deleteIf(ROW, "run", runId);
  }

  private LockedException refusal() throws IOException {
    Holder h = holder().orElse(null);
    if (h == null) {
      return new LockedException("the run lock changed hands while it was taken; try again");
    }
    if (h.alive()) {
      return new LockedException("another run holds the lock: " + h + " is still running; wait for it to finish");
    }
    return new LockedException("the lock is held by " + h + " whose process is gone (killed?); `kylin-upgrade resume` "
        + "finishes that run and `kylin-upgrade rollback` undoes it (either takes the lock over), or clear the lock with "
        + "`kylin-upgrade unlock --run " + h.run + "` (same cluster options)");
  }

  private static Map<String, String> lease(String runId) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("run", runId);
    fields.put("host", host());
    fields.put("pid", Long.toString(Processes.currentPid()));
    fields.put("user", System.getProperty("user.name", "?"));
    fields.put("started", Instant.now().toString());
    return fields;
  }
}
