package dev.onair.runtime.config;

import dev.onair.protocol.topic.Topics;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code --topic-prefix} and {@code --discovery-prefix} with their defaults, for a command that writes rules for
 * both trees (the broker's ACLs, the Mosquitto export); each command says in its own words what they are for. Read
 * back as one checked {@link Topics}.
 */
public final class TopicsOptions extends DeclaredOptions {
    private final String label;
    private final String topicHelp;
    private final String discoveryHelp;
    private final Value topic = new Value(Topics.DEFAULT_PREFIX);
    private final Value discovery = new Value(Topics.DEFAULT_DISCOVERY_PREFIX);

    /**
     * @param label the values' label in {@code --help}
     * @param topicHelp the description of {@code --topic-prefix}
     * @param discoveryHelp the description of {@code --discovery-prefix}
     */
    public TopicsOptions(String label, String topicHelp, String discoveryHelp) {
        this.label = label;
        this.topicHelp = topicHelp;
        this.discoveryHelp = discoveryHelp;
    }

    /** The prefixes as topics, or null with the problem in {@code errors}. */
    public Topics topics(ConfigErrors errors) {
        return errors.check("--topic-prefix", () -> new Topics(topic.value(), discovery.value()));
    }

    @Override
    protected void declare(CommandSpec command) {
        add(command, "--topic-prefix", label, String.class, topicHelp, topic);
        add(command, "--discovery-prefix", label, String.class, discoveryHelp, discovery);
    }
}
