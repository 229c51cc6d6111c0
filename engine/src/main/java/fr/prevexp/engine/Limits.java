package fr.prevexp.engine;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The bounds of every value an act may carry (<i>bornes des valeurs</i>), in one place: the acts'
 * checks (bean-validation annotations on the event records and their {@code problems()}), the
 * OpenAPI document (generated from those annotations) and the read-model columns
 * ({@code @Column(length = Limits.REFERENCE)}, {@code precision = Limits.AMOUNT_PRECISION}) all read
 * these constants, so that an act the API accepts always fits the read models.
 */
public final class Limits {
    private Limits() {
    }

    // --- Amounts (euros, two decimals) ---
    /** Digits before the decimal point of an amount: at most 9 999 999,99 €. */
    public static final int AMOUNT_INTEGER_DIGITS = 7;
    /** Digits after the decimal point of an amount: cents. */
    public static final int AMOUNT_SCALE = 2;
    /** Total digits of an amount column. */
    public static final int AMOUNT_PRECISION = AMOUNT_INTEGER_DIGITS + AMOUNT_SCALE;
    /** The largest amount an act may carry (rent, charges, debt, aid, instalment). */
    public static final String AMOUNT_MAX = "9999999.99";
    public static final BigDecimal AMOUNT_MAX_VALUE = new BigDecimal(AMOUNT_MAX);

    // --- Lengths of text (characters) ---
    /** A dossier reference given by a partner (or DOS-xxxxxxxx). */
    public static final int REFERENCE = 64;
    /** A name: household, landlord, court, who refers, who rehouses... */
    public static final int NAME = 200;
    /** A postal address. */
    public static final int ADDRESS = 300;
    /** A phone number. */
    public static final int PHONE = 32;
    /** A partner organisation's identifier (the landlord's account organisation). */
    public static final int ORGANISATION = 128;
    /** A free text: an opinion, a reason, a detail. */
    public static final int TEXT = 4000;
    /** One recommendation of the CCAPEX. */
    public static final int RECOMMENDATION = 1000;
    /** How many recommendations one examination may give. */
    public static final int RECOMMENDATIONS = 50;
    /** An act type name or code (event names, enum names). */
    public static final int CODE = 64;
    /** An Idempotency-Key header. */
    public static final int IDEMPOTENCY_KEY = 128;
    /** A dossier id (a UUID; longer ids are not dossiers). */
    public static final int CASE_ID = 64;

    // --- Counts ---
    /** Persons in a household: 1 to 30. */
    public static final int PERSONS_MAX = 30;
    /** Months of unpaid rent reported: 0 to 240 (20 years). */
    public static final int MONTHS_UNPAID_MAX = 240;
    /** Months of a repayment plan: 1 to 120 (10 years). */
    public static final int REPAYMENT_MONTHS_MAX = 120;
    /** Months of payment delays or of a grace period granted by a judgment: 1 to 36. */
    public static final int JUDGMENT_DELAY_MONTHS_MAX = 36;
    /** Months of a social cohesion protocol: 1 to 60 (2 years, extendable by 3). */
    public static final int SOCIAL_COHESION_MONTHS_MAX = 60;

    // --- Dates ---
    /**
     * The oldest legal date of an act: 1 January 1990 (the Besson law of 31 May 1990 on the right to
     * housing, before the prevention of evictions was organised in 1998). Older is a typing error.
     */
    public static final LocalDate OLDEST_ACT = LocalDate.of(1990, 1, 1);
    /** The oldest lease signing date: leases may be far older than the dossier. */
    public static final LocalDate OLDEST_LEASE = LocalDate.of(1900, 1, 1);
    /** The furthest date anything refers to (query parameters, indicator years). */
    public static final LocalDate LATEST_DATE = LocalDate.of(2100, 12, 31);
    /** A hearing is held at most 2 years after the summons. */
    public static final int HEARING_YEARS_AFTER_SUMMONS = 2;
    /** Any other date of an act (eviction date, end of a suspension, a deadline's last day) is at most 5 years after the act. */
    public static final int YEARS_AFTER_ACT = 5;

    // --- Reasons of the bean-validation annotations (French: the users are French public servants) ---
    public static final String TOO_LONG = "ne doit pas dépasser {max} caractères";
    public static final String TOO_MANY = "ne doit pas compter plus de {max} éléments";
    public static final String AT_LEAST = "doit valoir au moins {value}";
    public static final String AT_MOST = "doit valoir au plus {value}";
    public static final String MONTHS_AT_LEAST = "doit valoir au moins {value} mois";
    public static final String MONTHS_AT_MOST = "doit valoir au plus {value} mois";
    public static final String AMOUNT_TOO_LARGE = "ne doit pas dépasser 9 999 999,99 €";

    /** Whether a date lies between two bounds, both included. */
    public static boolean within(LocalDate date, LocalDate first, LocalDate last) {
        return date == null || (!date.isBefore(first) && !date.isAfter(last));
    }
}
