package dev.onair.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.status.NopStatusListener;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link OnAirLogging} against the logback.xml it replaced (kept as a test resource and read by Joran here): the same
 * appender, the same bytes written for the same events (its {@link OneLineLayout} against the XML's PatternLayout),
 * the same status listener and level of every logger, with and without the variables it reads.
 */
class OnAirLoggingTest {

    private static final URL XML = OnAirLoggingTest.class.getResource("logback-xml-before.xml");

    @Test
    void configure_withoutVariables_matchesTheXml() throws Exception {
        assertSameAsXml(Map.of());
    }

    @Test
    void configure_withLevelVariables_matchesTheXml() throws Exception {
        assertSameAsXml(Map.of("onair.log.level", "DEBUG", "onair.moquette.log.level", "info"));
    }

    @Test
    void configure_withBlankOrOddLevels_matchesTheXml() throws Exception {
        assertSameAsXml(Map.of("onair.log.level", "", "onair.moquette.log.level", "LOUD"));
        assertSameAsXml(Map.of("onair.log.level", "INHERITED", "onair.moquette.log.level", "off"));
    }

    @Test
    void configure_byDefault_writesOneLinePerEventToStandardError() {
        LoggerContext context = ours(Map.of());
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);

        @SuppressWarnings("unchecked")
        var appender = (ConsoleAppender<ILoggingEvent>) root.getAppender("STDERR");
        assertThat(appender.isStarted()).isTrue();
        assertThat(appender.getTarget()).isEqualTo("System.err");
        assertThat(new String(appender.getEncoder()
                        .encode(event(context, "dev.onair.publisher.PublisherMain", Level.INFO, null))))
                .matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  PublisherMain - started with 3 args\\R");
        assertThat(root.getLevel()).isEqualTo(Level.INFO);
        assertThat(context.getLogger("dev.onair").getLevel()).isEqualTo(Level.INFO);
        assertThat(context.getLogger("io.moquette").getLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("com.hivemq").getLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("com.pi4j.plugin.linuxfs.provider.spi.LinuxFsSpi")
                        .getLevel())
                .isEqualTo(Level.OFF);
        assertThat(context.getStatusManager().getCopyOfStatusListenerList())
                .hasAtLeastOneElementOfType(NopStatusListener.class);
    }

    @Test
    void configure_withConfigurationFileProperty_leavesItToLogback() {
        var context = new LoggerContext();
        var configurator = new OnAirLogging(
                Map.of("logback.configurationFile", "/etc/mine.xml")::get,
                getClass().getClassLoader());
        configurator.setContext(context);

        assertThat(configurator.configure(context)).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders())
                .isExhausted();
    }

    @Test
    void configure_withLogbackTestXmlOnTheClassPath_leavesItToLogback(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("logback-test.xml"), "<configuration/>");
        var context = new LoggerContext();
        try (var loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            var configurator = new OnAirLogging(name -> null, loader);
            configurator.setContext(context);

            assertThat(configurator.configure(context)).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
        }
        assertThat(context.getLogger("dev.onair").getLevel()).isNull();
    }

    private static void assertSameAsXml(Map<String, String> variables) throws Exception {
        var xml = new LoggerContext();
        variables.forEach(xml::putProperty);
        var joran = new JoranConfigurator();
        joran.setContext(xml);
        joran.doConfigure(XML);
        LoggerContext ours = ours(variables);

        assertThat(levels(ours)).isEqualTo(levels(xml));
        assertThat(describe(ours)).isEqualTo(describe(xml));
    }

    private static LoggerContext ours(Map<String, String> variables) {
        var context = new LoggerContext();
        var configurator = new OnAirLogging(variables::get, OnAirLoggingTest.class.getClassLoader());
        configurator.setContext(context);
        assertThat(configurator.configure(context)).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        return context;
    }

    /** Every logger that has a level of its own: the XML's {@code <logger>} elements and the root. */
    private static Map<String, Level> levels(LoggerContext context) {
        var levels = new TreeMap<String, Level>();
        context.getLoggerList().stream()
                .filter(l -> l.getLevel() != null)
                .forEach(l -> levels.put(l.getName(), l.getLevel()));
        return levels;
    }

    /** Events as nodes log them, through the appender's encoder: each level, short and root names, causes. */
    private static String samples(LoggerContext context, ConsoleAppender<?> appender) {
        @SuppressWarnings("unchecked")
        var encoder = (Encoder<ILoggingEvent>) appender.getEncoder();
        var cause = new IllegalStateException("inner", new java.io.IOException("innermost"));
        var outer = new RuntimeException("outer", cause);
        outer.addSuppressed(new IllegalArgumentException("suppressed"));
        var out = new StringBuilder();
        for (Level level : new Level[] {Level.TRACE, Level.DEBUG, Level.INFO, Level.WARN, Level.ERROR}) {
            out.append(new String(encoder.encode(event(context, "dev.onair.display.hat.HatMiniPanel", level, null))));
        }
        for (String name : new String[] {"ROOT", "NoDots", "trailing.", "io.netty.channel.DefaultChannelPipeline"}) {
            out.append(new String(encoder.encode(event(context, name, Level.INFO, null))));
        }
        out.append(new String(encoder.encode(event(context, "dev.onair.publisher.Publisher", Level.INFO, outer))));
        out.append(new String(encoder.encode(event(context, "x", Level.INFO, new Error((String) null)))));
        return out.toString();
    }

    static LoggingEvent event(LoggerContext context, String logger, Level level, Throwable thrown) {
        var e = new LoggingEvent(
                Logger.class.getName(), context.getLogger(logger), level, "started with {} args", thrown, new Object[] {
                    3
                });
        e.setTimeStamp(1_764_655_200_123L);
        return e;
    }

    /** Each logger's appenders with their target and what they write, and the status listeners. */
    private static String describe(LoggerContext context) {
        var out = new StringBuilder();
        for (Logger logger : context.getLoggerList()) {
            logger.iteratorForAppenders().forEachRemaining(a -> {
                var console = (ConsoleAppender<?>) a;
                out.append(logger.getName())
                        .append(" -> ")
                        .append(a.getName())
                        .append(' ')
                        .append(a.getClass().getName())
                        .append(' ')
                        .append(console.getTarget())
                        .append(' ')
                        .append(samples(context, console))
                        .append(' ')
                        .append(a.isStarted())
                        .append(logger.isAdditive())
                        .append('\n');
            });
        }
        context.getStatusManager()
                .getCopyOfStatusListenerList()
                .forEach(l -> out.append(l.getClass().getName()));
        return out.toString();
    }
}
