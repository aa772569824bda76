package org.kylinupgrade.jobs;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.kylinupgrade.conf.Secrets;

/**
 * The job's output relayed to a file the launcher follows, for a driver that runs in the cluster (YARN cluster mode),
 * whose standard output only reaches the container's log: the launcher names the file in {@link #ENV} (a path on the
 * cluster's file system), and every line the job prints goes there as well, secrets masked, made visible to readers as
 * soon as it is written. A progress line rewritten in place ({@code \r}) is relayed as a line of its own.
 */
public final class OutputRelay implements Closeable {
  /** The environment variable that names the file; the launcher sets it for the driver. */
  public static final String ENV = "KYLIN_UPGRADE_RELAY";

  private final FSDataOutputStream file;
  private boolean broken;

  private OutputRelay(FSDataOutputStream file) {
    this.file = file;
  }

  /** A new relay file at {@code uri}, readable by its owner only (it holds what the job prints). */
  public static OutputRelay create(String uri, Configuration conf) throws IOException {
    Path path = new Path(uri);
    FileSystem fs = path.getFileSystem(conf);
    if (fs instanceof LocalFileSystem) {
      // the checksummed local file system keeps a partial chunk back from a flush
      fs = ((LocalFileSystem) fs).getRawFileSystem();
    }
    FSDataOutputStream out = fs.create(path, new FsPermission((short) 0600), true,
        conf.getInt("io.file.buffer.size", 4096), fs.getDefaultReplication(path), fs.getDefaultBlockSize(path), null);
    return new OutputRelay(out);
  }

  /** Relays one line. A relay that failed once stops relaying: the job's own output goes on. */
  public synchronized void line(String line) {
    if (broken) {
      return;
    }
    try {
      file.write((Secrets.redact(line) + "\n").getBytes(StandardCharsets.UTF_8));
      file.hflush();
    } catch (IOException e) {
      broken = true;
    }
  }

  /** A stream that writes to {@code target} and relays each line written to it. */
  public PrintStream tee(PrintStream target) {
    return new PrintStream(new LineTee(target), true);
  }

  @Override
  public synchronized void close() throws IOException {
    file.close();
  }

  /** Bytes to the target as they come; each line, ended by {@code \n} or {@code \r}, to the relay. */
  private final class LineTee extends OutputStream {
    private final PrintStream target;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    LineTee(PrintStream target) {
      this.target = target;
    }

    @Override
    public void write(int b) {
      target.write(b);
      take(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      target.write(b, off, len);
      for (int i = off; i < off + len; i++) {
        take(b[i]);
      }
    }

    @Override
    public void flush() {
      target.flush();
    }

    private synchronized void take(int b) {
      if (b != '\n' && b != '\r') {
        pending.write(b);
        return;
      }
      String text = new String(pending.toByteArray(), StandardCharsets.UTF_8);
      pending.reset();
      String trimmed = text.replaceAll("\\s+$", "");
      // what wipes a progress line in place is blanks between two carriage returns, not a line of the job's
      if (b == '\r' && trimmed.isEmpty()) {
        return;
      }
      line(trimmed);
    }
  }
}
