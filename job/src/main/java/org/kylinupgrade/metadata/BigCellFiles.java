package org.kylinupgrade.metadata;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;

/**
 * Moves a run's big-cell files: staged new content into Kylin's place, the replaced content into the run's
 * backup, and back again on rollback. Every operation can be repeated after a crash.
 */
public final class BigCellFiles {
  private final Configuration conf;
  private final MetadataUrl url;
  private final String workingDir;

  public BigCellFiles(Configuration conf, MetadataUrl url, String workingDir) {
    this.conf = conf;
    this.url = url;
    this.workingDir = workingDir;
  }

  private FileSystem fs() throws IOException {
    return FileSystems.open(URI.create(workingDir), conf);
  }

  /** For each path: back up the live file (once), then move the staged file into the live place. */
  public void moveIntoPlace(List<String> paths, String stagedDir, String backupDir) throws IOException {
    try (FileSystem fs = fs()) {
      for (String path : paths) {
        Path staged = new Path(stagedDir + path);
        Path live = new Path(url.bigCellPath(workingDir, path));
        Path backup = new Path(backupDir + path);
        if (!fs.exists(staged)) {
          continue;
        }
        if (fs.exists(live) && !fs.exists(backup)) {
          fs.mkdirs(backup.getParent());
          FileUtil.copy(fs, live, fs, backup, false, conf);
        }
        fs.delete(live, false);
        fs.mkdirs(live.getParent());
        if (!fs.rename(staged, live)) {
          throw new IOException("could not move " + staged + " to " + live);
        }
      }
    }
  }

  /**
   * Undoes {@link #moveIntoPlace}: backed-up files go back; a path still staged was never moved, so its live
   * file is the original; a moved path without a backup had no big-cell file before, so its file goes.
   */
  public void restore(List<String> paths, String stagedDir, String backupDir) throws IOException {
    try (FileSystem fs = fs()) {
      for (String path : paths) {
        Path live = new Path(url.bigCellPath(workingDir, path));
        Path backup = new Path(backupDir + path);
        if (fs.exists(backup)) {
          fs.delete(live, false);
          fs.mkdirs(live.getParent());
          FileUtil.copy(fs, backup, fs, live, false, conf);
        } else if (!fs.exists(new Path(stagedDir + path))) {
          fs.delete(live, false);
        }
      }
    }
  }

  /**
   * Keeps a copy of each path's live file under {@code backupDir} (once: a copy already there is the older one), so
   * that {@link #restore} with no staged file puts it back, or deletes a file that did not exist.
   */
  public void saveLive(List<String> paths, String backupDir) throws IOException {
    try (FileSystem fs = fs()) {
      for (String path : paths) {
        Path live = new Path(url.bigCellPath(workingDir, path));
        Path backup = new Path(backupDir + path);
        if (fs.exists(live) && !fs.exists(backup)) {
          fs.mkdirs(backup.getParent());
          FileUtil.copy(fs, live, fs, backup, false, conf);
        }
      }
    }
  }

  /** Kylin's big-cell folder of this metadata table: {@code <working dir>/<prefix>/resources}. */
  public String resourcesDir() {
    return url.metadataWorkingDir(workingDir) + "resources";
  }

  /** Copies a folder tree (nothing when {@code from} does not exist); returns the number of files copied. */
  public long copyTree(String from, String to) throws IOException {
    try (FileSystem fs = fs()) {
      Path source = new Path(from);
      if (!fs.exists(source)) {
        return 0;
      }
      fs.delete(new Path(to), true);
      fs.mkdirs(new Path(to).getParent());
      FileUtil.copy(fs, source, fs, new Path(to), false, conf);
      long files = 0;
      org.apache.hadoop.fs.RemoteIterator<org.apache.hadoop.fs.LocatedFileStatus> it = fs.listFiles(new Path(to), true);
      while (it.hasNext()) {
        it.next();
        files++;
      }
      return files;
    }
  }

  public boolean exists(String dir) throws IOException {
    try (FileSystem fs = fs()) {
      return fs.exists(new Path(dir));
    }
  }

  public void deleteDir(String dir) throws IOException {
    try (FileSystem fs = fs()) {
      fs.delete(new Path(dir), true);
    }
  }
}
