package org.kylinupgrade.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The one rule: which keys are secret, and how secrets inside a text are masked. */
class SecretsTest {
  @Test
  void secretLookingKeys() {
    for (String key : new String[] {"kylin.job.remote.cli.password", "ldap.password", "mail.password",
        "ssl.server.keystore.password", "ssl.server.keystore.keypassword", "hbase.rest.ssl.keystore.password",
        "ssl.server.truststore.password", "ssl.keystore.pass", "javax.net.ssl.trustStorePassword", "db.passwd",
        "spark.authenticate.secret", "spark.ssl.keyStorePassword", "fs.s3a.secret.key", "fs.s3a.access.key",
        "fs.azure.account.key.acct.blob.core.windows.net", "fs.s3a.server-side-encryption.key",
        "hadoop.security.credential.provider.path", "kylin.upgrade.api.token", "API_TOKEN", "KYLIN_UPGRADE_TOKEN",
        "oauth.passphrase", "x.storepass", "x.keypass", "db.pwd", " Password "}) {
      assertTrue(Secrets.isSecretKey(key), key);
    }
  }

  @Test
  void ordinaryKeys() {
    for (String key : new String[] {"kylin.metadata.url", "kylin.job.remote.cli.username", "hbase.zookeeper.quorum",
        "kylin.hdfs.working.dir", "spark.executor.memory", "hbase.security.authentication", "keytab", "principal",
        "kylin.rest.servers", "kylin.cube.rowkey.max.size", "mapreduce.job.output.key.class", "working-dir",
        "metadata-url", "hbase-site", "spark.kerberos.keytab", "", null}) {
      assertFalse(Secrets.isSecretKey(key), String.valueOf(key));
    }
  }

  @Test
  void maskHidesTheValueOfASecretKeyOnly() {
    assertEquals(Secrets.MASK, Secrets.mask("kylin.job.remote.cli.password", "hunter2"));
    assertEquals("", Secrets.mask("kylin.job.remote.cli.password", ""), "an empty value shows that nothing is set");
    assertEquals(null, Secrets.mask("ldap.password", null));
    assertEquals("kylin_metadata@hbase", Secrets.mask("metadata-url", "kylin_metadata@hbase"));
    assertEquals("/etc/security/kylin.keytab", Secrets.mask("keytab", "/etc/security/kylin.keytab"),
        "the keytab path may be shown");
    assertEquals("hdfs://kylin:" + Secrets.MASK + "@nn:8020/kylin", Secrets.mask("working-dir", "hdfs://kylin:pw1@nn:8020/kylin"));
  }

  @Test
  void redactMasksPairsInsideATextAndUrlPasswords() {
    assertEquals("kylin_metadata@jdbc,url=jdbc:mysql://db:3306/kylin,username=root,password=" + Secrets.MASK,
        Secrets.redact("kylin_metadata@jdbc,url=jdbc:mysql://db:3306/kylin,username=root,password=S3cr3t!"));
    assertEquals("jdbc:mysql://db/kylin?user=kylin&password=" + Secrets.MASK + "&ssl=true",
        Secrets.redact("jdbc:mysql://db/kylin?user=kylin&password=p%40ss&ssl=true"));
    assertEquals("--metadata-url 'm@hbase,token=" + Secrets.MASK + "' is not an HBase metadata URL",
        Secrets.redact("--metadata-url 'm@hbase,token=abc123' is not an HBase metadata URL"));
    assertEquals("{\"ssl.keystore.password\" : \"" + Secrets.MASK + "\", \"user\" : \"kylin\"}",
        Secrets.redact("{\"ssl.keystore.password\" : \"k3y\", \"user\" : \"kylin\"}"));
    assertEquals("API_TOKEN: " + Secrets.MASK, Secrets.redact("API_TOKEN: t0k3n"));
    assertEquals("ftp://user:" + Secrets.MASK + "@host/x and https://h/ok", Secrets.redact("ftp://user:pw@host/x and https://h/ok"));
    String plain = "upgrade: 12 resources changed in table kylin_metadata (hdfs://nn:8020/kylin, run 20261202-1)";
    assertEquals(plain, Secrets.redact(plain));
    assertFalse(Secrets.holdsSecret(plain));
    assertTrue(Secrets.holdsSecret("password=x"));
    assertEquals("password=" + Secrets.MASK, Secrets.redact(Secrets.redact("password=x")), "masking twice changes nothing");
    assertEquals("password=***", Secrets.redact("password=***"), "a text cut inside a mask is left as it is");
  }
  @Test
  void aLongTextIsReadOnceAndItsPairsStillMasked() {
    // a report of many changes is megabytes of key characters: the rule must not try each position again
    String run = "x".repeat(4 * 1024 * 1024);
    String text = run + " token=abc " + "tokentoken".repeat(200_000) + " " + run + ".password: \"p\"";
    String redacted = assertTimeoutPreemptively(java.time.Duration.ofSeconds(20), () -> Secrets.redact(text));
    assertEquals(run + " token=" + Secrets.MASK + " " + "tokentoken".repeat(200_000) + " " + run + ".password: \""
        + Secrets.MASK + "\"", redacted);
  }
}
