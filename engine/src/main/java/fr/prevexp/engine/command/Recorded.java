package fr.prevexp.engine.command;

import fr.prevexp.engine.events.CaseEvent;

import java.util.List;

/**
 * What a command recorded: the act first, then the irregularities it revealed. {@code replayed}
 * is true when an idempotent re-send returned the first answer and recorded nothing.
 */
public record Recorded(List<CaseEvent> events, boolean replayed) {
    public CaseEvent act() {
        return events.get(0);
    }
}
