package fr.prevexp.processes;

import fr.prevexp.engine.ActRefusedException;
import fr.prevexp.engine.DeadlineKind;
import fr.prevexp.engine.DeadlineStatus;
import fr.prevexp.engine.Irregularity;
import fr.prevexp.engine.RecordedBy;
import fr.prevexp.engine.calendar.DurationUnit;
import fr.prevexp.engine.calendar.LegalCalendar;
import fr.prevexp.engine.command.RecordAct;
import fr.prevexp.engine.events.*;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;

/**
 * The service tasks of the procedure model ({@code ${scheduleDeadline}}, {@code ${elapseDeadline}}...):
 * each turns a step of the process into a command on the dossier, with a deterministic
 * idempotency key so that a job run twice records once. The durations come from the DMN result
 * the model hands them; these steps only count days with the legal calendar.
 */
@Configuration
public class DeadlineSteps {
    private static final Logger LOG = LoggerFactory.getLogger(DeadlineSteps.class);
    static final ZoneId LEGAL_ZONE = fr.prevexp.engine.aggregate.EvictionCase.LEGAL_ZONE;   // the one legal zone

    /**
     * Opens a deadline: its last day from the DMN result the model hands it ({@code delay_<kind>}:
     * a date {@code dueOn} the table decided, or a duration counted with the legal calendar, forward
     * from {@code startsOn} or back from {@code countBackFrom}), or a fixed date; its timer the day after.
     */
    @Bean
    public JavaDelegate scheduleDeadline(ProcedureCommands commands, DossierLog log) {
        return execution -> {
            DeadlineKind kind = DeadlineKind.valueOf(string(execution, "kind"));
            LocalDate startsOn = date(execution, "startsOn");
            LocalDate dueOn = dueOn(execution, kind, startsOn);
            if (kind == DeadlineKind.SOCIAL_DIAGNOSIS_BEFORE_HEARING) requireLogApplied(execution, log, kind); // a renvoi may be on its way
            setDates(execution, kind, startsOn, dueOn);
            commands.record(new RecordAct(new DeadlineScheduled(caseId(execution), startsOn, RecordedBy.procedure(), kind, startsOn, dueOn),
                    key(execution, kind.name(), "scheduled", startsOn)));
        };
    }

    /**
     * The earliest eviction (<i>première date d'expulsion possible</i>): the date the DMN decision
     * {@code Decision_EarliestEviction} gives (after every delay still running, outside the winter truce).
     */
    @Bean
    public JavaDelegate scheduleEarliestEviction(ProcedureCommands commands, DossierLog log) {
        return execution -> {
            LocalDate grantedOn = date(execution, "policeAssistanceGrantedOn");
            DeadlineKind kind = DeadlineKind.EARLIEST_EVICTION;
            LocalDate dueOn = dueOn(execution, kind, grantedOn);
            requireLogApplied(execution, log, kind); // a suspension or a grace period may be on its way
            setDates(execution, kind, grantedOn, dueOn);
            commands.record(new RecordAct(new DeadlineScheduled(caseId(execution), grantedOn, RecordedBy.procedure(), kind, grantedOn, dueOn),
                    key(execution, kind.name(), "scheduled", grantedOn)));
        };
    }

    /**
     * <i>Échéance reportée</i>: a later act ({@code act}, dated {@code actOn}) changed a date the
     * deadline depends on; its last day is decided again (as {@link #scheduleDeadline}) and, when it
     * moved, {@code DeadlineRescheduled} is recorded and the timer variable moves with it (the model
     * waits again on the timer, which then fires on the new date).
     */
    @Bean
    public JavaDelegate rescheduleDeadline(ProcedureCommands commands, DossierLog log) {
        return execution -> {
            DeadlineKind kind = DeadlineKind.valueOf(string(execution, "kind"));
            LocalDate startsOn = date(execution, kind.name() + "_startsOn");
            LocalDate previous = date(execution, kind.name() + "_dueOn");
            LocalDate dueOn = dueOn(execution, kind, startsOn);
            requireLogApplied(execution, log, kind);
            setDates(execution, kind, startsOn, dueOn);
            execution.setVariable(kind.name() + "_previousDueOn", previous.toString());
            if (dueOn.equals(previous)) return;
            String act = string(execution, "act");
            LocalDate on = date(execution, "actOn");
            Object regime = delay(execution, kind) == null ? null : delay(execution, kind).get("regime");
            commands.record(new RecordAct(new DeadlineRescheduled(caseId(execution), on, RecordedBy.procedure(), kind, previous, dueOn, act,
                    act + " du " + on + " : " + kind.french() + " reportée du " + previous + " au " + dueOn + (regime == null ? "" : " (" + regime + ")")),
                    key(execution, kind.name(), "rescheduled", dueOn)));
        };
    }

    /**
     * A date decided from acts that may change it (the hearing, a suspension, a grace period) is
     * decided on the whole log: when the dossier's log already holds a partner act the procedure has
     * not applied yet (the bridge is applying it in a transaction of its own, which cannot see the
     * event this step is about to wait on), the step is tried again once it has (as for a concurrent
     * write, without spending the job's retries); then the act's dates are among the inputs.
     */
    private static void requireLogApplied(DelegateExecution execution, DossierLog log, DeadlineKind kind) {
        Object last = execution.getVariable(ProcedureBridge.LAST_SEQUENCE);
        long applied = last instanceof Number n ? n.longValue() : -1;
        long inLog = log.lastPartnerActAfter(caseId(execution), applied);
        if (inLog > applied) {
            throw new org.camunda.bpm.engine.OptimisticLockingException(caseId(execution) + ": " + kind + " is decided once the act at sequence "
                    + inLog + " of the log is applied (procedure at " + applied + "); the step is tried again");
        }
    }

    private static LocalDate dueOn(DelegateExecution execution, DeadlineKind kind, LocalDate startsOn) {
        if (execution.hasVariable("fixedDueOn") && execution.getVariable("fixedDueOn") != null) return date(execution, "fixedDueOn");
        Map<String, Object> delay = delay(execution, kind);
        if (delay == null) {
            throw new IllegalStateException("no DMN result delay_" + kind.name() + " at " + execution.getCurrentActivityId()
                    + " (variables " + execution.getVariableNames() + ")");
        }
        if (delay.get("dueOn") != null) return LocalDate.parse(delay.get("dueOn").toString()); // the table decided the date itself
        int amount = ((Number) delay.get("amount")).intValue();
        DurationUnit unit = DurationUnit.valueOf((String) delay.get("unit"));
        if (execution.hasVariable("countBackFrom") && execution.getVariable("countBackFrom") != null) {
            // Counted back from the hearing (or the eviction): the last day the act may be done.
            return calendar(execution).lastDayBefore(date(execution, "countBackFrom"), amount, unit);
        }
        return calendar(execution).lastDay(startsOn, amount, unit);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> delay(DelegateExecution execution, DeadlineKind kind) {
        return (Map<String, Object>) execution.getVariable("delay_" + kind.name());
    }

    /**
     * The deadline's dates as process variables: {@code <kind>_startsOn}, {@code <kind>_dueOn},
     * {@code <kind>_timer} (the day after the last day; the earliest eviction: the day itself), and
     * what the date was decided from ({@code <kind>_hearingOn}, {@code <kind>_suspensionDueOn},
     * {@code <kind>_graceDueOn}), which the model's conditional events compare to see it move.
     */
    private static void setDates(DelegateExecution execution, DeadlineKind kind, LocalDate startsOn, LocalDate dueOn) {
        execution.setVariable(kind.name() + "_startsOn", startsOn.toString());
        execution.setVariable(kind.name() + "_dueOn", dueOn.toString());
        execution.setVariable(kind.name() + "_timer", startOfDay(kind == DeadlineKind.EARLIEST_EVICTION ? dueOn : dueOn.plusDays(1)));
        if (execution.hasVariable("hearingOn")) execution.setVariable(kind.name() + "_hearingOn", execution.getVariable("hearingOn"));
        if (kind == DeadlineKind.EARLIEST_EVICTION) {
            execution.setVariable(kind.name() + "_suspensionDueOn", execution.getVariable(DeadlineKind.OVER_INDEBTEDNESS_SUSPENSION.name() + "_dueOn"));
            execution.setVariable(kind.name() + "_graceDueOn", execution.getVariable(DeadlineKind.GRACE_PERIOD.name() + "_dueOn"));
        }
    }

    /** Registers the FEEL functions of the legal calendar (winter truce) on the application's process engine. */
    @Bean
    public static LegalFeelFunctions.Plugin legalFeelFunctions() {
        return new LegalFeelFunctions.Plugin();
    }

    /** The timer fired: the window is over (for the earliest eviction: the first legal day has come). */
    @Bean
    public JavaDelegate elapseDeadline(ProcedureCommands commands) {
        return execution -> {
            DeadlineKind kind = DeadlineKind.valueOf(string(execution, "kind"));
            LocalDate dueOn = LocalDate.parse((String) execution.getVariable(kind.name() + "_dueOn"));
            LocalDate on = kind == DeadlineKind.EARLIEST_EVICTION ? dueOn : dueOn.plusDays(1);
            commands.record(new RecordAct(new DeadlineElapsed(caseId(execution), on, RecordedBy.procedure(), kind, dueOn),
                    key(execution, kind.name(), "elapsed", dueOn)));
        };
    }

    /**
     * Before the procedure concludes on a window (its timer fired): has it applied every act that
     * partners have already recorded in the dossier's log? The bridge follows the log on its own
     * time, so an act recorded before the timer fired may not have reached the process yet. Sets
     * {@code <kind>_logApplied} and {@code <kind>_logSequence} (the latest partner act of the log),
     * which the model's gateway reads: when the log is ahead, the process waits for the bridge to
     * apply that act, and the act, not the timer, decides.
     */
    @Bean
    public JavaDelegate awaitDossierLog(DossierLog log) {
        return execution -> {
            String kind = string(execution, "kind");
            Object last = execution.getVariable(ProcedureBridge.LAST_SEQUENCE);
            long applied = last instanceof Number n ? n.longValue() : -1;
            long inLog = log.lastPartnerActAfter(caseId(execution), applied);
            execution.setVariable(kind + "_logSequence", inLog);
            execution.setVariable(kind + "_logApplied", inLog <= applied);
            if (inLog > applied) LOG.info("{}: {} waits for the act at sequence {} of the log (procedure at {})", caseId(execution), kind, inLog, applied);
        };
    }

    /**
     * The closure (<i>clôture</i>) ends the procedure only once the procedure has done what it would
     * have done before the closure's date had every act been recorded on its day: it takes effect by a
     * timer on its day ({@link #scheduleClosure}: the job executor takes the timers due before it
     * first, none due after it), then waits for the steps of the acts already
     * correlated (a history posted in one go, its closure last) and for the timers they opened that
     * were due before it. While any is left, the step fails as a concurrent write: the job executor
     * tries it again later, without spending its retries. A job that failed for good (no retries left,
     * an incident) does not hold it.
     */
    /**
     * When the closure takes effect: one second after the start of its day. The windows whose last day
     * was the day before have their timers at the start of the day (they ran out before the closure);
     * a window still open on the closure's day never runs out: the procedure ends with the dossier.
     */
    static Date closureTakesEffect(LocalDate closedOn) {
        return new Date(startOfDay(closedOn).getTime() + 1000);
    }

    /** The closure's timer, so that the job executor (by due date) takes the timers due before it first, none after. */
    @Bean
    public JavaDelegate scheduleClosure() {
        return execution -> execution.setVariable("caseClosed_timer", closureTakesEffect(date(execution, "caseClosedOn")));
    }

    @Bean
    public JavaDelegate settleBeforeClosure() {
        return execution -> {
            LocalDate closedOn = date(execution, "caseClosedOn");
            Date limit = closureTakesEffect(closedOn);
            var jobs = execution.getProcessEngineServices().getManagementService();
            String instance = execution.getProcessInstanceId();
            long steps = jobs.createJobQuery().processInstanceId(instance).messages().executable().list().stream()
                    .filter(j -> !execution.getId().equals(j.getExecutionId())).count();
            long timers = jobs.createJobQuery().processInstanceId(instance).timers().executable().duedateLowerThan(limit).count();
            if (steps + timers > 0) {
                throw new org.camunda.bpm.engine.OptimisticLockingException(caseId(execution) + ": the closure of " + closedOn + " waits for "
                        + steps + " step(s) and " + timers + " timer(s) due before it; the step is tried again");
            }
        };
    }

    /**
     * <i>Échéance rectifiée</i>: an act ({@code act}, dated {@code actOn}) inside a window already
     * declared elapsed was recorded later: the deadline was met. The first conclusion stays in the log.
     */
    @Bean
    public JavaDelegate correctDeadline(ProcedureCommands commands) {
        return execution -> {
            DeadlineKind kind = DeadlineKind.valueOf(string(execution, "kind"));
            LocalDate on = date(execution, "actOn");
            String act = string(execution, "act");
            LocalDate dueOn = date(execution, kind.name() + "_dueOn");
            // MET by default; CANCELLED when the act dated inside the window made it moot (an order to leave
            // served during payment delays: the delays were not kept, as the procedure concludes on the day).
            Object given = execution.hasVariableLocal("status") ? execution.getVariableLocal("status") : null;
            DeadlineStatus status = given == null ? DeadlineStatus.MET : DeadlineStatus.valueOf(given.toString());
            execution.setVariable(kind.name() + "_correctedBy", act);
            execution.setVariable(kind.name() + "_correctedOn", on.toString());
            String conclusion = status == DeadlineStatus.CANCELLED ? "échéance sans objet" : "échéance respectée";
            commands.record(new RecordAct(new DeadlineCorrected(caseId(execution), on, RecordedBy.procedure(), kind, dueOn, status, act,
                    reason(execution, act + " du " + on + " dans le délai qui expirait le " + dueOn + ", enregistré après l'échéance : " + conclusion)),
                    key(execution, kind.name(), "corrected", dueOn)));
        };
    }

    /** <i>Refus implicite retiré</i>: the préfet decided within his 2 months; the decision was recorded after the refusal. */
    @Bean
    public JavaDelegate withdrawImplicitRefusal(ProcedureCommands commands) {
        return execution -> {
            LocalDate dueOn = date(execution, DeadlineKind.POLICE_ASSISTANCE_DECISION.name() + "_dueOn");
            LocalDate on = date(execution, "actOn");
            String act = string(execution, "act");
            try {
                commands.record(new RecordAct(new ImplicitRefusalWithdrawn(caseId(execution), on, RecordedBy.procedure(), dueOn.plusDays(1), act,
                        "décision du préfet du " + on + " (" + act + ") dans le délai de 2 mois qui expirait le " + dueOn + " : pas de refus implicite"),
                        key(execution, "implicit-refusal", "withdrawn", dueOn)));
            } catch (ActRefusedException noneStands) {
                // The implicit refusal was never recorded (the decision reached the dossier first): nothing to withdraw.
                LOG.info("No implicit refusal to withdraw for {}: {}", caseId(execution), noneStands.getMessage());
            }
        };
    }

    /** <i>Irrégularité retirée</i>: the act whose absence was flagged was done in time and recorded later. */
    @Bean
    public JavaDelegate withdrawIrregularity(ProcedureCommands commands) {
        return execution -> {
            Irregularity code = Irregularity.valueOf(string(execution, "code"));
            LocalDate on = date(execution, "actOn");
            String act = string(execution, "act");
            try {
                commands.record(new RecordAct(new IrregularityWithdrawn(caseId(execution), on, RecordedBy.procedure(), code, act,
                        reason(execution, act + " du " + on + ", enregistré après le signalement : " + code.french() + " non constatée")),
                        key(execution, "flag-withdrawn", code.name(), on)));
            } catch (ActRefusedException noneStands) {
                LOG.info("No {} irregularity to withdraw for {}: {}", code, caseId(execution), noneStands.getMessage());
            }
        };
    }

    /** The awaited act ({@code actOn}: its own date, not whatever act came last) came within the window. */
    @Bean
    public JavaDelegate meetDeadline(ProcedureCommands commands) {
        return execution -> {
            DeadlineKind kind = DeadlineKind.valueOf(string(execution, "kind"));
            LocalDate on = date(execution, "actOn");
            commands.record(new RecordAct(new DeadlineMet(caseId(execution), on, RecordedBy.procedure(), kind),
                    key(execution, kind.name(), "met", LocalDate.parse((String) execution.getVariable(kind.name() + "_dueOn")))));
        };
    }

    /** The path made the deadline moot (payment delays not kept: the order to leave was served). */
    @Bean
    public JavaDelegate cancelDeadline(ProcedureCommands commands) {
        return execution -> {
            DeadlineKind kind = DeadlineKind.valueOf(string(execution, "kind"));
            LocalDate on = date(execution, "actOn");
            commands.record(new RecordAct(new DeadlineCancelled(caseId(execution), on, RecordedBy.procedure(), kind,
                    "procédure poursuivie : " + execution.getCurrentActivityName()),
                    key(execution, kind.name(), "cancelled", LocalDate.parse((String) execution.getVariable(kind.name() + "_dueOn")))));
        };
    }

    /** An irregularity the model's gateway found (<i>irrégularité</i>). */
    @Bean
    public JavaDelegate flagIrregularity(ProcedureCommands commands) {
        return execution -> {
            Irregularity code = Irregularity.valueOf(string(execution, "code"));
            String act = string(execution, "act");
            LocalDate on = switch (code) {
                // the hearing as last scheduled (a renvoi moves it): the day after the DSF's last day
                case SOCIAL_DIAGNOSIS_NOT_DELIVERED_BEFORE_HEARING -> date(execution, "SOCIAL_DIAGNOSIS_BEFORE_HEARING_dueOn").plusDays(1);
                default -> date(execution, "summonsServedOn");
            };
            String detail = switch (code) {
                case SUMMONS_BEFORE_PAYMENT_ORDER_DELAY -> "assignation du " + on + " avant la fin du délai du commandement de payer ("
                        + execution.getVariable("PAYMENT_ORDER_DELAY_dueOn") + ")";
                case SUMMONS_TOO_CLOSE_TO_HEARING -> "assignation du " + on + " notifiée après le "
                        + execution.getVariable("PREFECT_NOTICE_BEFORE_HEARING_dueOn") + " pour une audience le " + execution.getVariable("summonsServedHearingOn");
                case SUMMONS_TOO_SOON_AFTER_CCAPEX_REFERRAL -> "assignation du " + on + " avant la fin des 2 mois suivant la saisine de la CCAPEX ("
                        + execution.getVariable("CCAPEX_REFERRAL_BEFORE_SUMMONS_dueOn") + ")";
                case SOCIAL_DIAGNOSIS_NOT_DELIVERED_BEFORE_HEARING -> "aucun DSF transmis au juge avant l'audience du " + on;
                default -> code.french();
            };
            commands.record(new RecordAct(new IrregularityFlagged(caseId(execution), on, RecordedBy.procedure(), code, act, detail),
                    key(execution, "flag", code.name(), on)));
        };
    }

    /** The préfet's silence for the whole window is an implicit refusal (CPCE R153-1). */
    @Bean
    public JavaDelegate recordImplicitRefusal(ProcedureCommands commands) {
        return execution -> {
            LocalDate dueOn = LocalDate.parse((String) execution.getVariable(DeadlineKind.POLICE_ASSISTANCE_DECISION.name() + "_dueOn"));
            try {
                commands.record(new RecordAct(new PoliceAssistanceImplicitlyRefused(caseId(execution), dueOn.plusDays(1), RecordedBy.procedure()),
                        key(execution, "implicit-refusal", "", dueOn)));
            } catch (ActRefusedException decidedMeanwhile) {
                // The préfet's decision was recorded while the timer fired: it stands, nothing to add.
                LOG.info("No implicit refusal for {}: {}", caseId(execution), decidedMeanwhile.getMessage());
            }
        };
    }

    /** The model's own wording of a correction ({@code reason}, when the model gives one), else the default. */
    private static String reason(DelegateExecution execution, String byDefault) {
        Object reason = execution.hasVariableLocal("reason") ? execution.getVariableLocal("reason") : null;
        return reason == null ? byDefault : reason.toString();
    }

    static String caseId(DelegateExecution execution) {
        return execution.getProcessBusinessKey();
    }

    static String key(DelegateExecution execution, String what, String step, LocalDate date) {
        return "procedure:" + caseId(execution) + ":" + what + ":" + step + ":" + date;
    }

    static Date startOfDay(LocalDate day) {
        return Date.from(day.atStartOfDay(LEGAL_ZONE).toInstant());
    }

    private static LegalCalendar calendar(DelegateExecution execution) {
        Object alsaceMoselle = execution.getVariable("alsaceMoselle");
        return alsaceMoselle instanceof Boolean b ? LegalCalendar.withAlsaceMoselleHolidays(b)
                : LegalCalendar.ofTerritory((String) execution.getVariable("territory"));
    }

    private static String string(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        if (value == null) throw new IllegalStateException("process variable " + name + " is missing");
        return value.toString();
    }

    private static LocalDate date(DelegateExecution execution, String name) {
        return LocalDate.parse(string(execution, name));
    }

    private static LocalDate optionalDate(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : LocalDate.parse(value.toString());
    }
}
