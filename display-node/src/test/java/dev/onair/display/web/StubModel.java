package dev.onair.display.web;

import dev.onair.display.panel.Frame;
import dev.onair.display.panel.PanelHealth;
import dev.onair.display.scene.PersonView;
import dev.onair.display.scene.Region;
import dev.onair.protocol.command.OverrideCommand;
import dev.onair.protocol.light.LightCommand;
import dev.onair.protocol.light.LightState;
import dev.onair.protocol.light.Rgb;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A display without MQTT or panel behind the dashboard: state set by the test, commands recorded. */
final class StubModel implements DashboardModel {
    volatile List<PersonView> people = List.of();
    volatile LightState light = new LightState(true, 128, new Rgb(255, 255, 255), LightState.EFFECT_PRESENCE);
    volatile Frame frame = Frame.black(2, 2);
    volatile List<Region> regions = List.of();
    volatile boolean connected = true;
    volatile PanelHealth.Status panel = new PanelHealth().status();
    volatile int brightness = 255;
    final Map<String, OverrideCommand> overrides = new ConcurrentHashMap<>();
    final List<LightCommand> commands = new CopyOnWriteArrayList<>();
    /** Runs each time the people are read: lets a test land a change while a new client's snapshot is taken. */
    volatile Runnable onPeopleRead = () -> {};

    @Override
    public List<PersonView> people() {
        onPeopleRead.run();
        return people;
    }

    @Override
    public Rgb colour(PersonView person) {
        return new Rgb(1, 2, 3);
    }

    @Override
    public LightState light() {
        return light;
    }

    @Override
    public LightState applyLight(LightCommand command) {
        commands.add(command);
        light = light.apply(command);
        return light;
    }

    @Override
    public Frame frame() {
        return frame;
    }

    @Override
    public List<Region> regions() {
        return regions;
    }

    @Override
    public int frameBrightness() {
        return brightness;
    }

    @Override
    public PanelHealth.Status panel() {
        return panel;
    }

    @Override
    public boolean connected() {
        return connected;
    }

    @Override
    public CompletableFuture<Void> sendOverride(String person, OverrideCommand command) {
        overrides.put(person, command);
        return CompletableFuture.completedFuture(null);
    }
}
