package org.kylinupgrade.bench;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.CoprocessorDescriptorBuilder;
import org.apache.hadoop.hbase.client.TableDescriptor;
import org.apache.hadoop.hbase.client.TableDescriptorBuilder;
import org.kylinupgrade.coprocessor.CubeTables;
import org.kylinupgrade.coprocessor.KylinCoprocessors;
import org.kylinupgrade.coprocessor.KylinCoprocessors.Target;
import org.kylinupgrade.coprocessor.Realization;
import org.kylinupgrade.hbase.HBaseCluster;
import org.kylinupgrade.hbase.HBaseStore;
import org.kylinupgrade.hbase.TestHBase;
import org.kylinupgrade.metadata.MetadataUrl;

/**
 * The baseline: Kylin 1.4-alpha's DeployCoprocessorCLI as it works, one table at a time (read the metadata,
 * upload the jar unless one of equal size and mtime is there, then for every table: disable, remove the five
 * Kylin classes, add the set, modify, enable), on HBase 2's API.
 */
final class KylinSequentialDeploy {
  private KylinSequentialDeploy() {
  }

  static int run(HBaseCluster hbase, MetadataUrl url, File localJar, Target target) throws IOException {
    List<Realization> realizations = new ArrayList<>();
    try (HBaseStore store = hbase.openStore(url)) {
      for (String folder : Realization.FOLDERS) {
        store.forEachUnder(folder, r -> Realization.of(r).ifPresent(realizations::add));
      }
    }
    List<String> tables = new CubeTables(realizations, target).all();
    String jar = upload(hbase, url, localJar);
    long start = System.nanoTime();
    try (Admin admin = TestHBase.admin(hbase)) {
      for (int i = 0; i < tables.size(); i++) {
        reset(admin, TableName.valueOf(tables.get(i)), jar, target);
        if ((i + 1) % 100 == 0) {
          System.out.printf("  sequential: %d / %d tables, %.0f s%n", i + 1, tables.size(), (System.nanoTime() - start) / 1e9);
        }
      }
    }
    return tables.size();
  }

  private static String upload(HBaseCluster hbase, MetadataUrl url, File localJar) throws IOException {
    try (FileSystem fs = hbase.workingFileSystem()) {
      Path folder = fs.makeQualified(new Path(url.metadataWorkingDir(hbase.workingDir()) + "coprocessor"));
      fs.mkdirs(folder);
      List<String> names = new ArrayList<>();
      for (FileStatus f : fs.listStatus(folder)) {
        if (f.getLen() == localJar.length() && f.getModificationTime() == localJar.lastModified()) {
          return f.getPath().toString();
        }
        names.add(f.getPath().getName());
      }
      String base = localJar.getName().replaceAll("\\.jar$", "");
      int i = 0;
      while (names.contains(base + "-" + i + ".jar")) {
        i++;
      }
      Path target = new Path(folder, base + "-" + i + ".jar");
      fs.copyFromLocalFile(new Path(localJar.toURI()), target);
      fs.setTimes(target, localJar.lastModified(), -1);
      return target.toString();
    }
  }

  static void reset(Admin admin, TableName table, String jar, Target target) throws IOException {
    admin.disableTable(table);
    TableDescriptor desc = admin.getDescriptor(table);
    TableDescriptorBuilder builder = TableDescriptorBuilder.newBuilder(desc);
    for (String className : KylinCoprocessors.ALL) {
      while (builder.build().hasCoprocessor(className)) {
        builder.removeCoprocessor(className);
      }
    }
    for (KylinCoprocessors.Wanted w : target.classes()) {
      builder.setCoprocessor(CoprocessorDescriptorBuilder.newBuilder(w.className()).setJarPath(jar)
          .setPriority(w.priority()).build());
    }
    admin.modifyTable(builder.build());
    admin.enableTable(table);
  }
}
