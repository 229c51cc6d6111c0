package fr.prevexp.api.errors;

import java.io.IOException;

/** A request body over {@link BodySizeLimit#MAX_BYTES} (<i>requête trop volumineuse</i>): answered 413, nothing read further. */
public class BodyTooLargeException extends IOException {
    public BodyTooLargeException() {
        super("request body over " + BodySizeLimit.MAX_BYTES + " bytes");
    }
}
