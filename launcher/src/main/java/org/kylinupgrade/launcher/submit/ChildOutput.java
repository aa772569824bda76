package org.kylinupgrade.launcher.submit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Follows the file a child process writes its output to, handing over each complete line as it appears. */
final class ChildOutput implements AutoCloseable {
  private final Path file;
  private final Consumer<String> lines;
  private final Thread follower;
  private volatile boolean stopping;

  ChildOutput(Path file, Consumer<String> lines) {
    this.file = file;
    this.lines = lines;
    this.follower = new Thread(this::follow, "output of " + file.getFileName());
    this.follower.setDaemon(true);
    this.follower.start();
  }

  private void follow() {
    LineAssembler assembler = new LineAssembler(lines);
    byte[] buffer = new byte[8192];
    try (InputStream in = Files.newInputStream(file)) {
      while (true) {
        int n = in.read(buffer);
        if (n < 0) {
          if (stopping) {
            break;
          }
          Thread.sleep(100);
          continue;
        }
        assembler.add(buffer, n);
      }
      assembler.finish();
    } catch (IOException e) {
      lines.accept("(could not read the job's output: " + e + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Reads what is left, then stops. */
  @Override
  public void close() throws InterruptedException {
    stopping = true;
    follower.join(10_000);
  }
}
