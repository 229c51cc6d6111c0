package fr.prevexp.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts of euros (<i>montants en euros</i>): decimals with two digits after the point. */
public final class Money {
    private Money() {
    }

    /** The reasons of the amount checks (French: what a person reads). */
    public static final String TWO_DECIMALS = "doit être un montant en euros avec au plus deux décimales";
    public static final String NOT_NEGATIVE = "ne doit pas être négatif";
    public static final String POSITIVE = "doit être supérieur à zéro";

    /** The amount with exactly two decimals; an amount with more (a cent fraction) is returned as is, for validation to refuse. */
    public static BigDecimal euros(BigDecimal amount) {
        if (amount == null) return null;
        return isEuros(amount) ? amount.setScale(2, RoundingMode.UNNECESSARY) : amount;
    }

    /** Whether the amount has at most two decimals. */
    public static boolean isEuros(BigDecimal amount) {
        return amount == null || amount.stripTrailingZeros().scale() <= 2;
    }
}
