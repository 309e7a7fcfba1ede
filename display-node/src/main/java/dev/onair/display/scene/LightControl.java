package dev.onair.display.scene;

import dev.onair.protocol.light.LightCommand;
import dev.onair.protocol.light.LightState;
import dev.onair.protocol.light.Rgb;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The display as a Home Assistant JSON-schema light (CONTRACT.md section 5): its state, the commands that change it,
 * and the listeners told after every change (the MQTT state topic, the dashboard).
 */
public final class LightControl {
    private final List<Consumer<LightState>> listeners = new CopyOnWriteArrayList<>();
    private LightState state;

    public LightControl(LightState initial) {
        this.state = initial;
    }

    /** Called with the new state after every change. */
    public void onChange(Consumer<LightState> listener) {
        listeners.add(listener);
    }

    public synchronized LightState state() {
        return state;
    }

    /** Applies a command and tells the listeners, even when nothing changed, so Home Assistant never guesses. */
    public LightState apply(LightCommand command) {
        LightState next;
        synchronized (this) {
            state = state.apply(command);
            next = state;
        }
        notify(next);
        return next;
    }

    /**
     * Keeps the state's colour equal to the presence shown while the effect is {@code presence}, so Home Assistant's
     * light shows the colour of the door sign.
     */
    public void followPresence(Rgb colour) {
        LightState next;
        synchronized (this) {
            if (colour == null
                    || !state.effect().equals(LightState.EFFECT_PRESENCE)
                    || Objects.equals(colour, state.color())) {
                return;
            }
            state = new LightState(state.on(), state.brightness(), colour, state.effect());
            next = state;
        }
        notify(next);
    }

    private void notify(LightState next) {
        for (Consumer<LightState> l : listeners) {
            l.accept(next);
        }
    }
}
