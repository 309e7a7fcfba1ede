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
import java.util.concurrent.CompletableFuture;

/** What the dashboard reads and changes; the display node provides it. */
public interface DashboardModel {
    /** Everyone known, in display order. */
    List<PersonView> people();

    /** The colour the panel shows for a person. */
    Rgb colour(PersonView person);

    LightState light();

    /** Applies a light command locally; the node publishes the new state. */
    LightState applyLight(LightCommand command);

    /** The frame now on the panel. */
    Frame frame();

    /** The brightness the LEDs run at now, 0-255 of full output (night hours and the panel's own cap applied). */
    int frameBrightness();

    /** Who has which part of the frame now shown (the legend); empty unless it shows the people's presence. */
    List<Region> regions();

    /** Whether the panel takes its frames. */
    PanelHealth.Status panel();

    /** Whether the node is connected to its broker. */
    boolean connected();

    /** Publishes an override command to {@code onair/person/<person>/set}. */
    CompletableFuture<Void> sendOverride(String person, OverrideCommand command);
}
