package dev.onair.broker.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TopicFiltersTest {
    @ParameterizedTest
    @CsvSource(textBlock = """
                onair/#,            onair/person/alice/presence, true
                onair/#,            onair,                       true
                onair/person/+/set, onair/person/alice/set,      true
                onair/person/+/set, onair/person/alice/presence, false
                onair/person/+/set, onair/person/alice/set/x,    false
                '#',                $SYS/broker,                 false
                +/x,                $SYS/x,                      false
                a/b,                a/b,                         true
                a/b,                a/b/c,                       false
                """)
    void matches(String filter, String topic, boolean expected) {
        assertThat(TopicFilters.matches(filter, topic)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
                onair/#,                 onair/#,                     true
                onair/#,                 onair/person/+/presence,     true
                onair/#,                 onair,                       true
                onair/person/+/presence, onair/person/+/presence,     true
                onair/person/+/presence, onair/person/alice/presence, true
                onair/person/+/presence, onair/#,                     false
                onair/person/+/presence, onair/person/#,              false
                onair/person/+/presence, onair/person/+/+,            false
                onair/person/alice/set,  onair/person/+/set,          false
                onair/display/kitchen/#, onair/display/kitchen/state, true
                onair/display/kitchen/#, onair/display/+/state,       false
                a/b,                     a/b/#,                       false
                onair/#,                 '#',                         false
                """)
    void covers(String allowed, String requested, boolean expected) {
        assertThat(TopicFilters.covers(allowed, requested)).isEqualTo(expected);
    }
}
