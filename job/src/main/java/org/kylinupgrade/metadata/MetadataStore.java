package org.kylinupgrade.metadata;

import java.io.Closeable;
import java.io.IOException;

/** A Kylin resource store: a metadata folder or the {@code kylin_metadata} HTable. */
public interface MetadataStore extends Closeable {

  /** How the operator names this store in messages: {@code folder /x}, {@code table kylin_metadata}. */
  String describe();

  /** Every resource, in path order, streamed (never all held at once). */
  void forEach(ResourceConsumer consumer) throws IOException;

  /** Every resource path, in order, without reading contents. */
  void forEachPath(PathConsumer consumer) throws IOException;

  /** Writes a resource with its timestamp, replacing any resource at that path. */
  void put(Resource resource) throws IOException;

  boolean isEmpty() throws IOException;

  /** Removes every resource. */
  void clear() throws IOException;

  /** Makes everything {@link #put} wrote durable. */
  default void flush() throws IOException {
  }

  @FunctionalInterface
  interface PathConsumer {
    void accept(String path) throws IOException;
  }

  @FunctionalInterface
  interface ResourceConsumer {
    void accept(Resource resource) throws IOException;
  }
}
