package org.kylinupgrade.hbase;

/** HBase or its ZooKeeper did not answer within the bounded client retries: exit code 1. */
public class ClusterUnreachableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ClusterUnreachableException(String message, Throwable cause) {
    super(message, cause);
  }
}
