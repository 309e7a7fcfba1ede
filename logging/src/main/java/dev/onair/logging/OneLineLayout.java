package dev.onair.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Writes what {@link OnAirLogging#PATTERN} ({@code %d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n}) writes, stack trace
 * included, without Logback's {@code PatternLayout}: its pattern parser, its table of every converter and their
 * lambdas are about 150 classes more in every node (issues 14 and 17). {@code OneLineLayoutTest} holds it to
 * PatternLayout's output. Safe for concurrent use, as an encoder's layout must be.
 */
final class OneLineLayout extends LayoutBase<ILoggingEvent> {

    private final DateTimeFormatter time =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
    /** What PatternLayout appends itself when a pattern names no exception converter (EnsureExceptionHandling). */
    private final ThrowableProxyConverter stackTrace = new ThrowableProxyConverter();

    @Override
    public void start() {
        stackTrace.setContext(getContext());
        stackTrace.start();
        super.start();
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        var line = new StringBuilder(128);
        time.formatTo(Instant.ofEpochMilli(event.getTimeStamp()), line);
        line.append(' ');
        String level = event.getLevel().toString();
        line.append(level);
        for (int i = level.length(); i < 5; i++) {
            line.append(' ');
        }
        line.append(' ');
        String logger = event.getLoggerName();
        line.append(logger, logger.lastIndexOf('.') + 1, logger.length());
        line.append(" - ").append(event.getFormattedMessage()).append(CoreConstants.LINE_SEPARATOR);
        line.append(stackTrace.convert(event));
        return line.toString();
    }
}
