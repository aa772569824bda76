package org.kylinupgrade.rules;

import java.io.Serializable;
import java.util.List;

/** A cube build job ({@code /execute/<id>}, a {@code CubingJob}): its id, its cube and the ids of its steps. */
public record CubingJobRef(String id, String cubeName, List<String> stepIds) implements Serializable {
  public CubingJobRef {
    stepIds = List.copyOf(stepIds);
  }
}
