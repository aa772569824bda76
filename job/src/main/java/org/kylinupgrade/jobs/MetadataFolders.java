package org.kylinupgrade.jobs;

import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.kylinupgrade.metadata.BadInputException;
import org.kylinupgrade.metadata.FolderStore;

/** The check that a folder given to a command is a Kylin metadata folder at all. */
final class MetadataFolders {
  private static final List<String> METADATA_ROOTS = List.of("cube", "cube_desc", "model_desc", "project", "table");

  private MetadataFolders() {
  }

  /** Refuses a missing folder, or one with none of Kylin's metadata roots; {@code option} names it in messages. */
  static void requireMetadataFolder(String location, Configuration conf, String option) throws IOException {
    try (FolderStore folder = new FolderStore(location, conf)) {
      if (!folder.isDirectory()) {
        throw new BadInputException(option + " " + location + " does not exist or is not a directory");
      }
      for (String root : METADATA_ROOTS) {
        if (folder.fileSystem().isDirectory(new Path(folder.root(), root))) {
          return;
        }
      }
      throw new BadInputException(option + " " + location + " is not a Kylin metadata folder (none of "
          + String.join(", ", METADATA_ROOTS) + " is there)");
    }
  }
}
