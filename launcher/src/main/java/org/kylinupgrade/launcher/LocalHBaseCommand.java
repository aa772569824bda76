package org.kylinupgrade.launcher;

import java.io.File;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.kylinupgrade.hbase.LocalHBase;
import org.kylinupgrade.jobs.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code local-hbase start|stop|status}: the embedded default HBase. */
@Command(name = "local-hbase", mixinStandardHelpOptions = true,
    description = {"The embedded default: a real standalone HBase on loopback with its data under DIR.",
        "start returns once HBase serves requests and writes DIR/hbase-site.xml; pass it with --hbase-site "
            + "or HBASE_CONF_DIR=DIR.",
        "status exits 0 when it runs, 1 when it does not."})
final class LocalHBaseCommand implements Callable<Integer> {
  enum Action { start, stop, status }

  @Parameters(index = "0", paramLabel = "start|stop|status", description = "what to do")
  Action action;

  @Option(names = "--dir", paramLabel = "DIR", defaultValue = "local-hbase", description = "data folder (default: ./${DEFAULT-VALUE})")
  File dir;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + LocalHBase.DEFAULT_PORT,
      description = "ZooKeeper client port (default: ${DEFAULT-VALUE}); every other port is chosen free")
  int port;

  @Override
  public Integer call() throws Exception {
    LocalHBase hbase = new LocalHBase(dir);
    switch (action) {
      case start: {
        long begin = System.nanoTime();
        Optional<LocalHBase.Status> before = hbase.status();
        LocalHBase.Status s = hbase.start(port);
        if (before.isPresent()) {
          System.out.println("local HBase already " + s);
        } else {
          System.out.printf("local HBase started in %.1f s: %s%n", (System.nanoTime() - begin) / 1e9, s);
        }
        return ExitCodes.OK;
      }
      case stop:
        System.out.println(hbase.stop() ? "local HBase in " + dir + " stopped" : "local HBase in " + dir + " was not running");
        return ExitCodes.OK;
      default: {
        Optional<LocalHBase.Status> s = hbase.status();
        System.out.println(s.map(st -> "local HBase in " + dir + " is " + st).orElse("local HBase in " + dir + " is not running"));
        return s.isPresent() ? ExitCodes.OK : ExitCodes.FAILED;
      }
    }
  }
}
