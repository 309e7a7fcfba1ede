package dev.onair.runtime.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onair.runtime.config.StartupException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LifecycleTest {
    private final List<String> events = new ArrayList<>();

    private Component part(String name) {
        return Component.of(name, () -> events.add("start " + name), () -> events.add("stop " + name));
    }

    @Test
    void nestedLifecycle_startsItsPartsInOrder_andStopsThemInReverse_whereItStands() {
        Lifecycle node = new Lifecycle("node").add(part("link")).add(null).add(part("source"));
        Lifecycle main = new Lifecycle().start(part("broker")).start(node).start(part("http"));

        main.stop();

        assertThat(events)
                .containsExactly(
                        "start broker",
                        "start link",
                        "start source",
                        "start http",
                        "stop http",
                        "stop source",
                        "stop link",
                        "stop broker");
    }

    @Test
    void aFailingPart_stopsWhatStarted_andNamesItself() {
        Component broken = Component.of(
                "status server",
                () -> {
                    throw new java.io.IOException("port 8080 in use");
                },
                () -> events.add("stop status server"));
        Lifecycle node = new Lifecycle("publisher").add(part("link")).add(broken);

        assertThatThrownBy(() -> new Lifecycle().start(part("broker")).start(node))
                .isInstanceOf(StartupException.class)
                .hasMessage("status server: port 8080 in use");
        assertThat(events).containsExactly("start broker", "start link", "stop link", "stop broker");
    }
}
