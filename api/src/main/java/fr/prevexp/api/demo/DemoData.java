package fr.prevexp.api.demo;

import fr.prevexp.api.cases.DossierCommands;
import fr.prevexp.engine.*;
import fr.prevexp.engine.command.OpenCase;
import fr.prevexp.engine.command.RecordAct;
import fr.prevexp.engine.events.*;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Fills the application with a realistic département year (<i>données de démonstration</i>),
 * shaped like the Seine-Saint-Denis figures of 2019 (summonses 5,788; orders to leave 3,407; police
 * assistance requested 3,522, granted 3,157; evictions 2,192; contradictory decisions 39 %;
 * conditional decisions 48 %) divided by {@code scale}, through the same commands as partners,
 * each recorded by the demo account of its trade; the commissaire is named at opening and the other
 * partners are designated by the secretariat before their first act. Deterministic (fixed seed): the same call gives
 * the same dossiers, and every command carries a deterministic idempotency key, so the same call made again (after a
 * crash in the middle of a load) completes the year without recording anything twice. Acts before the year come from the year before (the procedure takes time).
 */
@Service
public class DemoData {
    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    private static final String[] COMMUNES = {"93066", "93048", "93001", "93008", "93005", "93029", "93070", "93055"};

    /** Dossiers recorded at the same time (each dossier's acts in order, by one thread). */
    static final int THREADS = 8;

    private final DossierCommands commands;
    /** The load under way or the last one, for {@link #progress()}. */
    private volatile Progress progress;

    public DemoData(DossierCommands commands) {
        this.commands = commands;
    }

    /** What was generated. */
    public record Summary(int year, int scale, int dossiers, int acts) {
    }

    /**
     * How far a load is (<i>avancement du chargement</i>): the commands recorded out of the year's, the rate, and an
     * estimate of the time left; {@code done} once every command is recorded (the procedure's timers and the read
     * models then follow in the background: see {@code GET /api/v1/admin/projections}).
     */
    public record Status(int year, int scale, int dossiers, int commands, int recorded, double percent, double commandsPerSecond,
                         Double secondsLeft, double seconds, boolean done, String failure) {
    }

    private static final class Progress {
        final int year, scale, dossiers, commands;
        final java.util.concurrent.atomic.AtomicInteger recorded = new java.util.concurrent.atomic.AtomicInteger();
        final long startedAt = System.nanoTime();
        volatile long finishedAt;
        volatile String failure;

        Progress(int year, int scale, int dossiers, int commands) {
            this.year = year;
            this.scale = scale;
            this.dossiers = dossiers;
            this.commands = commands;
        }

        Status status() {
            long end = finishedAt != 0 ? finishedAt : System.nanoTime();
            double seconds = Math.max(0.001, (end - startedAt) / 1e9);
            int done = recorded.get();
            double rate = done / seconds;
            Double left = finishedAt != 0 ? Double.valueOf(0) : rate > 0 ? Double.valueOf(Math.round((commands - done) / rate * 10) / 10.0) : null;
            return new Status(year, scale, dossiers, commands, done, Math.round(1000.0 * done / Math.max(1, commands)) / 10.0,
                    Math.round(rate * 10) / 10.0, left, Math.round(seconds * 10) / 10.0, finishedAt != 0, failure);
        }
    }

    /** The load under way or the last one; empty when none was made since the start. */
    public java.util.Optional<Status> progress() {
        Progress p = progress;
        return p == null ? java.util.Optional.empty() : java.util.Optional.of(p.status());
    }

    /**
     * Plans the year (deterministically: the same random draws in the same order as ever), then records it with
     * {@link #THREADS} dossiers at a time, each dossier's commands in order; logs its progress every 2 seconds.
     */
    public Summary generate(int year, int scale) {
        List<Dossier> planned = new java.util.ArrayList<>();
        int[] acts = plan(year, scale, planned);
        int total = planned.stream().mapToInt(d -> d.commands.size()).sum();
        Progress load = new Progress(year, scale, planned.size(), total);
        progress = load;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "demo-data");
            t.setDaemon(true);
            return t;
        });
        java.util.concurrent.ScheduledExecutorService log = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "demo-data-progress");
            t.setDaemon(true);
            return t;
        });
        log.scheduleAtFixedRate(() -> {
            Status s = load.status();
            LOG.info("Demo data for {}: {}/{} commands ({} %), {} commands/s, about {} s left", year, s.recorded(), s.commands(),
                    s.percent(), s.commandsPerSecond(), s.secondsLeft());
        }, 2, 2, java.util.concurrent.TimeUnit.SECONDS);
        try {
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (Dossier d : planned) {
                done.add(pool.submit(() -> {
                    for (Object command : d.commands) {
                        if (load.failure != null) return;
                        commands.send(command);
                        load.recorded.incrementAndGet();
                    }
                }));
            }
            for (java.util.concurrent.Future<?> f : done) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (load.failure == null) load.failure = String.valueOf(e.getCause());
                    pool.shutdownNow();
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            load.failure = "interrupted";
            throw new IllegalStateException("demo data interrupted", e);
        } finally {
            load.finishedAt = System.nanoTime();
            pool.shutdownNow();
            log.shutdownNow();
        }
        LOG.info("Demo data for {}: {} dossiers, {} acts recorded (scale 1/{}) in {} s", year, planned.size(), acts[0], scale,
                load.status().seconds());
        return new Summary(year, scale, planned.size(), acts[0]);
    }

    /** The year's dossiers and their commands, in the order each dossier records them; answers the count of acts. */
    private int[] plan(int year, int scale, List<Dossier> planned) {
        Random random = new Random(93L * 1000 + year * 7L + scale);
        int summonses = Math.max(1, Math.round(5788f / scale));
        int noticesToQuit = Math.max(1, Math.round(3407f / scale));
        int policeRequested = Math.max(noticesToQuit, Math.round(3522f / scale));
        int granted = Math.min(policeRequested, Math.max(1, Math.round(3157f / scale)));
        int evictions = Math.min(granted, Math.max(1, Math.round(2192f / scale)));
        int paymentOrdersOnly = Math.round(summonses * 0.6f);
        int[] acts = {0};
        int dossiers = 0;

        // Cohort A: the year's summonses, after a payment order of the same year, heard and judged within it.
        for (int i = 0; i < summonses + paymentOrdersOnly; i++, dossiers++) {
            Dossier d = open(planned, random, year, LocalDate.of(year, 1, 2).plusDays(random.nextInt(60)), acts);
            LocalDate cdp = d.openedOn.plusDays(10 + random.nextInt(20));
            d.record(new PaymentOrderServed(d.id, cdp, d.commissaire, d.debt.add(BigDecimal.valueOf(random.nextInt(800)))), acts);
            if (random.nextInt(100) < 30) d.record(new UnpaidRentReported(d.id, d.openedOn.plusDays(3), d.by(Trade.CAF), d.debt, 2 + random.nextInt(3)), acts);
            if (random.nextInt(100) < 35) d.record(new CcapexReferralReceived(d.id, cdp.plusDays(5), d.commissaire, "commissaire", "signalement du commandement de payer"), acts);
            if (i >= summonses) {
                sideActs(random, d, cdp, acts);
                continue;
            }
            LocalDate summons = cdp.plusDays(64 + random.nextInt(20));
            LocalDate hearing = summons.plusDays(70 + random.nextInt(20));
            d.record(new SummonsServed(d.id, summons, d.commissaire, hearing, "tribunal judiciaire de Bobigny"), acts);
            d.record(new SocialDiagnosisRequested(d.id, summons.plusDays(7), d.by(Trade.PREFECTURE), "service social départemental"), acts);
            if (random.nextInt(100) < 62) d.record(new SocialDiagnosisDelivered(d.id, hearing.minusDays(5 + random.nextInt(20)), d.by(Trade.SERVICE_SOCIAL), null), acts);
            if (random.nextInt(100) < 40) d.record(new CcapexExamined(d.id, summons.plusDays(20 + random.nextInt(20)), d.by(Trade.CCAPEX), "maintien avec plan d'apurement", List.of("FSL", "ASLL")), acts);
            if (random.nextInt(100) < 8) d.record(new OverIndebtednessFileAdmitted(d.id, summons.plusDays(30 + random.nextInt(30)), d.by(Trade.BANQUE_DE_FRANCE)), acts);
            // Exact shares, spread evenly over the dossiers: 39 % contradictory, 48 % conditional, 6 % rejected.
            d.record(new HearingHeld(d.id, hearing, d.commissaire, (i * 37) % 100 < 39), acts);
            int outcome = (i * 53) % 100;
            JudgmentDelivered.Outcome result = outcome < 48 ? JudgmentDelivered.Outcome.TERMINATION_WITH_PAYMENT_DELAYS
                    : outcome < 54 ? JudgmentDelivered.Outcome.REJECTED : JudgmentDelivered.Outcome.TERMINATION;
            d.record(new JudgmentDelivered(d.id, hearing.plusDays(21), d.commissaire, result,
                    result == JudgmentDelivered.Outcome.TERMINATION_WITH_PAYMENT_DELAYS ? 12 + random.nextInt(25) : null, null), acts);
            sideActs(random, d, summons, acts);
            // No closure (CaseClosed) here: closing a dossier before the procedure has read its earlier acts
            // stops the procedure's bridge on the refused deadlines (reported to the processes module).
        }

        // Cohort B: judged the year before; this year, orders to leave, police assistance and evictions.
        for (int i = 0; i < policeRequested; i++, dossiers++) {
            Dossier d = open(planned, random, year, LocalDate.of(year - 1, 1, 5).plusDays(random.nextInt(60)), acts);
            LocalDate cdp = d.openedOn.plusDays(15);
            d.record(new PaymentOrderServed(d.id, cdp, d.commissaire, d.debt), acts);
            LocalDate summons = cdp.plusDays(70);
            LocalDate hearing = summons.plusDays(75);
            d.record(new SummonsServed(d.id, summons, d.commissaire, hearing, null), acts);
            d.record(new HearingHeld(d.id, hearing, d.commissaire, random.nextInt(100) < 30), acts);
            d.record(new JudgmentDelivered(d.id, hearing.plusDays(21), d.commissaire, JudgmentDelivered.Outcome.TERMINATION, null, null), acts);
            boolean noticeThisYear = i < noticesToQuit;
            LocalDate notice = noticeThisYear ? LocalDate.of(year, 1, 8).plusDays(random.nextInt(80)) : LocalDate.of(year - 1, 11, 5).plusDays(random.nextInt(40));
            d.record(new NoticeToQuitServed(d.id, notice, d.commissaire), acts);
            LocalDate request = notice.plusDays(65 + random.nextInt(20));
            d.record(new PoliceAssistanceRequested(d.id, request, d.commissaire), acts);
            if (d.parc == Parc.PUBLIC && random.nextInt(100) < 8) d.record(new SocialCohesionProtocolSigned(d.id, notice.plusDays(10), d.landlordBy, 24), acts);
            if (i < granted) {
                LocalDate grant = request.plusDays(20 + random.nextInt(35));
                d.record(new PoliceAssistanceGranted(d.id, grant, d.by(Trade.PREFECTURE), grant.plusDays(14)), acts);
                if (i < evictions) {
                    d.record(new EvictionCarriedOut(d.id, grant.plusDays(30 + random.nextInt(40)), d.commissaire, random.nextInt(100) < 45), acts);
                } else if (random.nextInt(100) < 60) {
                    d.record(new KeysReturned(d.id, grant.plusDays(15 + random.nextInt(20)), d.commissaire), acts);
                }
            } else if (random.nextInt(100) < 50) {
                d.record(new PoliceAssistanceRefused(d.id, request.plusDays(40), d.by(Trade.PREFECTURE)), acts);
            }
            if (random.nextInt(100) < 30) d.record(new CcapexExamined(d.id, notice.plusDays(10), d.by(Trade.CCAPEX), "relogement à rechercher", List.of("DALO", "SIAO")), acts);
            if (random.nextInt(100) < 15) d.record(new SupportMeasureStarted(d.id, notice.plusDays(3), d.by(Trade.SIAO), SupportMeasure.SIAO_ORIENTATION), acts);
            if (random.nextInt(100) < 6) d.record(new SupportMeasureStarted(d.id, notice.plusDays(7), d.by(Trade.SERVICE_SOCIAL), SupportMeasure.AVDL), acts);
            if (random.nextInt(100) < 4) d.record(new SupportMeasureStarted(d.id, notice.plusDays(8), d.by(Trade.SERVICE_SOCIAL), SupportMeasure.EMPEX), acts);
            if (random.nextInt(100) < 20) {
                d.record(new DaloAppealFiled(d.id, notice.plusDays(5), d.by(Trade.COMED)), acts);
                if (random.nextInt(100) < 70) {
                    LocalDate recognised = notice.plusDays(50);
                    d.record(new DaloPriorityRecognised(d.id, recognised, d.by(Trade.COMED)), acts);
                    // Half of the recognised households not evicted are rehoused, most within the 3 months.
                    if (i >= evictions && random.nextInt(100) < 50) {
                        LocalDate rehoused = inYear(recognised.plusDays(30 + random.nextInt(80)), year);
                        d.record(new HouseholdRehoused(d.id, rehoused, d.by(Trade.COMED), "contingent préfectoral (DALO)"), acts);
                    }
                }
            }
        }
        return acts;
    }

    /** The date, or the last day of the year when it would fall after it (the demo never records acts of a later year). */
    private static LocalDate inYear(LocalDate date, int year) {
        LocalDate last = LocalDate.of(year, 12, 31);
        return date.isAfter(last) ? last : date;
    }

    private void sideActs(Random random, Dossier d, LocalDate from, int[] acts) {
        if (random.nextInt(100) < 12) d.record(new HousingFundAidGranted(d.id, from.plusDays(15), d.by(Trade.SERVICE_SOCIAL),
                BigDecimal.valueOf(300 + random.nextInt(1200)), HousingFundAidGranted.AidForm.GRANT), acts);
        if (random.nextInt(100) < 10) d.record(new RepaymentPlanAgreed(d.id, from.plusDays(8), d.landlordBy, BigDecimal.valueOf(50 + random.nextInt(150)), 24), acts);
        if (random.nextInt(100) < 8) d.record(new SupportMeasureStarted(d.id, from.plusDays(20), d.by(Trade.SERVICE_SOCIAL), SupportMeasure.ASLL), acts);
        if (random.nextInt(100) < 3) d.record(new SupportMeasureStarted(d.id, from.plusDays(25), d.by(Trade.SERVICE_SOCIAL), SupportMeasure.MASP), acts);
    }

    private Dossier open(List<Dossier> planned, Random random, int year, LocalDate openedOn, int[] acts) {
        String id = UUID.nameUUIDFromBytes(("demo-" + year + "-" + random.nextLong()).getBytes()).toString();
        Parc parc = random.nextInt(100) < 45 ? Parc.PUBLIC : Parc.PRIVATE;
        BigDecimal rent = BigDecimal.valueOf(450 + random.nextInt(500)).setScale(2);
        Dossier d = new Dossier(id, openedOn, parc, rent.multiply(BigDecimal.valueOf(2 + random.nextInt(5))));
        LandlordKind kind = parc == Parc.PUBLIC ? LandlordKind.SOCIAL : random.nextInt(100) < 80 ? LandlordKind.PRIVATE_PERSON : LandlordKind.FAMILY_SCI;
        CaseOpened opened = new CaseOpened(id, openedOn, d.by(parc == Parc.PUBLIC ? Trade.BAILLEUR : Trade.CAF), "DEMO-" + id.substring(0, 6).toUpperCase(),
                parc == Parc.PUBLIC ? CaseSource.BAILLEUR_SOCIAL : CaseSource.CAF, parc, COMMUNES[random.nextInt(COMMUNES.length)],
                LocalDate.of(2008 + random.nextInt(10), 1 + random.nextInt(12), 1 + random.nextInt(28)),
                new Household("Ménage de démonstration", null, 1 + random.nextInt(5), null),
                new Landlord(kind, parc == Parc.PUBLIC ? "Office public de l'habitat" : "Bailleur privé", parc == Parc.PUBLIC ? "demo-bailleur" : null),
                rent, BigDecimal.valueOf(60 + random.nextInt(80)).setScale(2), d.debt, List.of(d.commissaire.organisation()));
        d.commands.add(new OpenCase(id, opened, "demo-open", "demo-open"));
        planned.add(d);
        d.parties.addAll(Parties.madePartyBy(opened));
        acts[0]++;
        return d;
    }

    private final class Dossier {
        final String id;
        final LocalDate openedOn;
        final Parc parc;
        final BigDecimal debt;
        final RecordedBy commissaire;
        final RecordedBy landlordBy;
        /** The organisations party to the dossier: the opener, the landlord and the commissaire named at opening, then those designated. */
        final Set<String> parties = new HashSet<>();
        /** How many acts of this dossier were planned: the idempotency key of the next one. */
        int recorded;
        /** Its commands, in the order they are sent. */
        final List<Object> commands = new java.util.ArrayList<>();

        Dossier(String id, LocalDate openedOn, Parc parc, BigDecimal debt) {
            this.id = id;
            this.openedOn = openedOn;
            this.parc = parc;
            this.debt = debt.setScale(2);
            this.commissaire = by(Trade.COMMISSAIRE);
            this.landlordBy = by(Trade.BAILLEUR);
        }

        RecordedBy by(Trade trade) {
            String login = trade.name().toLowerCase().replace('_', '-');
            return new RecordedBy(trade, "demo-" + login, login);
        }

        /** Records the act; a partner not yet party is first designated by the secretariat, as the rule requires. */
        void record(CaseEvent act, int[] count) {
            RecordedBy author = act.recordedBy();
            if (!Parties.readsEveryDossier(author.trade()) && !parties.contains(author.organisation())) {
                commands.add(new RecordAct(new PartnerDesignated(id, act.occurredOn(), by(Trade.CCAPEX), author.organisation()),
                        "demo-designate-" + author.organisation()));
                parties.add(author.organisation());
                count[0]++;
            }
            commands.add(new RecordAct(act, "demo-act-" + recorded++));
            count[0]++;
        }
    }
}
