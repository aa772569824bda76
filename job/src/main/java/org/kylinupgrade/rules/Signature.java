package org.kylinupgrade.rules;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.rules.v2.CubeDesc;
import org.kylinupgrade.rules.v2.DataModel;

/**
 * A cube desc signature ({@code CubeDesc.calculateSignature}): Base64 of the MD5 of
 * {@code name|factTable|json(model partition_desc)|json(dimensions)|json(measures)|json(rowkey)|json(hbase_mapping)},
 * each JSON compact, over the initialised objects.
 */
public final class Signature implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String preHash;
  private final String value;

  private Signature(String preHash, String value) {
    this.preHash = preHash;
    this.value = value;
  }

  /** Hashes an already assembled pre-hash string (UTF-8). */
  public static Signature ofPreHash(String preHash) {
    try {
      byte[] digest = MessageDigest.getInstance("MD5").digest(preHash.getBytes(StandardCharsets.UTF_8));
      return new Signature(preHash, Base64.getEncoder().encodeToString(digest));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is not available", e);
    }
  }

  /** Over a desc and its model, both already in their initialised (upper-cased, sorted, defaulted) form. */
  public static Signature compute(CubeDesc desc, DataModel model) {
    String preHash = desc.name
        + "|" + model.factTable
        + "|" + KylinJson.compact(model.partitionDesc)
        + "|" + KylinJson.compact(desc.dimensions)
        + "|" + KylinJson.compact(desc.measures)
        + "|" + KylinJson.compact(desc.rowkey)
        + "|" + KylinJson.compact(desc.hbaseMapping);
    return ofPreHash(preHash);
  }

  /**
   * Loads the desc and its model as Kylin v2 does and computes the signature of the result.
   *
   * @throws IllegalArgumentException when v2 cannot load the desc or the model
   */
  public static Signature compute(Resource cubeDesc, Resource model, TableCatalog tables) {
    try {
      LoadedModel loadedModel = LoadedModel.load(model, tables);
      return compute(LoadedCubeDesc.load(cubeDesc, loadedModel, tables).desc, loadedModel.desc);
    } catch (NotLoadableException e) {
      throw new IllegalArgumentException("Kylin v2 cannot load " + cubeDesc.path() + " with " + model.path() + ": "
          + e.getMessage(), e);
    }
  }

  /** The 24-character signature. */
  public String value() {
    return value;
  }

  /** The exact string that is hashed. */
  public String preHash() {
    return preHash;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Signature && value.equals(((Signature) o).value) && preHash.equals(((Signature) o).preHash);
  }

  @Override
  public int hashCode() {
    return Objects.hash(preHash, value);
  }

  @Override
  public String toString() {
    return value;
  }
}
