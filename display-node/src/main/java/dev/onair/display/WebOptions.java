package dev.onair.display;

import dev.onair.runtime.config.SecretOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@link DisplayCommand}'s options for the dashboard: where it listens, how many event streams, its API key. */
final class WebOptions {
    @Option(
            names = "--http-host",
            paramLabel = "ADDR",
            description = "Address the dashboard listens on (default: ${DEFAULT-VALUE}).")
    String httpHost = WebSettings.DEFAULT_HOST;

    @Option(
            names = "--http-port",
            paramLabel = "N",
            description = "Dashboard port (default: ${DEFAULT-VALUE}; 0 for any free port).")
    int httpPort = WebSettings.DEFAULT_PORT;

    @Option(
            names = "--streams-per-address",
            paramLabel = "N",
            description =
                    "Most dashboard event streams one client address may hold open (default: " + "${DEFAULT-VALUE}).")
    int streamsPerAddress = WebSettings.DEFAULT_STREAMS_PER_ADDRESS;

    @Option(
            names = "--max-event-streams",
            paramLabel = "N",
            description =
                    "Most dashboard event streams served at once, from every address (default: " + "${DEFAULT-VALUE}).")
    int maxEventStreams = WebSettings.DEFAULT_MAX_STREAMS;

    @Mixin
    SecretOptions apiKey = new SecretOptions(
            "api-key",
            "KEY",
            "Key the dashboard's controls need (X-API-Key). Without one, controls work from this machine only. Prefer "
                    + "--api-key-file or ONAIR_API_KEY.",
            "File whose first line is the API key.");
}
