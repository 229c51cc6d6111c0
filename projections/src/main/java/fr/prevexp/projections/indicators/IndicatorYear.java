package fr.prevexp.projections.indicators;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A calendar year in which acts were recorded (<i>année d'activité</i>), with how many: the years
 * the dashboard offers and the charter reads. The procedure's own deadline bookkeeping does not
 * make a year. Written only by the indicators projection.
 */
@Entity
@Table(name = "rm_indicator_year")
public class IndicatorYear {
    @Id
    @Column(name = "act_year")
    private int year;
    private long acts;

    protected IndicatorYear() {
    }

    IndicatorYear(int year) {
        this.year = year;
    }

    public int getYear() { return year; }
    public long getActs() { return acts; }
    void count() { acts++; }
}
