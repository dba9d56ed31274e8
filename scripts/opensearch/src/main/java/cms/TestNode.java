package cms;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.settings.Settings;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.transport.Netty4Plugin;

/**
 * A single-node OpenSearch for tests and development: the server jar plus two plugins loaded from the classpath
 * (HTTP/transport over Netty, and the analysis-common module for the cjk analyzer), so no distribution is needed.
 * Usage: java -Xmx512m -cp lib/*:launcher.jar cms.TestNode <port> <dataDir>
 * Prints "opensearch: http://127.0.0.1:<port>" once started; stops on SIGTERM / stdin closing is not watched.
 */
public final class TestNode extends Node {
  private TestNode(Settings settings, Path home) {
    super(InternalSettingsPreparer.prepareEnvironment(settings, java.util.Map.of(), home.resolve("config"), () -> "policy-cms-test"),
        List.of(Netty4Plugin.class, CommonAnalysisPlugin.class), true);
  }

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    Path home = Path.of(args[1]).toAbsolutePath();
    Files.createDirectories(home.resolve("config"));
    Files.createDirectories(home.resolve("data"));
    Files.createDirectories(home.resolve("logs"));
    Settings settings = Settings.builder()
        .put("cluster.name", "policy-cms-test")
        .put("node.name", "node-1")
        .put("path.home", home.toString())
        .put("path.data", home.resolve("data").toString())
        .put("path.logs", home.resolve("logs").toString())
        .put("discovery.type", "single-node")
        .put("network.host", "127.0.0.1")
        .put("http.port", port)
        // The transport port is not used by clients; any free one.
        .put("transport.port", "0")
        .put("http.type", "netty4")
        .put("transport.type", "netty4")
        // A test node on a shared disk: never go read-only because the disk is fuller than OpenSearch likes.
        .put("cluster.routing.allocation.disk.threshold_enabled", false)
        .put("action.auto_create_index", false)
        .build();
    TestNode node = new TestNode(settings, home);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        node.close();
      } catch (Exception e) {
        e.printStackTrace();
      }
      stopped.countDown();
    }));
    node.start();
    System.out.println("opensearch: http://127.0.0.1:" + port);
    System.out.flush();
    stopped.await();
  }
}
