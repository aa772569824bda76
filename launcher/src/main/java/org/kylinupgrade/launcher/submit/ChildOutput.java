package org.kylinupgrade.launcher.submit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
    ByteArrayOutputStream line = new ByteArrayOutputStream();
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
        for (int i = 0; i < n; i++) {
          if (buffer[i] == '\n') {
            lines.accept(line.toString(StandardCharsets.UTF_8).stripTrailing());
            line.reset();
          } else {
            line.write(buffer[i]);
          }
        }
      }
      if (line.size() > 0) {
        lines.accept(line.toString(StandardCharsets.UTF_8).stripTrailing());
      }
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
