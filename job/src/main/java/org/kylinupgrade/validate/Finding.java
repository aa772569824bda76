package org.kylinupgrade.validate;

import java.io.Serializable;
import java.util.Comparator;
import java.util.Objects;

/** One problem {@code validate} found in one resource. */
public final class Finding implements Serializable, Comparable<Finding> {
  private static final long serialVersionUID = 1L;
  private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::path)
      .thenComparing(Finding::kind).thenComparing(Finding::message);

  private final Kind kind;
  private final String path;
  private final String message;

  public Finding(Kind kind, String path, String message) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");

    this.kind = kind;
    this.path = path;
    this.message = message;
  }

  public Kind kind() {
    return kind;
  }

  public String path() {
    return path;
  }

  public String message() {
    return message;
  }

  /** What is wrong. */
  public enum Kind {
    /** The bytes are not a JSON object. */
    NOT_JSON,
    /** A property the target's Kylin needs is missing or blank. */
    MISSING_FIELD,
    /** A cube names a cube desc that does not exist. */
    MISSING_DESC,
    /** A cube desc or project names a model that does not exist. */
    MISSING_MODEL,
    /** A model, cube desc or project names a table that does not exist. */
    MISSING_TABLE,
    /** A project or hybrid lists a cube, hybrid or inverted index that does not exist. */
    MISSING_REALIZATION,
    /** The target's Kylin cannot load it. */
    UNLOADABLE,
    /** A 1.5 cube desc's aggregation groups break one of Kylin 1.5.4.1's rules for loading them. */
    AGGREGATION_GROUP,
    /** A cube desc's stored signature is missing or differs from the one of its content. */
    SIGNATURE,
    /** A cube desc's {@code engine_type} or {@code storage_type} is not one of the target's cube ids. */
    ENGINE_STORAGE,
    /** A cube desc on sharded storage is used by a cube whose segments have the unsharded v1 layout. */
    V1_SEGMENTS_ON_SHARDED_STORAGE,
    /** The target's Kylin skips it because an earlier resource of the same type has the same name. */
    DUPLICATE_NAME,
    /** JSON resources without the version label Kylin 1.5's upgrade writes (one finding for all of them). */
    VERSION_LABEL
  }

  @Override
  public int compareTo(Finding other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return kind + " " + path + ": " + message;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Finding)) {
      return false;
    }
    Finding other = (Finding) o;
    return Objects.equals(kind, other.kind)
        && Objects.equals(path, other.path)
        && Objects.equals(message, other.message);
  }

  /** The hash of a record of these components, so that hash-ordered collections keep their order. */
  @Override
  public int hashCode() {
    int h = 0;
    h = 31 * h + Objects.hashCode(kind);
    h = 31 * h + Objects.hashCode(path);
    h = 31 * h + Objects.hashCode(message);
    return h;
  }
}
