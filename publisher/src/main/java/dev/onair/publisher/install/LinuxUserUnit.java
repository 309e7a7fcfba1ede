package dev.onair.publisher.install;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A systemd user unit, {@code ~/.config/systemd/user/onair-publisher.service}: the user's own service manager starts
 * it at login ({@code default.target}) and again 10 s after it fails; no root, no system unit. Replacing it reloads
 * the manager and restarts the service, since {@code enable --now} leaves a running one as it is.
 */
final class LinuxUserUnit implements LoginService {
    static final String UNIT = "onair-publisher.service";

    private final Path file;

    /** @param configHome {@code $XDG_CONFIG_HOME}, or {@code ~/.config} */
    LinuxUserUnit(Path configHome) {
        this.file = configHome.resolve("systemd/user").resolve(UNIT);
    }

    @Override
    public String describe() {
        return "systemd user unit " + UNIT;
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public void install(LaunchCommand command, Host host) throws IOException {
        boolean replacing = host.exists(file);
        String unit = unit(command);
        host.write(file, unit.getBytes(StandardCharsets.UTF_8), unit);
        host.run(List.of("systemctl", "--user", "daemon-reload"));
        host.run(List.of("systemctl", "--user", "enable", "--now", UNIT));
        if (replacing) {
            host.run(List.of("systemctl", "--user", "restart", UNIT));
        }
    }

    @Override
    public void uninstall(Host host) throws IOException {
        host.runTolerant(List.of("systemctl", "--user", "disable", "--now", UNIT));
        host.delete(file);
        host.runTolerant(List.of("systemctl", "--user", "daemon-reload"));
    }

    @Override
    public String status(Host host) {
        return "enabled: " + host.query(List.of("systemctl", "--user", "is-enabled", UNIT)) + "\nactive: "
                + host.query(List.of("systemctl", "--user", "is-active", UNIT));
    }

    /** The unit file. */
    String unit(LaunchCommand command) {
        return """
                # OnAir publisher, written by `onair publisher install` (remove with `onair publisher uninstall`).
                [Unit]
                Description=OnAir publisher (Microsoft Teams presence to the light by the door)
                Documentation=https://github.com/onair-presence/onair
                After=network-online.target

                [Service]
                Type=simple
                WorkingDirectory=%s
                # At most two glibc malloc arenas (bench/README.md, "Publisher idle").
                Environment=MALLOC_ARENA_MAX=2
                ExecStart=%s
                Restart=on-failure
                RestartSec=10

                [Install]
                WantedBy=default.target
                """.formatted(
                        command.workingDir().replace("%", "%%"), // taken as it is, spaces included
                        command.argv().stream().map(LinuxUserUnit::quote).collect(Collectors.joining(" ")));
    }

    /** A word of ExecStart: quoted when it has a space, quote or backslash; % and $ doubled (specifiers, variables). */
    static String quote(String word) {
        String escaped = escape(word);
        if (word.chars().noneMatch(c -> Character.isWhitespace(c) || c == '"' || c == '\'' || c == '\\')) {
            return escaped;
        }
        return '"' + escaped.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String escape(String text) {
        return text.replace("%", "%%").replace("$", "$$");
    }
}
