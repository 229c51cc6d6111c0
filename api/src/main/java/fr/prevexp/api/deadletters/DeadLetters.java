package fr.prevexp.api.deadletters;

import fr.prevexp.engine.events.CaseEvent;
import fr.prevexp.engine.events.CaseOpened;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The dossiers parked in the processors' dead-letter queues (<i>dossiers en attente de traitement</i>)
 * and their retry. A queue holds, per dossier (sequence = case id), the first event its processor
 * could not handle and every later event of that dossier, in order.
 */
@Service
public class DeadLetters {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);
    /** What each processing group keeps up to date, as the secretariat calls it. */
    static final Map<String, String> LABELS = Map.of("cases", "liste des dossiers", "deadlines", "tableau des échéances",
            "indicators", "indicateurs", "procedure", "procédure");

    private final EventProcessingConfiguration processing;
    private final EventStore events;

    public DeadLetters(EventProcessingConfiguration processing, EventStore events) {
        this.processing = processing;
        this.events = events;
    }

    /** One parked dossier in one processing group: what is waiting, since when, and why. */
    public record Parked(String group, String caseId, String reference, long parkedEvents, String firstEventType,
                         Long firstEventSequence, LocalDate firstEventOccurredOn, String causeType, String causeMessage,
                         Instant enqueuedAt, Instant lastTouched) {
    }

    public record Group(String group, String label, int parkedDossiers, List<Parked> dossiers) {
    }

    /** Every group with a dead-letter queue; {@code parkedDossiers} counts each dossier once. */
    public record Overview(int parkedDossiers, List<Group> groups) {
    }

    public record Retried(String group, String caseId, long events) {
    }

    /** What a retry handled, and what is still parked afterwards (with the cause of the new failure). */
    public record RetryReport(List<Retried> processed, List<Parked> stillParked) {
    }

    /** No such group, or no such dossier parked in it. */
    public static class NotParkedException extends RuntimeException {
        NotParkedException(String message) {
            super(message);
        }
    }

    /** The processing groups that have a dead-letter queue, by name. */
    public List<String> groups() {
        return new TreeSet<>(processing.eventProcessors().keySet()).stream()
                .filter(group -> processing.deadLetterQueue(group).isPresent()).toList();
    }

    public Overview overview() {
        List<Group> groups = new ArrayList<>();
        TreeSet<String> dossiers = new TreeSet<>();
        for (String group : groups()) {
            List<Parked> parked = firstLetters(group).stream().map(first -> parked(group, first)).toList();
            parked.forEach(p -> dossiers.add(p.caseId()));
            groups.add(new Group(group, LABELS.getOrDefault(group, group), parked.size(), parked));
        }
        return new Overview(dossiers.size(), groups);
    }

    /** The dashboard's line: how many dossiers wait (each once), and in which groups (their labels). */
    public record Summary(int parkedDossiers, List<String> groups) {
    }

    public Summary summary() {
        TreeSet<String> dossiers = new TreeSet<>();
        List<String> labels = new ArrayList<>();
        for (String group : groups()) {
            List<DeadLetter<? extends EventMessage<?>>> firsts = firstLetters(group);
            firsts.forEach(first -> dossiers.add(caseId(first.message())));
            if (!firsts.isEmpty()) labels.add(LABELS.getOrDefault(group, group));
        }
        return new Summary(dossiers.size(), labels);
    }

    /** Retries one parked dossier of one group: its events in order, until one fails again (then it stays parked). */
    public RetryReport retry(String group, String caseId) {
        if (!groups().contains(group)) throw new NotParkedException("Aucune file des lettres mortes pour le traitement « " + group + " ».");
        if (!queue(group).contains(caseId)) {
            throw new NotParkedException("Le dossier " + caseId + " n'est pas en attente dans le traitement « " + group + " ».");
        }
        List<Retried> processed = new ArrayList<>();
        List<Parked> stillParked = new ArrayList<>();
        retry(group, caseId, processed, stillParked);
        return new RetryReport(processed, stillParked);
    }

    /** Retries every parked dossier of every group, each once. */
    public RetryReport retryAll() {
        List<Retried> processed = new ArrayList<>();
        List<Parked> stillParked = new ArrayList<>();
        for (String group : groups()) {
            firstLetters(group).forEach(first -> retry(group, caseId(first.message()), processed, stillParked));
        }
        return new RetryReport(processed, stillParked);
    }

    private void retry(String group, String caseId, List<Retried> processed, List<Parked> stillParked) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
        long before = queue.sequenceSize(caseId);
        try {
            processor(group).process(letter -> caseId.equals(caseId(letter.message())));
        } catch (RuntimeException e) {
            LOG.warn("Retry of dossier {} in '{}' failed", caseId, group, e);
        }
        long after = queue.contains(caseId) ? queue.sequenceSize(caseId) : 0;
        if (before > after) processed.add(new Retried(group, caseId, before - after));
        if (after > 0) {
            Iterator<DeadLetter<? extends EventMessage<?>>> letters = queue.deadLetterSequence(caseId).iterator();
            if (letters.hasNext()) stillParked.add(parked(group, letters.next()));
        }
        LOG.info("Retry of dossier {} in '{}': {} event(s) handled, {} still parked", caseId, group, Math.max(0, before - after), after);
    }

    /** The first parked event of each dossier parked in the group. */
    private List<DeadLetter<? extends EventMessage<?>>> firstLetters(String group) {
        List<DeadLetter<? extends EventMessage<?>>> firsts = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue(group).deadLetters()) {
            Iterator<DeadLetter<? extends EventMessage<?>>> letters = sequence.iterator();
            if (letters.hasNext()) firsts.add(letters.next());
        }
        return firsts;
    }

    private Parked parked(String group, DeadLetter<? extends EventMessage<?>> first) {
        EventMessage<?> message = first.message();
        String caseId = caseId(message);
        Object payload = message.getPayload();
        Optional<Cause> cause = first.cause();
        return new Parked(group, caseId, reference(caseId, payload), queue(group).sequenceSize(caseId),
                message.getPayloadType().getSimpleName(),
                message instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : null,
                payload instanceof CaseEvent event ? event.occurredOn() : null,
                cause.map(Cause::type).orElse(null), cause.map(Cause::message).orElse(null),
                first.enqueuedAt(), first.lastTouched());
    }

    /** The dossier's reference, from its opening in the event log (null when it cannot be read). */
    private String reference(String caseId, Object payload) {
        if (payload instanceof CaseOpened opened) return opened.reference();
        try {
            DomainEventStream stream = events.readEvents(caseId, 0);
            return stream.hasNext() && stream.next().getPayload() instanceof CaseOpened opened ? opened.reference() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The sequence of an event in the queues: its dossier (the processors are sequenced per aggregate). */
    private static String caseId(EventMessage<?> message) {
        if (message instanceof DomainEventMessage<?> domain) return domain.getAggregateIdentifier();
        return message.getPayload() instanceof CaseEvent event ? event.caseId() : message.getIdentifier();
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String group) {
        return processing.deadLetterQueue(group).orElseThrow(() -> new NotParkedException("Aucune file des lettres mortes pour « " + group + " »."));
    }

    private SequencedDeadLetterProcessor<EventMessage<?>> processor(String group) {
        return processing.sequencedDeadLetterProcessor(group)
                .orElseThrow(() -> new IllegalStateException("no dead-letter processor for '" + group + "'"));
    }
}
