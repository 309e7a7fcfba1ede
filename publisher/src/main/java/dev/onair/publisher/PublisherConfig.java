package dev.onair.publisher;

import dev.onair.protocol.Ids;
import dev.onair.protocol.presence.Presence;
import dev.onair.protocol.topic.Topics;
import dev.onair.publisher.http.HttpSettings;
import dev.onair.publisher.http.PullSource.PollSettings;
import dev.onair.publisher.presence.WorkingHours;
import dev.onair.publisher.teams.TeamsAccount;
import dev.onair.publisher.teams.TeamsClient;
import dev.onair.runtime.mqtt.BrokerSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything a {@link PublisherNode} needs, validated on the way in.
 *
 * @param person the person id whose presence is published
 * @param broker how to reach the broker; a null address means "find it by mDNS"
 * @param topicPrefix the topic prefix ({@code onair})
 * @param source where presence comes from
 * @param teams the Teams log settings; required for {@link Source#TEAMS_LOG}, else null
 * @param poll the endpoint to poll; required for {@link Source#HTTP_PULL}, else null
 * @param http the HTTP status server, or null for none; required, with push ingress, for {@link Source#HTTP_PUSH}
 * @param workingHours the working hours, or null for "always"
 * @param name the person's display name sent in every presence ({@code --name "Alice Smith"}), or null for none
 */
public record PublisherConfig(
        String person,
        BrokerSettings broker,
        String topicPrefix,
        Source source,
        TeamsSettings teams,
        PollSettings poll,
        HttpSettings http,
        WorkingHours workingHours,
        String name) {

    /** Where presence comes from: exactly one per publisher. */
    public enum Source {
        /** The Teams client's log files on this PC (the default). */
        TEAMS_LOG,
        /** Another PC's {@code GET /status}, polled ({@code --poll URL}). */
        HTTP_PULL,
        /** {@code POST /status} from the older PowerShell push client ({@code --push-ingress}). */
        HTTP_PUSH
    }

    /**
     * Where and how to read Teams' logs.
     *
     * @param client the new or the classic client
     * @param location the new client's log folder, or the classic client's {@code logs.txt}
     * @param processCheck whether "no Teams process" means offline
     * @param pollInterval the slow poll behind file-change notification
     * @param account the signed-in account the light follows ({@code --teams-account}, default the work account)
     */
    public record TeamsSettings(
            TeamsClient client, Path location, boolean processCheck, Duration pollInterval, TeamsAccount account) {
        public static final Duration DEFAULT_POLL = Duration.ofSeconds(2);

        /** Following the work account. */
        public TeamsSettings(TeamsClient client, Path location, boolean processCheck, Duration pollInterval) {
            this(client, location, processCheck, pollInterval, TeamsAccount.WORK);
        }

        public TeamsSettings {
            Objects.requireNonNull(client, "client");
            if (location == null) {
                throw new IllegalArgumentException("no Teams log location: give it with --teams-logs DIR "
                        + "(or --teams-classic-log FILE); this OS has no default");
            }
            if (pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()) {
                throw new IllegalArgumentException("Teams log poll interval " + pollInterval + " must be positive");
            }
            Objects.requireNonNull(account, "account");
        }
    }

    public PublisherConfig {
        Ids.require(person, "person id");
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(source, "source");
        new Topics(topicPrefix, Topics.DEFAULT_DISCOVERY_PREFIX);
        if (broker.address() == null && broker.caFile() == null && broker.caSha256() == null) {
            throw new IllegalArgumentException("with no broker given, it is found by mDNS, which needs the CA to "
                    + "check it against: give --ca FILE or --ca-sha256 HEX (or --broker HOST)");
        }
        if ((source == Source.TEAMS_LOG) != (teams != null)) {
            throw new IllegalArgumentException("Teams settings go with the Teams log source, and only with it");
        }
        if ((source == Source.HTTP_PULL) != (poll != null)) {
            throw new IllegalArgumentException("a poll URL goes with the HTTP pull source, and only with it");
        }
        if ((source == Source.HTTP_PUSH) != (http != null && http.pushIngress())) {
            throw new IllegalArgumentException("push ingress goes with the HTTP push source, and only with it");
        }
        if (name != null) {
            Presence.checkName(name);
        }
    }

    /** A publisher that sends no display name. */
    public PublisherConfig(
            String person,
            BrokerSettings broker,
            String topicPrefix,
            Source source,
            TeamsSettings teams,
            PollSettings poll,
            HttpSettings http,
            WorkingHours workingHours) {
        this(person, broker, topicPrefix, source, teams, poll, http, workingHours, null);
    }

    /**
     * A publisher that follows new Teams' logs in {@code logDir}, without the process check, HTTP server or working
     * hours: what {@code ./onair demo} runs.
     */
    public static PublisherConfig teamsLogs(String person, BrokerSettings broker, Path logDir) {
        return new PublisherConfig(
                person,
                broker,
                Topics.DEFAULT_PREFIX,
                Source.TEAMS_LOG,
                new TeamsSettings(TeamsClient.NEW, logDir, false, TeamsSettings.DEFAULT_POLL),
                null,
                null,
                null);
    }

    /** The same configuration with other broker settings (a password asked for at start-up). */
    public PublisherConfig withBroker(BrokerSettings other) {
        return new PublisherConfig(person, other, topicPrefix, source, teams, poll, http, workingHours, name);
    }

    /** The presence {@code source} word before anything is detected. */
    public String sourceWord() {
        return switch (source) {
            case TEAMS_LOG -> teams.client().source();
            case HTTP_PULL -> "http-pull";
            case HTTP_PUSH -> "http-push";
        };
    }
}
