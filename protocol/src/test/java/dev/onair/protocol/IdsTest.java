package dev.onair.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdsTest {
    @Test
    void isValid_followsContractSection1() {
        assertThat(Ids.isValid("alice")).isTrue();
        assertThat(Ids.isValid("0")).isTrue();
        assertThat(Ids.isValid("a_b-c9")).isTrue();
        assertThat(Ids.isValid("a".repeat(32))).isTrue();
        assertThat(Ids.isValid("a".repeat(33))).isFalse();
        assertThat(Ids.isValid("_alice")).isFalse();
        assertThat(Ids.isValid("Alice")).isFalse();
        assertThat(Ids.isValid("al ice")).isFalse();
        assertThat(Ids.isValid("")).isFalse();
        assertThat(Ids.isValid(null)).isFalse();
    }

    @Test
    void fromName_derivesAnIdFromADisplayName() {
        assertThat(Ids.fromName("Alice Smith")).isEqualTo("alice-smith");
        assertThat(Ids.fromName("  Zoë  O'Brien ")).isEqualTo("zoe-o-brien");
        assertThat(Ids.fromName("Front door (hall)")).isEqualTo("front-door-hall");
        assertThat(Ids.fromName("x".repeat(40))).hasSize(32);
        assertThatThrownBy(() -> Ids.fromName("!!!")).hasMessageContaining("'!!!'");
    }
}
