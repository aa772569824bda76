package org.kylinupgrade.hybrid;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import org.kylinupgrade.hybrid.v15.ProjectInstance;
import org.kylinupgrade.metadata.BadInputException;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.rules.V2Entities;
import org.kylinupgrade.rules.v2.RealizationEntry;

/**
 * Kylin 1.5.4.1's {@code ProjectManager.moveRealizationToProject} for the old cube and the hybrid: an entry of that
 * type and name is removed from every project that lists it, then appended to the target project, which is re-saved
 * in the 1.5 format. Kylin's project manager loads every project or none: one it cannot load makes the tool fail
 * half-way, so here it is refused up front.
 */
final class ProjectMoves15 {
  private final List<Resource> projects;
  private final List<ProjectInstance> loaded = new ArrayList<ProjectInstance>();

  ProjectMoves15(List<Resource> projects) {
    this.projects = projects;
    for (Resource project : projects) {
      loaded.add(read(project));
    }
  }

  /** The target project, found by name case-insensitively as Kylin finds it; bad input when there is none. */
  Resource target(String name) {
    List<String> names = new ArrayList<String>();
    for (int i = 0; i < projects.size(); i++) {
      if (name.equalsIgnoreCase(loaded.get(i).name)) {
        return projects.get(i);
      }
      names.add(loaded.get(i).name);
    }
    throw new BadInputException("unknown project '" + name + "'; the projects are " + names);
  }

  ProjectInstance instance(Resource project) {
    return loaded.get(projects.indexOf(project));
  }

  /** The projects that change, each re-saved as Kylin 1.5 writes it, target last. */
  List<Resource> move(Resource target, List<RealizationEntry> entries, long now) {
    List<Resource> changed = new ArrayList<Resource>();
    for (int i = 0; i < projects.size(); i++) {
      Resource project = projects.get(i);
      if (project != target && removeAll(loaded.get(i), entries)) {
        changed.add(write(project, loaded.get(i), now));
      }
    }
    ProjectInstance instance = instance(target);
    removeAll(instance, entries);
    instance.realizations.addAll(entries);
    changed.add(write(target, instance, now));
    return changed;
  }

  /** Bound as Kylin 1.5 binds it, then {@code ProjectInstance.init()}. */
  private static ProjectInstance read(Resource project) {
    ProjectInstance instance;
    try {
      instance = V2Entities.read(project, ProjectInstance.class);
    } catch (BadInputException e) {
      throw unloadable(project, e.getMessage());
    }
    if (instance.name == null) {
      instance.name = "DEFAULT";
    }
    if (instance.realizations == null) {
      instance.realizations = new ArrayList<RealizationEntry>();
    }
    if (instance.tables == null) {
      instance.tables = new TreeSet<String>();
    }
    if (instance.name.trim().isEmpty()) {
      throw unloadable(project, "Project name must not be blank");
    }
    for (RealizationEntry entry : instance.realizations) {
      if (entry == null || entry.realization == null) {
        throw unloadable(project, "a realization entry is null or names no realization (Kylin fails on it when it "
            + "looks the old cube up)");
      }
    }
    return instance;
  }

  private static BadInputException unloadable(Resource project, String why) {
    return new BadInputException(project.path() + ": Kylin 1.5's project manager cannot load it (" + why + "), and "
        + "Kylin's tool would fail half-way on it; fix or remove the project first");
  }

  private static boolean removeAll(ProjectInstance project, List<RealizationEntry> entries) {
    boolean removed = false;
    for (Iterator<RealizationEntry> it = project.realizations.iterator(); it.hasNext();) {
      RealizationEntry entry = it.next();
      for (RealizationEntry x : entries) {
        if (entry.is(x.type, x.realization)) {
          it.remove();
          removed = true;
          break;
        }
      }
    }
    return removed;
  }

  private static Resource write(Resource project, ProjectInstance instance, long now) {
    instance.lastModified = now;
    return project.withContent(V2Entities.write(instance), now);
  }
}
