package org.kylinupgrade.metadata;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * An order-independent checksum of a set of resources (path, bytes, timestamp): the sum of each resource's
 * SHA-256 (first 8 bytes). Two stores hold the same resources iff, short of a collision, their sums and
 * counts are equal; the sum can be computed in parallel and combined.
 */
public final class ResourceChecksum {
  private ResourceChecksum() {
  }

  public static long of(Resource r) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(r.path().getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(r.content());
      sha.update(ByteBuffer.allocate(Long.BYTES).putLong(r.timestamp()).array());
      return ByteBuffer.wrap(sha.digest()).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
