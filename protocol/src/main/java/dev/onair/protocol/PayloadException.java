package dev.onair.protocol;

/**
 * A payload that breaks the contract. {@link #reason()} says which rule, {@link #field()} which field (or null), and
 * the message is written to be logged as it is.
 */
public final class PayloadException extends Exception {
    /** Which rule a payload broke. */
    public enum Reason {
        NOT_JSON,
        TOO_LARGE,
        NOT_AN_OBJECT,
        MISSING_FIELD,
        WRONG_TYPE,
        UNKNOWN_VALUE,
        INVALID_VALUE
    }

    private final Reason reason;
    private final String field;

    public PayloadException(Reason reason, String field, String message) {
        super(message);
        this.reason = reason;
        this.field = field;
    }

    public PayloadException(Reason reason, String field, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.field = field;
    }

    public Reason reason() {
        return reason;
    }

    /** The offending field, or null when the payload as a whole is wrong. */
    public String field() {
        return field;
    }
}
