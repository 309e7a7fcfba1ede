package dev.onair.broker.users;

import dev.onair.protocol.Ids;

/**
 * One broker user.
 *
 * @param name the MQTT user name
 * @param role what the user may do
 * @param id the person (publisher) or display (display) id the user acts for; for those roles it defaults to the
 *     user name, for the others it is null
 * @param passwordHash a {@link PasswordHash} string, never a password
 */
public record User(String name, Role role, String id, String passwordHash) {
    /** User names: what mosquitto_pub and Home Assistant accept without quoting trouble. */
    public static final String NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}";

    public User {
        if (name == null || !name.matches(NAME_PATTERN)) {
            throw new IllegalArgumentException("user name '" + name + "' is invalid: use 1 to 64 characters of "
                    + "A-Z, a-z, 0-9, '_', '.', '@' and '-', starting with a letter or digit");
        }
        if (role == null) {
            throw new IllegalArgumentException("user '" + name + "' has no role");
        }
        if (role.hasId()) {
            String what = role == Role.PUBLISHER ? "person id" : "display id";
            id = Ids.require(id == null ? name : id, "user '" + name + "': " + what);
        } else if (id != null) {
            throw new IllegalArgumentException(
                    "user '" + name + "': role " + role.key() + " takes no id (only publisher and display do)");
        }
        if (!PasswordHash.isHash(passwordHash)) {
            throw new IllegalArgumentException("user '" + name + "': password is not a password hash OnAir wrote "
                    + "($7$... or pbkdf2-sha256$...; set it with ./onair users add)");
        }
    }

    /** Creates a user with a fresh hash of {@code password}. */
    public static User create(String name, Role role, String id, String password) {
        if (password == null || password.length() < 8) {
            throw new IllegalArgumentException("password for user '" + name + "' must have at least 8 characters");
        }
        return new User(name, role, id, PasswordHash.hash(password));
    }

    /**
     * Creates a user whose password {@link PasswordHash#generatePassword()} made; such a password is hashed at a lower
     * cost (see {@link PasswordHash#GENERATED_ITERATIONS}).
     */
    public static User createGenerated(String name, Role role, String id, String generatedPassword) {
        return new User(name, role, id, PasswordHash.hashGenerated(generatedPassword));
    }

    /** Keeps the hash out of logs. */
    @Override
    public String toString() {
        return "User[name=" + name + ", role=" + role.key() + ", id=" + id + "]";
    }
}
