package dev.onair.publisher.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Windows cannot run here, so the probe is tested by what it would run and by reading {@code reg query /s} output.
 * The outputs below are written in reg.exe's layout (a key line, then indented {@code name  type  data} lines); they
 * are not captured from a PC.
 */
class ConsentStoreProbeTest {
    private static final String KEY = "HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\"
            + "CapabilityAccessManager\\ConsentStore\\webcam";

    private static String output(String teamsStop, String zoomStop) {
        return "\r\n" + KEY + "\r\n"
                + "    Value    REG_SZ    Allow\r\n"
                + "\r\n" + KEY + "\\MSTeams_8wekyb3d8bbwe\r\n"
                + "    Value    REG_SZ    Allow\r\n"
                + "    LastUsedTimeStart    REG_QWORD    0x1db3f0a2c4e5f60\r\n"
                + "    LastUsedTimeStop    REG_QWORD    " + teamsStop + "\r\n"
                + "\r\n" + KEY + "\\NonPackaged\r\n"
                + "\r\n" + KEY + "\\NonPackaged\\C:#Program Files#Zoom#bin#Zoom.exe\r\n"
                + "    LastUsedTimeStart    REG_QWORD    0x1db3f0a2c4e5f61\r\n"
                + "    LastUsedTimeStop    REG_QWORD    " + zoomStop + "\r\n";
    }

    @Test
    void packagedAppWithStopZero_isInUse() {
        assertThat(ConsentStoreProbe.inUse(output("0x0", "0x1db3f0a2c4e5f70"))).isTrue();
    }

    @Test
    void nonPackagedAppWithStopZero_isInUse() {
        assertThat(ConsentStoreProbe.inUse(output("0x1db3f0a2c4e5f70", "0x0"))).isTrue();
    }

    @Test
    void everyAppStopped_orNeverUsed_isNotInUse() {
        assertThat(ConsentStoreProbe.inUse(output("0x1db3f0a2c4e5f70", "0x1db3f0a2c4e5f71")))
                .isFalse();
        assertThat(ConsentStoreProbe.inUse(KEY + "\r\n    Value    REG_SZ    Deny\r\n"))
                .isFalse();
        assertThat(ConsentStoreProbe.inUse("")).isFalse();
    }

    @Test
    void inUse_runsRegQueryOnTheCapabilityKey_recursively() throws IOException {
        List<List<String>> ran = new ArrayList<>();
        ConsentStoreProbe probe = new ConsentStoreProbe("microphone", command -> {
            ran.add(command);
            return output("0x0", "0x1");
        });

        assertThat(probe.inUse()).isTrue();
        assertThat(ran)
                .containsExactly(List.of(
                        "reg",
                        "query",
                        "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\CapabilityAccessManager\\ConsentStore\\microphone",
                        "/s"));
    }

    @Test
    void regQueryFails_isAnIOException_notAGuess() {
        ConsentStoreProbe probe = new ConsentStoreProbe("webcam", command -> {
            throw new IOException("reg exited with 1");
        });

        assertThatThrownBy(probe::inUse).isInstanceOf(IOException.class);
    }
}
