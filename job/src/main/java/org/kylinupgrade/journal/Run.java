package org.kylinupgrade.journal;

import java.util.LinkedHashMap;
import java.util.Map;

/** One run's journal record: what it is, where it stands, what it created. */
public final class Run {
  public enum Status { RUNNING, DONE, NOTHING_TO_DO, ABORTED, FAILED, ROLLED_BACK }

  private final Map<String, String> fields;

  Run(Map<String, String> fields) {
    this.fields = new LinkedHashMap<>(fields);
  }

  public String id() {
    return fields.get("id");
  }

  public String command() {
    return fields.getOrDefault("command", "upgrade");
  }

  public Status status() {
    return Status.valueOf(fields.getOrDefault("status", Status.RUNNING.name()));
  }

  public Step step() {
    return Step.valueOf(fields.getOrDefault("step", Step.STARTED.name()));
  }

  public String get(String field) {
    return fields.get(field);
  }

  public long getLong(String field) {
    String v = fields.get(field);
    return v == null || v.isEmpty() ? 0L : Long.parseLong(v);
  }

  public boolean unfinished() {
    return status() == Status.RUNNING;
  }

  public Map<String, String> fields() {
    return Map.copyOf(fields);
  }

  @Override
  public String toString() {
    return command() + " run " + id() + " (" + status() + ", last step " + step() + ", started " + fields.get("started")
        + " by " + fields.get("user") + "@" + fields.get("host") + ")";
  }
}
