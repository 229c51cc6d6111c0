package fr.prevexp.engine;

/** The same idempotency key was sent again with another body (<i>clé d'idempotence déjà utilisée</i>). */
public class IdempotencyConflictException extends RuntimeException {
    public IdempotencyConflictException(String key) {
        super("Idempotency-Key '" + key + "' was already used with another request body");
    }
}
