package org.kylinupgrade.hbase;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.kylinupgrade.metadata.MetadataUrl;

/**
 * The coprocessor folder under the working dir ({@code <working dir>/<prefix>/coprocessor}, Kylin's
 * {@code DeployCoprocessorCLI}): a jar is uploaded as {@code <name>-<i>.jar} with the smallest free {@code i}
 * and its local mtime, unless a jar with the same content is already there, which is reused. Kylin compares
 * size and mtime; here the content checksum decides. Old jars are never deleted (tables may still use them).
 */
public final class CoprocessorJars {
  private final FileSystem fs;
  private final Path folder;

  /** A jar in the folder: its fully qualified path, and whether an equal copy was already there. */
  public static final class Deployed {
    private final String path;
    private final boolean reused;

    public Deployed(String path, boolean reused) {
      this.path = path;
      this.reused = reused;
    }

    public String path() {
      return path;
    }

    public boolean reused() {
      return reused;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Deployed && ((Deployed) o).path.equals(path) && ((Deployed) o).reused == reused;
    }

    @Override
    public int hashCode() {
      return path.hashCode() * 31 + (reused ? 1 : 0);
    }

    @Override
    public String toString() {
      return "Deployed[path=" + path + ", reused=" + reused + "]";
    }
  }

  public CoprocessorJars(FileSystem fs, String workingDir, MetadataUrl url) {
    this.fs = fs;
    this.folder = fs.makeQualified(new Path(url.metadataWorkingDir(workingDir) + "coprocessor"));
  }

  public Path folder() {
    return folder;
  }

  /** Where {@link #upload} would put the jar, without writing anything (for a dry run). */
  public Deployed plan(File localJar, Collection<String> jarsInUse) throws IOException {
    byte[] checksum = checksum(localJar);
    Path equal = equalCopy(localJar.length(), checksum);
    if (equal != null) {
      return new Deployed(equal.toString(), true);
    }
    return new Deployed(new Path(folder, freeName(localJar, jarsInUse)).toString(), false);
  }

  /**
   * Uploads the jar (or finds an equal copy) and checks the copy reads back with the local jar's checksum.
   * {@code jarsInUse}: jar paths the tables already reference, whose names a new copy must not take.
   */
  public Deployed upload(File localJar, Collection<String> jarsInUse) throws IOException {
    byte[] checksum = checksum(localJar);
    Path equal = equalCopy(localJar.length(), checksum);
    if (equal != null) {
      requireEqual(equal, checksum);
      return new Deployed(equal.toString(), true);
    }
    fs.mkdirs(folder);
    Path target = new Path(folder, freeName(localJar, jarsInUse));
    // written under a hidden name first: a half-copied jar must never carry a name a table could reference
    Path partial = new Path(folder, "." + target.getName() + ".uploading");
    fs.copyFromLocalFile(false, true, new Path(localJar.getAbsoluteFile().toURI()), partial);
    if (!fs.rename(partial, target)) {
      fs.delete(partial, false);
      throw new IOException("cannot rename " + partial + " to " + target);
    }
    fs.setTimes(target, localJar.lastModified(), -1);
    requireEqual(target, checksum);
    return new Deployed(target.toString(), false);
  }

  private Path equalCopy(long length, byte[] checksum) throws IOException {
    if (!fs.exists(folder)) {
      return null;
    }
    FileStatus[] jars = fs.listStatus(folder, p -> p.getName().endsWith(".jar") && !p.getName().startsWith("."));
    Arrays.sort(jars);
    for (FileStatus jar : jars) {
      if (jar.isFile() && jar.getLen() == length && Arrays.equals(checksum(jar.getPath()), checksum)) {
        return fs.makeQualified(jar.getPath());
      }
    }
    return null;
  }

  private String freeName(File localJar, Collection<String> jarsInUse) throws IOException {
    Set<String> taken = new HashSet<>();
    jarsInUse.stream().filter(p -> p != null && !p.trim().isEmpty()).forEach(p -> taken.add(new Path(p).getName()));
    if (fs.exists(folder)) {
      for (FileStatus f : fs.listStatus(folder)) {
        taken.add(f.getPath().getName());
      }
    }
    String base = localJar.getName().endsWith(".jar")
        ? localJar.getName().substring(0, localJar.getName().length() - ".jar".length()) : localJar.getName();
    for (int i = 0; ; i++) {
      String name = base + "-" + i + ".jar";
      if (!taken.contains(name)) {
        return name;
      }
    }
  }

  private void requireEqual(Path jar, byte[] checksum) throws IOException {
    if (!Arrays.equals(checksum(jar), checksum)) {
      throw new IOException("the uploaded jar " + jar + " does not read back with the local jar's content");
    }
  }

  /** A copy of a jar in the folder, on the local disk (the caller deletes it). */
  public File download(String jarPath) throws IOException {
    File local = File.createTempFile("coprocessor-check", ".jar");
    fs.copyToLocalFile(false, new Path(jarPath), new Path(local.getAbsoluteFile().toURI()), true);
    return local;
  }

  static byte[] checksum(File file) throws IOException {
    try (InputStream in = Files.newInputStream(file.toPath())) {
      return digest(in);
    }
  }

  private byte[] checksum(Path path) throws IOException {
    try (InputStream in = fs.open(path)) {
      return digest(in);
    }
  }

  private static byte[] digest(InputStream in) throws IOException {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    byte[] buffer = new byte[64 * 1024];
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      sha.update(buffer, 0, n);
    }
    return sha.digest();
  }
}
