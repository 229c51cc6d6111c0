package fr.prevexp.engine.aggregate;

import fr.prevexp.engine.ActBounds;
import fr.prevexp.engine.ActRefusedException;
import fr.prevexp.engine.ActType;
import fr.prevexp.engine.CaseState;
import fr.prevexp.engine.IdempotencyConflictException;
import fr.prevexp.engine.InvalidActException;
import fr.prevexp.engine.command.OpenCase;
import fr.prevexp.engine.command.RecordAct;
import fr.prevexp.engine.command.Recorded;
import fr.prevexp.engine.events.CaseEvent;
import fr.prevexp.engine.events.CaseOpened;
import fr.prevexp.engine.events.FieldProblem;
import fr.prevexp.engine.events.IrregularityFlagged;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The eviction case file (<i>dossier de prévention des expulsions</i>): one household in one
 * tenancy, followed from the first unpaid-rent signal to its outcome. Its event stream is the truth;
 * it enforces the order of the procedure and records late or irregular acts with their flags.
 * (Registered with Axon by the application, so that this module stays free of Spring.)
 */
public class EvictionCase {
    /** Legal dates are French dates. */
    public static final ZoneId LEGAL_ZONE = ZoneId.of("Europe/Paris");
    static final String IDEMPOTENCY_KEY = "idempotencyKey";
    static final String FINGERPRINT = "fingerprint";
    /** The organisation that sent the key: keys are scoped by organisation (<i>clé d'idempotence par partenaire</i>). */
    static final String KEY_ORGANISATION = "idempotencyOrganisation";

    @AggregateIdentifier
    private String caseId;
    private CaseState state;
    /**
     * Idempotency keys already answered, per organisation that sent them ({@link #scope}), with the
     * request fingerprint and what they recorded. Another organisation's identical key is another request.
     */
    private final Map<String, Answer> answered = new HashMap<>();
    /** The scope of the last keyed event, for the flags recorded with an act before keys carried their organisation. */
    private String lastKeyScope;

    private record Answer(String fingerprint, List<CaseEvent> events) {
    }

    protected EvictionCase() {
        // for Axon
    }

    /** Opens the dossier; an idempotent re-send of the opening lands on the existing dossier. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Recorded handle(OpenCase command) {
        if (state != null) {
            return replay(command.opened(), command.idempotencyKey(), command.fingerprint())
                    .orElseThrow(() -> new ActRefusedException(state.stage(), "CaseOpened", "le dossier " + caseId + " est déjà ouvert"));
        }
        CaseOpened opened = command.opened();
        validate(opened, command.caseId());
        apply(opened, metaData(opened, command.idempotencyKey(), command.fingerprint()));
        return new Recorded(List.of(opened), false);
    }

    @CommandHandler
    public Recorded handle(RecordAct command) {
        var previous = replay(command.act(), command.idempotencyKey(), command.fingerprint());
        if (previous.isPresent()) return previous.get();
        CaseEvent act = command.act();
        validate(act, command.caseId());
        String type = act.getClass().getSimpleName();
        if (!ActType.of(act).recordableBy(act.recordedBy().trade())) {
            throw new ActRefusedException(state.stage(), type, act.recordedBy().trade() + " n'enregistre pas " + type);
        }
        state.refusal(act).ifPresent(refusal -> {
            throw new ActRefusedException(refusal.stage(), type, refusal.reason());
        });
        List<IrregularityFlagged> flags = state.irregularities(act);
        MetaData metaData = metaData(act, command.idempotencyKey(), command.fingerprint());
        apply(act, metaData);
        flags.forEach(flag -> apply(flag, metaData));
        List<CaseEvent> events = new ArrayList<>();
        events.add(act);
        events.addAll(flags);
        return new Recorded(events, false);
    }

    private java.util.Optional<Recorded> replay(CaseEvent act, String key, String fingerprint) {
        if (key == null) return java.util.Optional.empty();
        Answer answer = answered.get(scope(organisation(act), key));
        if (answer == null) return java.util.Optional.empty();
        if (!Objects.equals(answer.fingerprint(), fingerprint)) throw new IdempotencyConflictException(key);
        return java.util.Optional.of(new Recorded(answer.events(), true));
    }

    private static void validate(CaseEvent act, String caseId) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!Objects.equals(act.caseId(), caseId)) problems.add(new FieldProblem("caseId", "ne correspond pas au dossier"));
        if (act.recordedBy() == null) problems.add(new FieldProblem("recordedBy", "obligatoire"));
        if (act.occurredOn() == null) problems.add(new FieldProblem("occurredOn", "obligatoire (date légale de l'acte, AAAA-MM-JJ)"));
        problems.addAll(ActBounds.problems(act, today()));
        problems.addAll(act.problems());
        if (!problems.isEmpty()) throw new InvalidActException(problems);
    }

    /** Today in France, from the one clock the application and the tests set ({@link GenericEventMessage#clock}). */
    public static LocalDate today() {
        return LocalDate.ofInstant(GenericEventMessage.clock.instant(), LEGAL_ZONE);
    }

    private static MetaData metaData(CaseEvent act, String key, String fingerprint) {
        if (key == null) return MetaData.emptyInstance();
        return MetaData.with(IDEMPOTENCY_KEY, key).and(FINGERPRINT, fingerprint).and(KEY_ORGANISATION, organisation(act));
    }

    private static String organisation(CaseEvent act) {
        return act.recordedBy() == null ? "" : act.recordedBy().organisation();
    }

    private static String scope(String organisation, String key) {
        return organisation + "\n" + key;
    }

    @EventSourcingHandler
    void on(CaseEvent event, MetaData metaData) {
        if (event instanceof CaseOpened opened) {
            caseId = opened.caseId();
            state = new CaseState();
        }
        state.apply(event);
        Object key = metaData.get(IDEMPOTENCY_KEY);
        if (key != null) {
            Object organisation = metaData.get(KEY_ORGANISATION);
            String scope;
            if (organisation != null) {
                scope = scope((String) organisation, (String) key);
            } else if (event instanceof IrregularityFlagged && lastKeyScope != null && lastKeyScope.endsWith("\n" + key)) {
                scope = lastKeyScope; // stored before keys carried their organisation: the flag belongs to the act before it
            } else {
                scope = scope(organisation(event), (String) key);
            }
            lastKeyScope = scope;
            answered.computeIfAbsent(scope, k -> new Answer((String) metaData.get(FINGERPRINT), new ArrayList<>()))
                    .events().add(event);
        }
    }
}
