package dev.onair.publisher.secret;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens the store a configuration names ({@code password-store:} in the YAML), and knows each OS's best store:
 *
 * <pre>
 * dpapi:%APPDATA%\OnAir\password.bin     Windows: DPAPI for the current user, ciphertext in that file
 * keychain:OnAir/alice                   macOS: the login Keychain, service OnAir, account alice
 * secret-service:onair/alice             Linux: the Secret Service, attributes service=onair account=alice
 * file:~/.config/onair/password          anywhere: a file only its owner can read (0600, checked at every start)
 * </pre>
 *
 * {@code %NAME%} is an environment variable, a leading {@code ~} the home folder.
 */
public final class SecretStores {
    private static final Pattern ENV_VAR = Pattern.compile("%([A-Za-z_][A-Za-z0-9_]*)%");

    private final Map<String, String> env;
    private final Path home;
    private final SecretRunner runner;
    private final Dpapi dpapi;

    public SecretStores(Map<String, String> env, Path home, SecretRunner runner, Dpapi dpapi) {
        this.env = env;
        this.home = home;
        this.runner = runner;
        this.dpapi = dpapi;
    }

    /** The real stores of this computer. */
    public static SecretStores system() {
        return new SecretStores(
                System.getenv(), Path.of(System.getProperty("user.home")), SecretRunner.system(), Dpapi.crypt32());
    }

    /** The store {@code reference} names. */
    public SecretStore open(String reference) throws SecretException {
        int colon = reference == null ? -1 : reference.indexOf(':');
        if (colon <= 0 || colon == reference.length() - 1) {
            throw new SecretException("'" + reference + "' is not a password store: give dpapi:FILE, "
                    + "keychain:SERVICE/ACCOUNT, secret-service:SERVICE/ACCOUNT or file:FILE");
        }
        String scheme = reference.substring(0, colon).toLowerCase(Locale.ROOT);
        String location = reference.substring(colon + 1).trim();
        return switch (scheme) {
            case "dpapi" -> new DpapiFileStore(path(location), reference, dpapi);
            case "file" -> new UserFileStore(path(location), reference);
            case "keychain" -> {
                String[] sa = serviceAccount(reference, location);
                yield new KeychainStore(sa[0], sa[1], runner);
            }
            case "secret-service" -> {
                String[] sa = serviceAccount(reference, location);
                yield new SecretServiceStore(sa[0], sa[1], runner);
            }
            default ->
                throw new SecretException("'" + scheme + "' in '" + reference + "' is not a password store "
                        + "(dpapi, keychain, secret-service or file)");
        };
    }

    /**
     * The stores to try for {@code account} on {@code osName}, best first: DPAPI on Windows, the Keychain on macOS,
     * the Secret Service then a 0600 file elsewhere. {@code configDir} holds the files.
     */
    public List<SecretStore> candidates(String osName, String account, Path configDir) throws SecretException {
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        List<SecretStore> stores = new ArrayList<>();
        if (os.startsWith("windows")) {
            stores.add(open("dpapi:" + configDir.resolve("password.bin")));
        } else if (os.startsWith("mac")) {
            stores.add(open("keychain:OnAir/" + account));
        } else {
            stores.add(open("secret-service:onair/" + account));
            stores.add(open("file:" + configDir.resolve("password")));
        }
        return stores;
    }

    private Path path(String location) throws SecretException {
        Matcher m = ENV_VAR.matcher(location);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = env.get(m.group(1));
            if (value == null) {
                throw new SecretException(
                        "%" + m.group(1) + "% in the password store '" + location + "' is not set in this environment");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        String expanded = out.toString();
        if (expanded.equals("~")) {
            return home;
        }
        if (expanded.startsWith("~/") || expanded.startsWith("~\\")) {
            return home.resolve(expanded.substring(2));
        }
        return Path.of(expanded);
    }

    private static String[] serviceAccount(String reference, String location) throws SecretException {
        int slash = location.indexOf('/');
        if (slash <= 0 || slash == location.length() - 1) {
            throw new SecretException("'" + reference + "' needs SERVICE/ACCOUNT after the colon, e.g. OnAir/alice");
        }
        return new String[] {location.substring(0, slash), location.substring(slash + 1)};
    }
}
