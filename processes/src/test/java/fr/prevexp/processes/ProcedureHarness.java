package fr.prevexp.processes;

import fr.prevexp.engine.*;
import fr.prevexp.engine.command.RecordAct;
import fr.prevexp.engine.events.*;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.mock.Mocks;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Drives one dossier's procedure on an in-memory engine: acts go through the real bridge, the
 * real BPMN and DMN and the real delegates; what the procedure records is captured (as the
 * dossier would record it, deduplicated by idempotency key).
 */
final class ProcedureHarness implements ProcedureCommands, DossierLog {
    static final String CASE = "case-42";
    final ProcessEngine engine;
    final ProcedureBridge bridge;
    final List<CaseEvent> recorded = new ArrayList<>();
    private final java.util.Set<String> keys = new java.util.HashSet<>();
    private long sequence;
    /** Acts recorded in the dossier's log that the bridge has not delivered yet (the tracking processor lags behind). */
    private final java.util.ArrayDeque<CaseEvent> undelivered = new java.util.ArrayDeque<>();
    private long logged = -1;

    ProcedureHarness(ProcessEngine engine, DepartementSettings settings) {
        this.engine = engine;
        DeadlineSteps steps = new DeadlineSteps();
        Mocks.register("scheduleDeadline", steps.scheduleDeadline(this, this));
        Mocks.register("scheduleEarliestEviction", steps.scheduleEarliestEviction(this, this));
        Mocks.register("rescheduleDeadline", steps.rescheduleDeadline(this, this));
        Mocks.register("elapseDeadline", steps.elapseDeadline(this));
        Mocks.register("meetDeadline", steps.meetDeadline(this));
        Mocks.register("cancelDeadline", steps.cancelDeadline(this));
        Mocks.register("flagIrregularity", steps.flagIrregularity(this));
        Mocks.register("recordImplicitRefusal", steps.recordImplicitRefusal(this));
        Mocks.register("awaitDossierLog", steps.awaitDossierLog(this));
        Mocks.register("correctDeadline", steps.correctDeadline(this));
        Mocks.register("scheduleClosure", steps.scheduleClosure());
        Mocks.register("settleBeforeClosure", steps.settleBeforeClosure());
        Mocks.register("withdrawImplicitRefusal", steps.withdrawImplicitRefusal(this));
        Mocks.register("withdrawIrregularity", steps.withdrawIrregularity(this));
        this.bridge = new ProcedureBridge(engine.getRuntimeService(), engine.getHistoryService(), settings);
    }

    @Override
    public void record(RecordAct command) {
        if (command.idempotencyKey() != null && !keys.add(command.idempotencyKey())) return;
        recorded.add(command.act());
    }

    static CaseOpened opened(Parc parc, LandlordKind landlord, String territory, LocalDate leaseSignedOn, LocalDate on) {
        return new CaseOpened(CASE, on, new RecordedBy(Trade.CCAPEX, "ccapex"), "DOS-42", CaseSource.CAF, parc, territory, leaseSignedOn,
                new Household("Famille Martin", "1 rue X", 3, null), new Landlord(landlord, "Bailleur", null),
                new BigDecimal("650.00"), new BigDecimal("80.00"), new BigDecimal("1950.00"));
    }

    static RecordedBy commissaire() {
        return new RecordedBy(Trade.COMMISSAIRE, "etude");
    }

    /** Records an act today: the bridge correlates it, then every job due by now runs (in due order). */
    ProcedureHarness act(CaseEvent event) {
        deliver();
        logged = sequence;
        bridge.apply(event, sequence++);
        runDueJobs();
        return this;
    }

    /**
     * Records acts in the dossier's log that the bridge has not delivered yet (its tracking processor
     * lags behind), then runs every job due by now: timers fire on what the process has seen.
     */
    ProcedureHarness loggedNotDelivered(CaseEvent... events) {
        for (CaseEvent event : events) {
            undelivered.add(event);
            logged++;
        }
        runDueJobs();
        return this;
    }

    /** The bridge delivers the next act of the log it had not delivered, then due jobs run. */
    ProcedureHarness deliverNext() {
        bridge.apply(undelivered.poll(), sequence++);
        runDueJobs();
        return this;
    }

    /** The bridge catches up with the log: it delivers what was logged and not delivered, then due jobs run. */
    ProcedureHarness deliver() {
        while (!undelivered.isEmpty()) bridge.apply(undelivered.poll(), sequence++);
        runDueJobs();
        return this;
    }

    @Override
    public long lastPartnerActAfter(String caseId, long applied) {
        return Math.max(applied, logged);
    }

    /**
     * Records several acts in a row before the engine runs any job, as when the bridge outruns the
     * job executor (a partner posting a back-dated history in one go): nothing may be lost.
     */
    ProcedureHarness together(CaseEvent... events) {
        deliver();
        for (CaseEvent event : events) {
            logged = sequence;
            bridge.apply(event, sequence++);
        }
        runDueJobs();
        return this;
    }

    /** Moves the engine's clock to the start of that day and runs every job that has become due. */
    ProcedureHarness travelTo(LocalDate day) {
        ClockUtil.setCurrentTime(Date.from(day.atStartOfDay(DeadlineSteps.LEGAL_ZONE).toInstant().plusSeconds(3600)));
        runDueJobs();
        return this;
    }

    void runDueJobs() {
        // A step that waits for an act of the log not yet delivered fails as a concurrent write (retried without spending
        // retries); as the job executor would, try it again once something else has run, and stop when only such steps are left.
        java.util.Set<String> waiting = new java.util.HashSet<>();
        for (int round = 0; round < 500; round++) {
            // As the job executor acquires them (jobExecutorAcquireByDueDate, ensureJobDueDateNotNull): by due date, then in creation order.
            List<Job> due = engine.getManagementService().createJobQuery().executable().list().stream()
                    .filter(j -> !waiting.contains(j.getId()))
                    .sorted(java.util.Comparator.comparing(Job::getDuedate, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()))
                            .thenComparing(Job::getCreateTime).thenComparing(j -> Long.parseLong(j.getId())))
                    .toList();
            if (due.isEmpty()) return;
            try {
                engine.getManagementService().executeJob(due.get(0).getId());
                waiting.clear();
            } catch (org.camunda.bpm.engine.OptimisticLockingException logAhead) {
                waiting.add(due.get(0).getId());
            }
        }
        throw new IllegalStateException("jobs keep coming: a loop in the model?");
    }

    <T extends CaseEvent> List<T> recorded(Class<T> type) {
        return recorded.stream().filter(type::isInstance).map(type::cast).toList();
    }

    DeadlineScheduled scheduled(DeadlineKind kind) {
        List<DeadlineScheduled> found = recorded(DeadlineScheduled.class).stream().filter(d -> d.kind() == kind).toList();
        if (found.size() != 1) throw new AssertionError("expected one " + kind + " scheduled, got " + found + " in " + recorded);
        return found.get(0);
    }

    boolean elapsed(DeadlineKind kind) {
        return recorded(DeadlineElapsed.class).stream().anyMatch(d -> d.kind() == kind);
    }

    boolean met(DeadlineKind kind) {
        return recorded(DeadlineMet.class).stream().anyMatch(d -> d.kind() == kind);
    }

    List<Irregularity> flags() {
        return recorded(IrregularityFlagged.class).stream().map(IrregularityFlagged::code).toList();
    }
}
