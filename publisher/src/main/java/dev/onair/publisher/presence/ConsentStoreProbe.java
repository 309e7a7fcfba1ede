package dev.onair.publisher.presence;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Windows: whether an app uses the camera ({@code webcam}) or microphone ({@code microphone}) now, from the
 * CapabilityAccessManager ConsentStore that also drives the taskbar's "in use" icon. Every app has a key there, packaged
 * apps directly and desktop apps under {@code NonPackaged}; one whose {@code LastUsedTimeStop} is 0 after a
 * {@code LastUsedTimeStart} is using the device. Read with {@code reg query ... /s} under the current user: no admin
 * rights, no native library.
 */
public final class ConsentStoreProbe implements DeviceProbe {
    static final String ROOT =
            "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\CapabilityAccessManager\\ConsentStore\\";
    private static final Pattern VALUE =
            Pattern.compile("^\\s+(LastUsedTimeStart|LastUsedTimeStop)\\s+REG_QWORD\\s+" + "0x([0-9a-fA-F]+)\\s*$");

    private final String capability;
    private final CommandRunner runner;

    /** @param capability {@code webcam} or {@code microphone} */
    public ConsentStoreProbe(String capability, CommandRunner runner) {
        this.capability = capability;
        this.runner = runner;
    }

    @Override
    public boolean inUse() throws IOException {
        return inUse(runner.run(List.of("reg", "query", ROOT + capability, "/s")));
    }

    @Override
    public String describe() {
        return "the ConsentStore's " + capability + " key";
    }

    /** Reads {@code reg query /s} output: a key line starts a block, its values follow indented. */
    static boolean inUse(String regQueryOutput) {
        Long start = null;
        Long stop = null;
        for (String line : regQueryOutput.split("\\R")) {
            if (line.toUpperCase(Locale.ROOT).startsWith("HKEY_")) {
                if (active(start, stop)) {
                    return true;
                }
                start = null;
                stop = null;
                continue;
            }
            Matcher m = VALUE.matcher(line);
            if (m.matches()) {
                long value = Long.parseUnsignedLong(m.group(2), 16);
                if (m.group(1).equals("LastUsedTimeStart")) {
                    start = value;
                } else {
                    stop = value;
                }
            }
        }
        return active(start, stop);
    }

    private static boolean active(Long start, Long stop) {
        return start != null && start != 0 && stop != null && stop == 0;
    }
}
