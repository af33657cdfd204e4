import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * Starts Amazon's DynamoDB Local exactly as its own main class would (same arguments), but listening on
 * 127.0.0.1 only: the jar offers no host option and its Jetty server would otherwise bind every interface.
 * Run as a single-file source program (java LoopbackDynamoDbLocal.java ...), so nothing is compiled ahead.
 * Reflection only, so it compiles without the jar's classes on the compiler's path.
 */
public class LoopbackDynamoDbLocal {
  public static void main(String[] args) throws Exception {
    Class<?> runner = Class.forName("software.amazon.dynamodb.services.local.main.ServerRunner");
    Object proxy = runner.getMethod("createServerFromCommandLineArgs", String[].class).invoke(null, (Object) args);
    Field jettyField = proxy.getClass().getDeclaredField("server");
    jettyField.setAccessible(true);
    Object jetty = jettyField.get(proxy);
    Object[] connectors = (Object[]) jetty.getClass().getMethod("getConnectors").invoke(jetty);
    if (connectors.length == 0) throw new IllegalStateException("DynamoDB Local has no connector to bind");
    for (Object connector : connectors) {
      Method setHost = connector.getClass().getMethod("setHost", String.class);
      setHost.invoke(connector, "127.0.0.1");
    }
    proxy.getClass().getMethod("start").invoke(proxy);
  }
}
