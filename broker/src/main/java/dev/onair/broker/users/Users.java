package dev.onair.broker.users;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** An immutable set of broker users by name. Read and written by {@link UsersFile}. */
public final class Users {
    private static final Users EMPTY = new Users(Map.of());

    private final Map<String, User> byName;

    private Users(Map<String, User> byName) {
        this.byName = byName;
    }

    public static Users empty() {
        return EMPTY;
    }

    /** Builds a set from users; a later user replaces an earlier one of the same name. */
    public static Users of(Collection<User> users) {
        Map<String, User> map = new LinkedHashMap<>();
        for (User u : users) {
            map.put(u.name(), u);
        }
        return new Users(Collections.unmodifiableMap(map));
    }

    public Optional<User> get(String name) {
        return Optional.ofNullable(name == null ? null : byName.get(name));
    }

    /** Every user, in file order. */
    public Collection<User> all() {
        return byName.values();
    }

    /** A copy with {@code user} added, or replacing the user of the same name. */
    public Users with(User user) {
        Map<String, User> map = new LinkedHashMap<>(byName);
        map.put(user.name(), user);
        return new Users(Collections.unmodifiableMap(map));
    }

    /** A copy without the user called {@code name}. */
    public Users without(String name) {
        Map<String, User> map = new LinkedHashMap<>(byName);
        map.remove(name);
        return new Users(Collections.unmodifiableMap(map));
    }

    public int size() {
        return byName.size();
    }
}
