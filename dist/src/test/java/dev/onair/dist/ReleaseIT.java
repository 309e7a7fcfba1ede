package dev.onair.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archives as a user gets them (issue 14): what {@code ./mvnw package} wrote to {@code dist/}, read with
 * commons-compress (names, modes, times, bytes), the tar unpacked by the real {@code tar}, its {@code bin/onair} run.
 */
class ReleaseIT {
    private static final Path DIST = Path.of(System.getProperty("onair.dist.dir"));
    private static final String RELEASE = System.getProperty("onair.release");
    private static final String VERSION = System.getProperty("onair.version");
    private static final String PUBLISHER_FLAGS = System.getProperty("onair.publisher.jvm.flags");
    private static final String PI_FLAGS = System.getProperty("onair.pi.jvm.flags");
    private static final Instant BUILD_TIME = Instant.parse("2026-12-01T00:00:00Z");

    /** The layout the README lists (section "On the work PC"), every file under onair-VERSION/. */
    private static final List<String> LAYOUT = List.of(
            ".env.example",
            "README.md",
            "SHA256SUMS",
            "bench/README.md",
            "bin/onair",
            "bin/onair.cmd",
            "broker/README.md",
            "certs/README.md",
            "deploy/systemd/onair-pi.service",
            "deploy/systemd/onair-publisher.service",
            "display-node/README.md",
            "docker-compose.pi.yml",
            "docker-compose.yml",
            "docs/CONTRACT.md",
            "ha-bridge/README.md",
            "lib/find-java.cmd",
            "lib/onair.jar",
            "publisher/README.md");

    private static Map<String, TarArchiveEntry> tarEntries;
    private static Map<String, String> tarHashes;

    @TempDir
    Path unpacked;

    @BeforeAll
    static void readTheTar() throws IOException {
        tarEntries = new TreeMap<>();
        tarHashes = new TreeMap<>();
        try (InputStream in = Files.newInputStream(DIST.resolve(RELEASE + ".tar.gz"));
                TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                tarEntries.put(e.getName(), e);
                if (e.isFile()) {
                    tarHashes.put(e.getName(), sha256(tar.readAllBytes()));
                }
            }
        }
    }

    @Test
    void tar_holdsTheLayout_underOneFolder_withFixedModesAndTimes() {
        assertThat(files(tarEntries.keySet())).containsExactlyElementsOf(LAYOUT);
        for (TarArchiveEntry e : tarEntries.values()) {
            assertThat(e.getName()).startsWith(RELEASE + "/");
            assertThat(e.getModTime().toInstant()).as(e.getName()).isEqualTo(BUILD_TIME);
            int expected = e.isDirectory() || e.getName().equals(RELEASE + "/bin/onair") ? 0755 : 0644;
            assertThat(e.getMode() & 07777).as(e.getName() + " mode").isEqualTo(expected);
        }
    }

    @Test
    void zip_holdsTheSameFiles_withTheSameBytesAndModes() throws IOException {
        Map<String, String> zipHashes = new TreeMap<>();
        try (ZipFile zip =
                ZipFile.builder().setPath(DIST.resolve(RELEASE + ".zip")).get()) {
            for (ZipArchiveEntry e : java.util.Collections.list(zip.getEntries())) {
                if (e.isDirectory()) {
                    continue;
                }
                try (InputStream in = zip.getInputStream(e)) {
                    zipHashes.put(e.getName(), sha256(in.readAllBytes()));
                }
                int expected = e.getName().equals(RELEASE + "/bin/onair") ? 0755 : 0644;
                assertThat(e.getUnixMode() & 07777).as(e.getName() + " mode").isEqualTo(expected);
            }
        }
        assertThat(zipHashes).isEqualTo(tarHashes);
    }

    @Test
    void distSha256sums_matchesBothArchives() throws IOException {
        assertThat(Files.readAllLines(DIST.resolve("SHA256SUMS")))
                .containsExactly(
                        sha256(Files.readAllBytes(DIST.resolve(RELEASE + ".tar.gz"))) + " *" + RELEASE + ".tar.gz",
                        sha256(Files.readAllBytes(DIST.resolve(RELEASE + ".zip"))) + " *" + RELEASE + ".zip");
    }

    @Test
    void unpackedWithTar_sha256sumsListsEveryOtherFile_andEachMatches() throws Exception {
        Path home = untar();

        Map<String, String> listed = new TreeMap<>();
        for (String line : Files.readAllLines(home.resolve("SHA256SUMS"))) {
            Matcher m = Pattern.compile("([0-9a-f]{64}) \\*(.+)").matcher(line);
            assertThat(m.matches()).as(line).isTrue();
            listed.put(m.group(2), m.group(1));
        }
        List<String> others = new ArrayList<>(LAYOUT);
        others.remove("SHA256SUMS");
        assertThat(listed.keySet()).containsExactlyElementsOf(others);
        for (var e : listed.entrySet()) {
            assertThat(sha256(Files.readAllBytes(home.resolve(e.getKey()))))
                    .as(e.getKey())
                    .isEqualTo(e.getValue());
        }
        // And as a user checks it: coreutils' sha256sum reads the same file.
        assertThat(run(home, Map.of(), "sha256sum", "--check", "--strict", "SHA256SUMS").exit)
                .isZero();
        assertThat(Files.getPosixFilePermissions(home.resolve("bin/onair")))
                .isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void binOnair_printsTheVersion() throws Exception {
        Path home = untar();

        Result r = run(home, Map.of("JAVA_HOME", System.getProperty("java.home")), "bin/onair", "--version");

        assertThat(r.exit).as(r.out).isZero();
        assertThat(r.out.strip()).isEqualTo("OnAir " + VERSION);
    }

    @Test
    void binOnair_startsThePublisherWithTheShippedFlags() throws Exception {
        Path home = untar();
        String script = Files.readString(home.resolve("bin/onair"));

        assertThat(script).contains("opts=\"" + PUBLISHER_FLAGS + "\"").contains("opts=\"" + PI_FLAGS + "\"");
        assertThat(script).doesNotContain("@onair.").doesNotContain("\r");
        // The JVM takes the flags (a misspelt one would stop it here), and the install subcommand is there.
        Result r = run(
                home,
                Map.of("JAVA_HOME", System.getProperty("java.home")),
                "bin/onair",
                "publisher",
                "install",
                "--help");
        assertThat(r.exit).as(r.out).isZero();
        assertThat(r.out).contains("--dry-run");
    }

    @Test
    void binOnair_refusesAJavaOlderThan17_sayingWhatItFound() throws Exception {
        Path home = untar();
        Path oldJava = Files.createDirectories(unpacked.resolve("jdk-11/bin")).resolve("java");
        Files.writeString(oldJava, "#!/bin/sh\necho '    java.specification.version = 11' >&2\n");
        Files.setPosixFilePermissions(oldJava, PosixFilePermissions.fromString("rwxr-xr-x"));

        Result r = run(home, Map.of("JAVA_HOME", unpacked.resolve("jdk-11").toString()), "bin/onair", "--version");

        assertThat(r.exit).isEqualTo(1);
        assertThat(r.out.strip()).isEqualTo("onair: Java 17 or later is needed, found 11 at " + oldJava);
    }

    @Test
    void theSystemdUnitOfThePublisher_runsTheShippedFlags() throws Exception {
        String unit = Files.readString(untar().resolve("deploy/systemd/onair-publisher.service"));

        assertThat(unit).contains("ExecStart=/usr/bin/java " + PUBLISHER_FLAGS + " -jar ");
    }

    /**
     * Windows cannot run here: the launcher's text is checked instead, one search location at a time (README,
     * "On the work PC", and the comment at the top of lib/find-java.cmd say the same).
     */
    @Test
    void windowsLaunchers_areCrlf_searchEveryUsualJava_andNameOneWingetLine() throws Exception {
        Path home = untar();
        String cmd = Files.readString(home.resolve("bin/onair.cmd"));
        String find = Files.readString(home.resolve("lib/find-java.cmd"));

        for (String text : List.of(cmd, find)) {
            assertThat(text.replace("\r\n", "")).doesNotContain("\n");
            assertThat(text).startsWith("@echo off\r\n").doesNotContain("@onair.");
        }
        assertThat(cmd)
                .contains("call \"%ONAIR_HOME%\\lib\\find-java.cmd\"")
                .contains("if /i \"%~1\"==\"publisher\" set \"opts=" + PUBLISHER_FLAGS + "\"")
                .contains("if /i \"%~1\"==\"pi\" set \"opts=" + PI_FLAGS + "\"")
                .contains("\"%ONAIR_JAVA%\" %opts% -jar \"%ONAIR_HOME%\\lib\\onair.jar\" %*");
        String code = codeLines(find);
        assertThat(code)
                .contains("if defined JAVA_HOME call :try \"%JAVA_HOME%\\bin\\java.exe\"")
                .contains("'where java.exe 2^>nul'")
                .contains("\"%ProgramFiles%\\Eclipse Adoptium\\jdk-*\"")
                .contains("\"%ProgramFiles%\\Eclipse Adoptium\\jre-*\"")
                .contains("\"%LOCALAPPDATA%\\Programs\\Eclipse Adoptium\\jdk-*\"")
                .contains("\"%LOCALAPPDATA%\\Programs\\Eclipse Adoptium\\jre-*\"")
                .contains("\"%ProgramFiles%\\Microsoft\\jdk-*\"")
                .contains("-XshowSettings:properties -version")
                .contains("if !major! GEQ 17 set \"found=%~1\"")
                .contains("endlocal & set \"ONAIR_JAVA=%found%\"");
        assertThat(Pattern.compile("winget").matcher(code).results().count())
                .as("winget lines")
                .isEqualTo(1);
        assertThat(code).contains("echo winget install --id EclipseAdoptium.Temurin.17.JRE -e 1>&2\r\n");
    }

    /** The lines cmd.exe runs, without its comments. */
    private static String codeLines(String cmd) {
        StringBuilder sb = new StringBuilder();
        for (String line : cmd.split("\r\n")) {
            if (!line.strip().toLowerCase(java.util.Locale.ROOT).startsWith("rem ")) {
                sb.append(line).append("\r\n");
            }
        }
        return sb.toString();
    }

    private Path untar() throws Exception {
        Result r = run(
                unpacked,
                Map.of(),
                "tar",
                "-xzf",
                DIST.resolve(RELEASE + ".tar.gz").toString());
        assertThat(r.exit).as(r.out).isZero();
        return unpacked.resolve(RELEASE);
    }

    private static List<String> files(Iterable<String> names) {
        List<String> files = new ArrayList<>();
        for (String n : names) {
            if (!n.endsWith("/")) {
                files.add(n.substring(RELEASE.length() + 1));
            }
        }
        files.sort(null);
        return files;
    }

    private record Result(int exit, String out) {}

    private static Result run(Path dir, Map<String, String> env, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().remove("ONAIR_JAVA_OPTS");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS))
                .as(String.join(" ", command))
                .isTrue();
        return new Result(p.exitValue(), out);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
