package org.kylinupgrade.metadata;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.io.IOUtils;
import org.kylinupgrade.util.Strings;

/**
 * Kylin's folder layout ({@code FileResourceStore}, {@code metastore.sh backup}): resource
 * {@code /a/b.json} is the file {@code <root>/a/b.json}, its timestamp is the file's mtime. Every regular
 * file, dotfiles included, is a resource. Works on a local path or any Hadoop FileSystem URI; local
 * folders go through the raw local file system so that no {@code .crc} side files are written.
 */
public final class FolderStore implements MetadataStore {
  private final FileSystem fs;
  private final Path root;
  private final String display;
  private final java.util.Set<Path> createdDirs = new java.util.HashSet<>();

  public FolderStore(String location, Configuration conf) throws IOException {
    this.display = location;
    URI uri = toUri(location);
    this.fs = FileSystems.open(uri, conf);
    this.root = fs.makeQualified(new Path(uri));
  }

  private static URI toUri(String location) {
    if (location == null || Strings.isBlank(location)) {
      throw new BadInputException("a metadata folder must be named");
    }
    if (location.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
      return URI.create(location);
    }
    return new java.io.File(location).toURI();
  }

  @Override
  public String describe() {
    return "folder " + display;
  }

  public boolean exists() throws IOException {
    return fs.exists(root);
  }

  public boolean isDirectory() throws IOException {
    return fs.exists(root) && fs.getFileStatus(root).isDirectory();
  }

  /** Resource paths of every regular file under the root, sorted; refuses links and odd names. */
  public List<String> listPaths() throws IOException {
    if (!isDirectory()) {
      throw new BadInputException(describe() + " does not exist or is not a directory");
    }
    List<String> paths = new ArrayList<>();
    collect(root, "", paths);
    paths.sort(Comparator.naturalOrder());
    return paths;
  }

  private void collect(Path dir, String prefix, List<String> out) throws IOException {
    java.nio.file.Path local = localFile(dir);
    if (local != null) {
      collectLocal(local, prefix, out);
      return;
    }
    FileStatus[] children = fs.listStatus(dir);
    Arrays.sort(children, Comparator.comparing(s -> s.getPath().getName()));
    for (FileStatus child : children) {
      String name = child.getPath().getName();
      String resourcePath = prefix + "/" + name;
      if (isSymlink(child.getPath())) {
        throw symbolicLink(resourcePath);
      }
      if (child.isDirectory()) {
        collect(child.getPath(), resourcePath, out);
      } else if (child.isFile() && isRegularFile(child.getPath())) {
        out.add(ResourcePaths.requireSafe(resourcePath));
      } else {
        throw notRegularFile(resourcePath);
      }
    }
  }

  private BadInputException symbolicLink(String resourcePath) {
    return new BadInputException(describe() + ": '" + resourcePath.substring(1)
        + "' is a symbolic link; a metadata folder holds regular files only (copy the target in place of the link)");
  }

  private BadInputException notRegularFile(String resourcePath) {
    return new BadInputException(describe() + ": '" + resourcePath.substring(1) + "' is not a regular file (a named "
        + "pipe, socket or device); a metadata folder holds regular files only: remove it");
  }

  /**
   * A local folder, listed with every name it holds: Hadoop's local listing leaves out a link whose target is
   * missing, and lists a named pipe as a file (reading it would block).
   */
  private void collectLocal(java.nio.file.Path dir, String prefix, List<String> out) throws IOException {
    List<java.nio.file.Path> children = new ArrayList<>();
    try (java.nio.file.DirectoryStream<java.nio.file.Path> stream = Files.newDirectoryStream(dir)) {
      for (java.nio.file.Path child : stream) {
        children.add(child);
      }
    }
    children.sort(Comparator.comparing(p -> p.getFileName().toString()));
    for (java.nio.file.Path child : children) {
      String resourcePath = prefix + "/" + child.getFileName().toString();
      if (Files.isSymbolicLink(child)) {
        throw symbolicLink(resourcePath);
      }
      if (Files.isDirectory(child, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        collectLocal(child, resourcePath, out);
      } else if (Files.isRegularFile(child, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        out.add(ResourcePaths.requireSafe(resourcePath));
      } else {
        throw notRegularFile(resourcePath);
      }
    }
  }

  /**
   * Whether a path the file system lists as a file is a regular one. Hadoop's local file system lists a named pipe, a
   * socket or a device as a file, and reading a named pipe blocks until something writes to it: such a path is told
   * here from its attributes, without opening it.
   */
  private boolean isRegularFile(Path path) {
    java.nio.file.Path local = localFile(path);
    return local == null || Files.isRegularFile(local, java.nio.file.LinkOption.NOFOLLOW_LINKS);
  }

  private boolean isSymlink(Path path) throws IOException {
    java.nio.file.Path local = localFile(path);
    if (local != null) {
      return Files.isSymbolicLink(local);
    }
    try {
      return fs.getFileLinkStatus(path).isSymlink();
    } catch (UnsupportedOperationException e) {
      return false;
    }
  }

  /** The file of {@code path} for plain NIO when the folder is local (far cheaper per file than Hadoop), else null. */
  private java.nio.file.Path localFile(Path path) {
    return fs instanceof RawLocalFileSystem ? ((RawLocalFileSystem) fs).pathToFile(path).toPath() : null;
  }

  private Path fileOf(String resourcePath) {
    String safe = ResourcePaths.requireSafe(resourcePath);
    return new Path(root, safe.substring(1));
  }

  public Resource read(String resourcePath) throws IOException {
    Path file = fileOf(resourcePath);
    java.nio.file.Path local = localFile(file);
    if (local != null) {
      return readLocal(local, resourcePath);
    }
    try {
      FileStatus status = fs.getFileStatus(file);
      byte[] bytes = new byte[(int) status.getLen()];
      try (InputStream in = fs.open(file)) {
        IOUtils.readFully(in, bytes, 0, bytes.length);
      }
      return new Resource(resourcePath, bytes, status.getModificationTime());
    } catch (FileNotFoundException e) {
      throw new BadInputException(describe() + ": resource " + resourcePath + " disappeared while it was read", e);
    }
  }

  /** Local folders: plain NIO, as {@link #putLocal} writes them. */
  private Resource readLocal(java.nio.file.Path file, String resourcePath) throws IOException {
    try {
      long modified = Files.getLastModifiedTime(file).toMillis();
      return new Resource(resourcePath, Files.readAllBytes(file), modified);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new BadInputException(describe() + ": resource " + resourcePath + " disappeared while it was read", e);
    }
  }

  @Override
  public void forEach(ResourceConsumer consumer) throws IOException {
    for (String path : listPaths()) {
      consumer.accept(read(path));
    }
  }

  @Override
  public void forEachPath(PathConsumer consumer) throws IOException {
    for (String path : listPaths()) {
      consumer.accept(path);
    }
  }

  @Override
  public void put(Resource resource) throws IOException {
    Path file = fileOf(resource.path());
    java.nio.file.Path local = localFile(file);
    if (local != null) {
      putLocal(local, resource);
      return;
    }
    if (createdDirs.add(file.getParent())) {
      fs.mkdirs(file.getParent());
    }
    try (OutputStream out = fs.create(file, true)) {
      out.write(resource.content());
    }
    fs.setTimes(file, resource.timestamp(), -1);
  }

  /** Local folders: plain NIO, an order of magnitude cheaper per file than Hadoop's local FS calls. */
  private void putLocal(java.nio.file.Path file, Resource resource) throws IOException {
    if (createdDirs.add(new Path(file.getParent().toUri()))) {
      Files.createDirectories(file.getParent());
    }
    Files.write(file, resource.content());
    Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(resource.timestamp()));
  }

  @Override
  public boolean isEmpty() throws IOException {
    return !fs.exists(root) || fs.listStatus(root).length == 0;
  }

  /** Deletes everything below the root; the root itself stays. */
  @Override
  public void clear() throws IOException {
    if (!fs.exists(root)) {
      return;
    }
    for (FileStatus child : fs.listStatus(root)) {
      fs.delete(child.getPath(), true);
    }
  }

  /** For a dump target: the folder must not exist or be empty; it is created. */
  public void createEmpty() throws IOException {
    if (fs.exists(root)) {
      if (!fs.getFileStatus(root).isDirectory()) {
        throw new BadInputException(describe() + " exists and is not a directory");
      }
      if (fs.listStatus(root).length > 0) {
        throw new BadInputException(describe() + " is not empty; name a new or empty folder");
      }
    }
    fs.mkdirs(root);
  }

  /** Removes the root itself (after a failed write into a folder this run created). */
  public void delete() throws IOException {
    fs.delete(root, true);
  }

  public FileSystem fileSystem() {
    return fs;
  }

  public Path root() {
    return root;
  }

  @Override
  public void close() throws IOException {
    fs.close();
  }
}
