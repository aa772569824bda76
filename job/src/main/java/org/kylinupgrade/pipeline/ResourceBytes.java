package org.kylinupgrade.pipeline;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.kylinupgrade.metadata.Resource;

/**
 * A resource as one array of bytes for the shuffle into model groups: its path's UTF-8 length and bytes, its
 * timestamp, then its content. Any serializer carries a byte array as one object, where a resource costs it an object
 * per field.
 */
final class ResourceBytes {
  private ResourceBytes() {
  }

  static byte[] encode(Resource r) {
    byte[] path = r.path().getBytes(StandardCharsets.UTF_8);
    byte[] content = r.content();
    ByteBuffer out = ByteBuffer.allocate(4 + path.length + 8 + content.length);
    out.putInt(path.length).put(path).putLong(r.timestamp()).put(content);
    return out.array();
  }

  static Resource decode(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    int pathLength = in.getInt();
    String path = new String(bytes, 4, pathLength, StandardCharsets.UTF_8);
    in.position(4 + pathLength);
    long timestamp = in.getLong();
    byte[] content = new byte[in.remaining()];
    in.get(content);
    return new Resource(path, content, timestamp);
  }
}
