package org.kylinupgrade.hbase;

import java.io.Closeable;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.util.Bytes;
import org.apache.hadoop.io.IOUtils;
import org.kylinupgrade.metadata.BadInputException;
import org.kylinupgrade.metadata.FileSystems;
import org.kylinupgrade.metadata.MetadataUrl;
import org.kylinupgrade.metadata.Resource;

/** Reads metadata rows as resources: an empty {@code f:c} means the content is a file under the working dir. */
final class BigCells implements Closeable {
  private final Configuration conf;
  private FileSystem fs;
  private final boolean ownsFs;
  private final MetadataUrl url;
  private final String workingDir;
  private final String preferredDir;

  BigCells(FileSystem fs, MetadataUrl url, String workingDir) {
    this.conf = null;
    this.fs = fs;
    this.ownsFs = false;
    this.url = url;
    this.workingDir = workingDir;
    this.preferredDir = null;
  }

  /** {@code preferredDir}: when not null, a big cell's file is looked for there first ({@code preferredDir + path}). */
  BigCells(Configuration conf, MetadataUrl url, String workingDir, String preferredDir) {
    this.conf = conf;
    this.ownsFs = true;
    this.url = url;
    this.workingDir = workingDir;
    this.preferredDir = preferredDir;
  }

  Path fileOf(String resourcePath) {
    return new Path(url.bigCellPath(workingDir, resourcePath));
  }

  Resource toResource(Result row) throws IOException {
    String path = Bytes.toString(row.getRow());
    byte[] content = row.getValue(HBaseStore.FAMILY, HBaseStore.CONTENT);
    byte[] ts = row.getValue(HBaseStore.FAMILY, HBaseStore.TIMESTAMP);
    long timestamp = ts == null ? 0L : Bytes.toLong(ts);
    if (content == null || content.length == 0) {
      content = read(path);
    }
    return new Resource(path, content, timestamp);
  }

  private byte[] read(String path) throws IOException {
    if (fs == null) {
      // opened on the first big cell: most partitions of a metadata table hold none
      fs = FileSystems.open(URI.create(workingDir), conf);
    }
    Path file = fileOf(path);
    if (preferredDir != null && fs.exists(new Path(preferredDir + path))) {
      file = new Path(preferredDir + path);
    }
    try {
      long len = fs.getFileStatus(file).getLen();
      byte[] bytes = new byte[Math.toIntExact(len)];
      try (InputStream in = fs.open(file)) {
        IOUtils.readFully(in, bytes, 0, bytes.length);
      }
      return bytes;
    } catch (FileNotFoundException e) {
      throw new BadInputException("table " + url.tableName() + ": resource " + path + " is a big cell (empty f:c) but its "
          + "content file " + file + " is missing; restore it from a backup of the working dir", e);
    }
  }

  @Override
  public void close() throws IOException {
    if (ownsFs && fs != null) {
      fs.close();
    }
  }
}
