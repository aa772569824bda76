package org.kylinupgrade.rules;

import org.kylinupgrade.metadata.BadInputException;
import org.kylinupgrade.metadata.Resource;

/** Kylin's entities as its Jackson mapper reads and writes them, for the jobs that create or rewrite one. */
public final class V2Entities {
  private V2Entities() {
  }

  /**
   * Binds the resource as Kylin v2 reads it (unknown properties ignored).
   *
   * @throws NotAJsonObjectException when it is not a JSON object
   * @throws BadInputException when it does not bind to {@code type}
   */
  public static <T> T read(Resource resource, Class<T> type) {
    KylinJson.readObject(resource);
    try {
      return KylinJson.bind(resource, type);
    } catch (NotLoadableException e) {
      throw new BadInputException(resource.path() + ": Kylin v2 cannot read it: " + e.getMessage());
    }
  }

  /** Kylin's serialisation of an entity: every property, in Kylin's order, with Jackson 2.2.3's pretty printer. */
  public static byte[] write(Object entity) {
    return KylinJson.indented(entity);
  }
}
