package dev.onair.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The logging configuration of every runnable OnAir jar: one line per event to standard error, OnAir's own code at
 * INFO ({@code -Donair.log.level=DEBUG}, which {@code --verbose} sets), Moquette at WARN
 * ({@code -Donair.moquette.log.level}), the chatty libraries at WARN.
 *
 * <p>Written in code rather than as a {@code logback.xml} because reading the XML loaded about 630 classes (Logback's
 * Joran and the JDK's XML parser), about 5 MiB of a publisher that should stay under 64 MiB (issues 14 and 17). Logback
 * finds this class through {@code META-INF/services} and asks it before looking for an XML file, so it steps aside
 * whenever Logback would have found one: {@code -Dlogback.configurationFile=...}, or a {@code logback-test.xml} or
 * {@code logback.xml} on the class path (the tests' {@code logback-test.xml} of test-support).
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_LOW_PRIORITY)
public final class OnAirLogging extends ContextAwareBase implements Configurator {

    /** What logback.xml's encoder wrote; {@link OneLineLayout} writes it without PatternLayout's classes. */
    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n";

    static final String APPENDER = "STDERR";

    /** What Logback itself looks for before its default configuration (DefaultJoranConfigurator). */
    static final String FILE_PROPERTY = "logback.configurationFile";

    static final String[] FILES = {"logback-test.xml", "logback.xml"};

    private final UnaryOperator<String> variables;
    private final ClassLoader classLoader;

    /** As Logback's ServiceLoader makes it: variables from system properties, then the environment. */
    public OnAirLogging() {
        this(OnAirLogging::systemOrEnv, OnAirLogging.class.getClassLoader());
    }

    OnAirLogging(UnaryOperator<String> variables, ClassLoader classLoader) {
        this.variables = variables;
        this.classLoader = classLoader;
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        String xml = userXml();
        if (xml != null) {
            addInfo("Leaving the configuration to " + xml);
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        // As logback.xml's NopStatusListener: Logback's own status lines stay off the terminal.
        var quiet = new NopStatusListener();
        context.getStatusManager().add(quiet);

        var layout = new OneLineLayout();
        layout.setContext(context);
        layout.start();
        var encoder = new LayoutWrappingEncoder<ILoggingEvent>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        var stderr = new ConsoleAppender<ILoggingEvent>();
        stderr.setContext(context);
        stderr.setName(APPENDER);
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();

        levels().forEach((name, level) -> setLevel(context, name, level));
        var root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(stderr);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Each logger's level as logback.xml wrote it, variables already replaced. */
    Map<String, String> levels() {
        var levels = new LinkedHashMap<String, String>();
        levels.put("dev.onair", variable("onair.log.level", "INFO"));
        levels.put("io.moquette", variable("onair.moquette.log.level", "WARN"));
        for (String chatty : new String[] {
            "io.netty", "org.eclipse.jetty", "io.javalin", "com.hivemq", "com.pi4j", "javax.jmdns", "org.jmdns"
        }) {
            levels.put(chatty, "WARN");
        }
        // Pi4J's linuxfs SPI logs an ERROR for every failed transfer, 25 a second with a loose HAT; the display node
        // says it once, errno included (SpiBus.transfer, issue 16).
        levels.put("com.pi4j.plugin.linuxfs.provider.spi.LinuxFsSpi", "OFF");
        return levels;
    }

    private String userXml() {
        String file = variables.apply(FILE_PROPERTY);
        if (file != null) {
            return FILE_PROPERTY + "=" + file;
        }
        for (String name : FILES) {
            if (classLoader.getResource(name) != null) {
                return name + " on the class path";
            }
        }
        return null;
    }

    /** {@code ${name:-fallback}} as Joran reads it: the variable when it is set, else the fallback. */
    private String variable(String name, String fallback) {
        String value = variables.apply(name);
        return value == null ? fallback : value;
    }

    /** As Joran's logger element: blank leaves the level unset, INHERITED or NULL clears it, a bad name is DEBUG. */
    private static void setLevel(LoggerContext context, String name, String level) {
        String value = level.trim();
        if (value.isEmpty()) {
            return;
        }
        var logger = context.getLogger(name);
        if (value.equalsIgnoreCase("INHERITED") || value.equalsIgnoreCase("NULL")) {
            logger.setLevel(null);
        } else {
            logger.setLevel(Level.toLevel(value));
        }
    }

    private static String systemOrEnv(String name) {
        String value = System.getProperty(name);
        return value != null ? value : System.getenv(name);
    }
}
