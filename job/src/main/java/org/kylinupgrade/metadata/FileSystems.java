package org.kylinupgrade.metadata;

import java.io.IOException;
import java.net.URI;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.RawLocalFileSystem;

/** Hadoop file systems for metadata files: local paths go through the raw local FS (no {@code .crc} side files). */
public final class FileSystems {
  private FileSystems() {
  }

  /** A new (caller-closed) file system for {@code uri}; a URI without scheme or with {@code file:} is local. */
  public static FileSystem open(URI uri, Configuration conf) throws IOException {
    if (uri.getScheme() == null || uri.getScheme().equals("file")) {
      RawLocalFileSystem local = new RawLocalFileSystem();
      local.initialize(URI.create("file:///"), conf);
      return local;
    }
    return FileSystem.newInstance(uri, conf);
  }
}
