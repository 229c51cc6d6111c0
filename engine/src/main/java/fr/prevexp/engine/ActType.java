package fr.prevexp.engine;

import fr.prevexp.engine.events.*;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import static fr.prevexp.engine.Trade.*;

/**
 * The vocabulary of the log: every event a dossier can hold, its French legal term, and the trades
 * that may record it (the CCAPEX secretariat may record every act). The API's {@code type} of an
 * act is the event's simple name ({@code PaymentOrderServed}).
 */
public enum ActType {
    CASE_OPENED(CaseOpened.class, "ouverture du dossier (signalement / saisine)", COMMISSAIRE, BAILLEUR, CAF, SERVICE_SOCIAL, PREFECTURE),
    UNPAID_RENT_REPORTED(UnpaidRentReported.class, "signalement d'impayé", BAILLEUR, CAF),
    CCAPEX_REFERRAL_RECEIVED(CcapexReferralReceived.class, "saisine de la CCAPEX", COMMISSAIRE, BAILLEUR, CAF, SERVICE_SOCIAL),
    REPAYMENT_PLAN_AGREED(RepaymentPlanAgreed.class, "plan d'apurement signé", BAILLEUR),
    REPAYMENT_PLAN_BROKEN(RepaymentPlanBroken.class, "plan d'apurement non respecté", BAILLEUR, CAF),
    HOUSING_FUND_AID_GRANTED(HousingFundAidGranted.class, "aide du FSL accordée", SERVICE_SOCIAL),
    PAYMENT_ORDER_SERVED(PaymentOrderServed.class, "commandement de payer signifié", COMMISSAIRE),
    SUMMONS_SERVED(SummonsServed.class, "assignation délivrée", COMMISSAIRE),
    SOCIAL_DIAGNOSIS_REQUESTED(SocialDiagnosisRequested.class, "diagnostic social et financier demandé", PREFECTURE),
    SOCIAL_DIAGNOSIS_DELIVERED(SocialDiagnosisDelivered.class, "diagnostic social et financier transmis au juge", SERVICE_SOCIAL),
    SOCIAL_DIAGNOSIS_NOT_DELIVERED(SocialDiagnosisNotDelivered.class, "carence du diagnostic social et financier", SERVICE_SOCIAL),
    HEARING_HELD(HearingHeld.class, "audience", COMMISSAIRE),
    HEARING_POSTPONED(HearingPostponed.class, "renvoi de l'audience", COMMISSAIRE),
    JUDGMENT_DELIVERED(JudgmentDelivered.class, "jugement rendu", COMMISSAIRE),
    JUDGMENT_SERVED(JudgmentServed.class, "jugement signifié", COMMISSAIRE),
    GRACE_PERIOD_GRANTED(GracePeriodGranted.class, "délais pour quitter les lieux accordés par le juge de l'exécution", COMMISSAIRE),
    NOTICE_TO_QUIT_SERVED(NoticeToQuitServed.class, "commandement de quitter les lieux", COMMISSAIRE),
    POLICE_ASSISTANCE_REQUESTED(PoliceAssistanceRequested.class, "réquisition du concours de la force publique", COMMISSAIRE),
    POLICE_ASSISTANCE_GRANTED(PoliceAssistanceGranted.class, "concours de la force publique accordé", PREFECTURE),
    POLICE_ASSISTANCE_REFUSED(PoliceAssistanceRefused.class, "concours de la force publique refusé", PREFECTURE),
    POLICE_ASSISTANCE_IMPLICITLY_REFUSED(PoliceAssistanceImplicitlyRefused.class, "refus implicite du concours de la force publique", PROCEDURE),
    EVICTION_SCHEDULED(EvictionScheduled.class, "expulsion programmée (date fixée)", COMMISSAIRE, PREFECTURE),
    EVICTION_CARRIED_OUT(EvictionCarriedOut.class, "expulsion réalisée", COMMISSAIRE),
    KEYS_RETURNED(KeysReturned.class, "remise des clés (départ volontaire)", COMMISSAIRE, BAILLEUR),
    OVER_INDEBTEDNESS_FILE_ADMITTED(OverIndebtednessFileAdmitted.class, "dossier de surendettement recevable", BANQUE_DE_FRANCE),
    EVICTION_MEASURES_SUSPENDED(EvictionMeasuresSuspended.class, "suspension des mesures d'expulsion", BANQUE_DE_FRANCE, COMMISSAIRE),
    DALO_APPEAL_FILED(DaloAppealFiled.class, "recours DALO", COMED),
    DALO_PRIORITY_RECOGNISED(DaloPriorityRecognised.class, "reconnu prioritaire DALO", COMED),
    HOUSEHOLD_REHOUSED(HouseholdRehoused.class, "ménage relogé", COMED, SIAO, BAILLEUR),
    SOCIAL_COHESION_PROTOCOL_SIGNED(SocialCohesionProtocolSigned.class, "protocole de cohésion sociale", BAILLEUR),
    NEW_LEASE_SIGNED(NewLeaseSigned.class, "nouveau bail", BAILLEUR),
    SUPPORT_MEASURE_STARTED(SupportMeasureStarted.class, "mesure d'accompagnement (ASLL, MASP, AVDL, visite d'anticipation, EMPEX)", SERVICE_SOCIAL, SIAO),
    SUPPORT_MEASURE_ENDED(SupportMeasureEnded.class, "fin de la mesure d'accompagnement", SERVICE_SOCIAL, SIAO),
    CCAPEX_EXAMINED(CcapexExamined.class, "examen en CCAPEX (avis, préconisations)"),
    PARTNER_DESIGNATED(PartnerDesignated.class, "désignation d'un partenaire"),
    CASE_CLOSED(CaseClosed.class, "clôture du dossier"),
    DEADLINE_SCHEDULED(DeadlineScheduled.class, "échéance ouverte", PROCEDURE),
    DEADLINE_ELAPSED(DeadlineElapsed.class, "échéance atteinte", PROCEDURE),
    DEADLINE_MET(DeadlineMet.class, "échéance respectée", PROCEDURE),
    DEADLINE_CANCELLED(DeadlineCancelled.class, "échéance sans objet", PROCEDURE),
    DEADLINE_CORRECTED(DeadlineCorrected.class, "échéance rectifiée", PROCEDURE),
    DEADLINE_RESCHEDULED(DeadlineRescheduled.class, "échéance reportée", PROCEDURE),
    IRREGULARITY_FLAGGED(IrregularityFlagged.class, "irrégularité de procédure", PROCEDURE),
    IRREGULARITY_WITHDRAWN(IrregularityWithdrawn.class, "irrégularité retirée", PROCEDURE),
    IMPLICIT_REFUSAL_WITHDRAWN(ImplicitRefusalWithdrawn.class, "refus implicite retiré", PROCEDURE),
    /** Recorded by the secretariat's erasure or the retention job, never posted as an act (see {@link #postable()}). */
    PERSONAL_DATA_ERASED(PersonalDataErased.class, "données personnelles effacées");

    private static final Set<ActType> BOOKKEEPING = EnumSet.of(DEADLINE_SCHEDULED, DEADLINE_ELAPSED, DEADLINE_MET,
            DEADLINE_CANCELLED, DEADLINE_CORRECTED, DEADLINE_RESCHEDULED, IRREGULARITY_FLAGGED, IRREGULARITY_WITHDRAWN,
            IMPLICIT_REFUSAL_WITHDRAWN, PERSONAL_DATA_ERASED);

    private final Class<? extends CaseEvent> eventClass;
    private final String french;
    private final Set<Trade> trades;

    ActType(Class<? extends CaseEvent> eventClass, String french, Trade... trades) {
        this.eventClass = eventClass;
        this.french = french;
        this.trades = trades.length == 0 ? EnumSet.noneOf(Trade.class) : EnumSet.copyOf(Arrays.asList(trades));
    }

    public Class<? extends CaseEvent> eventClass() { return eventClass; }

    /** The API name of the act: the event's simple name. */
    public String typeName() { return eventClass.getSimpleName(); }

    public String french() { return french; }

    /** Whether a trade may record this act: the secretariat records every partner act, the procedure its own. */
    public boolean recordableBy(Trade trade) {
        if (trade == CCAPEX) return !trades.equals(EnumSet.of(PROCEDURE));
        return trades.contains(trade);
    }

    /** The trades of this act besides the secretariat (for the README's matrix and the OpenAPI). */
    public Set<Trade> trades() { return Set.copyOf(trades); }

    /**
     * The bookkeeping about the dossier's acts (the procedure's deadlines, irregularities, withdrawals;
     * the erasure of personal data): never one of the acts placed in the order of the procedure, never
     * moving the stage, never counted by an indicator.
     */
    public boolean bookkeeping() { return BOOKKEEPING.contains(this); }

    /**
     * Whether a partner may post this act to {@code POST /cases/{id}/acts}: not the opening (its own
     * endpoint) nor the erasure of personal data ({@code DELETE /cases/{id}/personal-data}, which also
     * deletes the dossier's key).
     */
    public boolean postable() { return this != CASE_OPENED && this != PERSONAL_DATA_ERASED; }

    public static Optional<ActType> ofTypeName(String name) {
        return Arrays.stream(values()).filter(t -> t.typeName().equals(name)).findFirst();
    }

    public static ActType of(CaseEvent event) {
        return Arrays.stream(values()).filter(t -> t.eventClass == event.getClass()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not an act: " + event.getClass()));
    }
}
