package org.kylinupgrade.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The output folders of timed runs: a new one for every run, all deleted when the bench is done. Deleting a tree of
 * thousands of files slows this machine's next few seconds: the 1,600-desc upgrade (4,804 files) took 3.5–3.9 s right
 * after the last run's output was deleted, and 2.89–2.96 s writing into new folders with nothing deleted in between.
 */
final class RunFolders {
  private final Path work;
  private final String name;
  private final List<Path> made = new ArrayList<>();

  RunFolders(Path work, String name) {
    this.work = work;
    this.name = name;
  }

  /** A folder no run has written yet (left over from an earlier bench, it is deleted first). */
  Path next() throws IOException {
    Path out = work.resolve(name + "-" + made.size());
    Folders.deleteIfExists(out);
    made.add(out);
    return out;
  }

  void deleteAll() throws IOException {
    for (Path out : made) {
      Folders.deleteIfExists(out);
    }
  }
}
