package org.kylinupgrade.hybrid;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.kylinupgrade.metadata.BadInputException;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.rules.V2Entities;
import org.kylinupgrade.rules.v2.ProjectInstance;
import org.kylinupgrade.rules.v2.RealizationEntry;

/**
 * Kylin's {@code ProjectManager.moveRealizationToProject} for the old cube and the hybrid: an entry of that type and
 * name is removed from every project that lists it, then appended to the target project, which is re-saved.
 */
final class ProjectMoves {
  private final List<Resource> projects;

  ProjectMoves(List<Resource> projects) {
    this.projects = projects;
  }

  /** The target project, found by name case-insensitively as Kylin finds it; bad input when there is none. */
  Resource target(String name) {
    for (Resource project : projects) {
      ProjectInstance instance = readOrNull(project);
      if (instance != null && name.equalsIgnoreCase(instance.name)) {
        return project;
      }
    }
    throw new BadInputException("unknown project '" + name + "'; the projects are "
        + projects.stream().map(ProjectMoves::nameOf).collect(Collectors.toList()));
  }

  /** The projects that change, each re-saved as Kylin writes it, target last. */
  List<Resource> move(Resource target, List<RealizationEntry> entries, long now) {
    List<Resource> changed = new ArrayList<>();
    for (Resource project : projects) {
      if (project == target) {
        continue;
      }
      ProjectInstance instance = readOrNull(project);
      if (instance != null && removeAll(instance, entries)) {
        changed.add(write(project, instance, now));
      }
    }
    ProjectInstance instance = read(target);
    removeAll(instance, entries);
    instance.realizations.addAll(entries);
    changed.add(write(target, instance, now));
    return changed;
  }

  static ProjectInstance read(Resource project) {
    ProjectInstance instance = V2Entities.read(project, ProjectInstance.class);
    // ProjectInstance.init()
    if (instance.name == null) {
      instance.name = "DEFAULT";
    }
    if (instance.realizations == null) {
      instance.realizations = new ArrayList<>();
    }
    if (instance.tables == null) {
      instance.tables = new TreeSet<>();
    }
    if (instance.realizations.contains(null)) {
      throw new BadInputException(project.path() + ": a realization entry is null; Kylin v2 cannot load the project");
    }
    return instance;
  }

  /** A project Kylin v2 cannot load is not in its project manager: it neither is found nor changes. */
  private static ProjectInstance readOrNull(Resource project) {
    try {
      return read(project);
    } catch (BadInputException e) {
      return null;
    }
  }

  private static String nameOf(Resource project) {
    ProjectInstance instance = readOrNull(project);
    return instance != null ? instance.name : project.path();
  }

  private static boolean removeAll(ProjectInstance project, List<RealizationEntry> entries) {
    return project.realizations.removeIf(e -> entries.stream().anyMatch(x -> e.is(x.type, x.realization)));
  }

  private static Resource write(Resource project, ProjectInstance instance, long now) {
    instance.lastModified = now;
    return project.withContent(V2Entities.write(instance), now);
  }
}
