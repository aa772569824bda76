package org.kylinupgrade.launcher.submit;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.kylinupgrade.jobs.OutputRelay;

/**
 * Follows what a driver in the cluster (YARN cluster mode) prints, which only its container's log would have: the
 * driver relays its lines to a file on the cluster's file system ({@link OutputRelay}) and this polls that file,
 * handing over each complete line, until it is closed; then the file is deleted.
 */
final class RelayedOutput implements AutoCloseable {
  /** Where relay files go on the cluster's default file system unless {@value #DIR_ENV} names another folder. */
  static final String DEFAULT_DIR = "/tmp/kylin-upgrade-relay";
  static final String DIR_ENV = "KYLIN_UPGRADE_RELAY_DIR";
  static final long POLL_MS = 1000;

  private final FileSystem fs;
  private final Path file;
  private final Consumer<String> lines;
  private final Thread follower;
  private final LineAssembler assembler;
  private volatile boolean stopping;
  private boolean closed;
  private long offset;
  private boolean readFailed;

  private RelayedOutput(FileSystem fs, Path file, Consumer<String> lines) {
    this.fs = fs;
    this.file = file;
    this.lines = lines;
    this.assembler = new LineAssembler(lines);
    this.follower = new Thread(this::follow, "relayed output of " + file.getName());
    this.follower.setDaemon(true);
  }

  /**
   * A relay for a job named {@code name}, in a fresh file under the relay folder of the cluster that
   * {@code HADOOP_CONF_DIR} (or {@code YARN_CONF_DIR}) of {@code env} describes. Not started: {@link #file} is to be
   * handed to the driver first.
   *
   * @throws IOException when there is no cluster file system to relay through, or the folder cannot be made
   */
  static RelayedOutput create(String name, Map<String, String> env, Consumer<String> lines) throws IOException {
    Configuration conf = new Configuration();
    String confDir = env.getOrDefault("HADOOP_CONF_DIR", env.get("YARN_CONF_DIR"));
    if (confDir != null) {
      for (String site : new String[] {"core-site.xml", "hdfs-site.xml"}) {
        java.nio.file.Path xml = java.nio.file.Path.of(confDir, site);
        if (java.nio.file.Files.isRegularFile(xml)) {
          conf.addResource(new Path(xml.toUri()));
        }
      }
    }
    String dir = env.get(DIR_ENV);
    FileSystem fs = new Path(dir != null ? dir : DEFAULT_DIR).getFileSystem(conf);
    if (dir == null && fs instanceof LocalFileSystem) {
      throw new IOException("no cluster file system: HADOOP_CONF_DIR names none (set " + DIR_ENV
          + " to a folder the driver and this host both reach)");
    }
    Path folder = fs.makeQualified(new Path(dir != null ? dir : DEFAULT_DIR));
    if (!fs.exists(folder)) {
      fs.mkdirs(folder);
      // every user's drivers write here, as in /tmp; each file is its owner's alone
      fs.setPermission(folder, new FsPermission((short) 01777));
    }
    String safeName = name.replaceAll("[^A-Za-z0-9._-]", "_");
    return new RelayedOutput(fs, new Path(folder, safeName + "-" + UUID.randomUUID() + ".out"), lines);
  }

  /** The file the driver is to relay to. */
  String file() {
    return file.toString();
  }

  void start() {
    follower.start();
  }

  private void follow() {
    while (true) {
      boolean last = stopping;
      readNew();
      if (last) {
        break;
      }
      try {
        for (long waited = 0; waited < POLL_MS && !stopping; waited += 50) {
          Thread.sleep(50);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    assembler.finish();
  }

  /** What was relayed since the last read; a file under construction is read up to what its writer made visible. */
  private void readNew() {
    try {
      if (!fs.exists(file)) {
        return;
      }
      byte[] buffer = new byte[8192];
      try (FSDataInputStream in = fs.open(file)) {
        in.seek(offset);
        int n;
        while ((n = in.read(buffer)) > 0) {
          offset += n;
          assembler.add(buffer, n);
        }
      }
    } catch (IOException e) {
      if (!readFailed) {
        readFailed = true;
        lines.accept("(could not read the driver's relayed output " + file + ": " + e + ")");
      }
    }
  }

  /** Reads what is left, stops and deletes the file; again, nothing. */
  @Override
  public void close() throws InterruptedException {
    if (closed) {
      return;
    }
    closed = true;
    stopping = true;
    if (follower.isAlive()) {
      follower.join(10_000);
    } else {
      readNew();
    }
    try {
      fs.delete(file, false);
    } catch (IOException e) {
      lines.accept("(could not delete " + file + ": " + e + ")");
    }
  }
}
