package dev.onair.publisher.tray;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.onair.protocol.command.OverrideCommand;
import java.awt.Color;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class PresenceTrayTest {
    @Test
    void headless_trayIsOff_withOneDebugLine_andNoError() throws Exception {
        // Surefire's JVM has no display (CI, and no DISPLAY here): the case of a service or an SSH session.
        assertThat(GraphicsEnvironment.isHeadless())
                .as("this test needs a JVM without a display")
                .isTrue();
        Logger logger = (Logger) LoggerFactory.getLogger(PresenceTray.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        Level before = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        List<OverrideCommand> overrides = new ArrayList<>();
        try {
            PresenceTray tray = new PresenceTray("alice", overrides::add, null, () -> {});
            tray.start();
            tray.show(null);
            tray.stop();
        } finally {
            logger.setLevel(before);
            logger.detachAppender(appender);
        }
        assertThat(appender.list).singleElement().satisfies(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.DEBUG);
            assertThat(e.getFormattedMessage()).contains("the tray icon is off");
        });
        assertThat(overrides).isEmpty();
    }

    @Test
    void icon_isADiscInTheContractsColour() {
        BufferedImage image = StatusIcon.image(new Color(0xFF0000), 24);

        assertThat(image.getRGB(12, 12)).isEqualTo(0xFFFF0000);
        assertThat(image.getRGB(0, 0) >>> 24).as("transparent corner").isZero();
        assertThat(StatusIcon.colour(null)).isEqualTo(Color.WHITE);
    }
}
