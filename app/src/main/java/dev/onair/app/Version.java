package dev.onair.app;

import picocli.CommandLine.IVersionProvider;

/** {@code onair --version}: the version Maven wrote into the jar's manifest. */
final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = OnAirMain.class.getPackage().getImplementationVersion();
        return new String[] {"OnAir " + (v == null ? "(development build)" : v)};
    }
}
