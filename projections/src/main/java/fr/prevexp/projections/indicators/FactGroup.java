package fr.prevexp.projections.indicators;

import fr.prevexp.engine.Parc;

/**
 * How many acts of one kind a year holds (<i>nombre d'actes</i>): the acts of one type that carry
 * the same code, flag and parc, counted by the database rather than loaded one by one.
 */
public record FactGroup(String type, String code, Boolean flag, Parc parc, long count) {
    public String getCode() { return code; }
    public Boolean getFlag() { return flag; }
    public Parc getParc() { return parc; }
}
