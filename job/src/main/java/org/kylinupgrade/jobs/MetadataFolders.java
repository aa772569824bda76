package org.kylinupgrade.jobs;

import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.kylinupgrade.metadata.BadInputException;
import org.kylinupgrade.metadata.FolderStore;

/** The check that a folder given to a command is a Kylin metadata folder at all. */
final class MetadataFolders {
  private static final List<String> METADATA_ROOTS = org.kylinupgrade.util.Immutables.listOf("cube", "cube_desc", "model_desc", "project", "table");

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

  /**
   * Refuses an output folder that is the input folder or lies inside it: the run would read what it writes, and the
   * input would no longer be the metadata it was. Local paths are compared after links and {@code ..} are resolved.
   */
  static void requireOutsideOf(String out, String outOption, String in, String inOption, Configuration conf)
      throws IOException {
    try (FolderStore outFolder = new FolderStore(out, conf); FolderStore inFolder = new FolderStore(in, conf)) {
      java.net.URI outUri = outFolder.root().toUri();
      java.net.URI inUri = inFolder.root().toUri();
      if (!java.util.Objects.equals(outUri.getScheme(), inUri.getScheme())
          || !java.util.Objects.equals(outUri.getAuthority(), inUri.getAuthority())) {
        return;
      }
      String outPath = comparable(outFolder, outUri);
      String inPath = comparable(inFolder, inUri);
      if (outPath.equals(inPath) || outPath.startsWith(inPath.endsWith("/") ? inPath : inPath + "/")) {
        throw new BadInputException(outOption + " " + out + " is inside " + inOption + " " + in
            + "; name an output folder outside the input folder");
      }
    }
  }

  private static String comparable(FolderStore folder, java.net.URI uri) {
    if (folder.fileSystem() instanceof org.apache.hadoop.fs.RawLocalFileSystem) {
      return realPath(java.nio.file.Paths.get(uri).toAbsolutePath().normalize()).toString();
    }
    return new Path(uri.getPath()).toString();
  }

  /** The path with every link in its longest existing prefix resolved. */
  private static java.nio.file.Path realPath(java.nio.file.Path path) {
    java.nio.file.Path existing = path;
    java.util.Deque<String> rest = new java.util.ArrayDeque<String>();
    while (existing != null && !java.nio.file.Files.exists(existing)) {
      if (existing.getFileName() != null) {
        rest.push(existing.getFileName().toString());
      }
      existing = existing.getParent();
    }
    if (existing == null) {
      return path;
    }
    java.nio.file.Path real;
    try {
      real = existing.toRealPath();
    } catch (IOException e) {
      real = existing;
    }
    for (String name : rest) {
      real = real.resolve(name);
    }
    return real;
  }

  /**
   * Refuses an output folder that cannot be created as a folder: it or the nearest of its parents that exists is
   * a file.
   */
  static void requireCreatableFolder(String location, Configuration conf, String option) throws IOException {
    try (FolderStore folder = new FolderStore(location, conf)) {
      org.apache.hadoop.fs.FileSystem fs = folder.fileSystem();
      for (Path p = folder.root(); p != null; p = p.getParent()) {
        org.apache.hadoop.fs.FileStatus status;
        try {
          status = fs.getFileStatus(p);
        } catch (java.io.FileNotFoundException e) {
          continue;
        } catch (org.apache.hadoop.fs.ParentNotDirectoryException e) {
          continue;
        }
        if (!status.isDirectory()) {
          throw new BadInputException(option + " " + location + ": " + (p.equals(folder.root()) ? "it"
              : p.toUri().getPath()) + " is a file, not a folder; name a folder that can be created");
        }
        return;
      }
    }
  }
}
