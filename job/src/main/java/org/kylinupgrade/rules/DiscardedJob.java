package org.kylinupgrade.rules;

import java.io.Serializable;
import java.util.List;

/** A cube build job that a purge discarded: its state before, and the steps discarded with it. */
public record DiscardedJob(String id, String cubeName, String previousStatus, List<String> discardedSteps)
    implements Serializable {
  public DiscardedJob {
    discardedSteps = List.copyOf(discardedSteps);
  }
}
