package org.kylinupgrade.metadata;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One entry of Kylin's resource store: a normalised path, its bytes and its store timestamp
 * (epoch ms; HBase {@code f:t}, a folder file's mtime).
 */
public final class Resource implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String path;
  private final byte[] content;
  private final long timestamp;
  /** Read from the path once: every stage filters by it, and the path is normalised already. */
  private transient String type;

  public Resource(String path, byte[] content, long timestamp) {
    this.path = ResourcePaths.normalise(path);
    this.content = Objects.requireNonNull(content, "content");
    this.timestamp = timestamp;
  }

  public static Resource ofText(String path, String json, long timestamp) {
    return new Resource(path, json.getBytes(StandardCharsets.UTF_8), timestamp);
  }

  public String path() {
    return path;
  }

  /** The bytes themselves (not copied: resources are passed around in bulk, callers must not mutate). */
  public byte[] content() {
    return content;
  }

  public long timestamp() {
    return timestamp;
  }

  public String text() {
    return new String(content, StandardCharsets.UTF_8);
  }

  /** The first path element: {@code cube}, {@code cube_desc}, ...; {@code (root)} for top-level files. */
  public String type() {
    String t = type;
    if (t == null) {
      t = ResourcePaths.typeOfNormalised(path);
      type = t;
    }
    return t;
  }

  public Resource withContent(byte[] newContent, long newTimestamp) {
    return new Resource(path, newContent, newTimestamp);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Resource)) {
      return false;
    }
    Resource other = (Resource) o;
    return timestamp == other.timestamp && path.equals(other.path) && Arrays.equals(content, other.content);
  }

  @Override
  public int hashCode() {
    return Objects.hash(path, timestamp, Arrays.hashCode(content));
  }

  @Override
  public String toString() {
    return path + " (" + content.length + " bytes, ts " + timestamp + ")";
  }
}
