package dev.onair.publisher.teams;

/** Which Teams client writes the logs: the new one (a folder of rotating files) or classic Teams (one file). */
public enum TeamsClient {
    NEW("teams-log"),
    CLASSIC("teams-classic-log");

    private final String source;

    TeamsClient(String source) {
        this.source = source;
    }

    /** The presence {@code source} for what this client's logs decide. */
    public String source() {
        return source;
    }
}
