package fr.prevexp.engine.calendar;

import java.time.LocalDate;
import java.time.MonthDay;

/**
 * The winter truce (<i>trêve hivernale</i>, CPCE L412-6): no eviction from 1 November to 31 March
 * inclusive.
 */
public final class WinterTruce {
    private static final MonthDay START = MonthDay.of(11, 1);
    private static final MonthDay END = MonthDay.of(3, 31);

    private WinterTruce() {
    }

    public static boolean covers(LocalDate day) {
        MonthDay md = MonthDay.from(day);
        return !md.isBefore(START) || !md.isAfter(END);
    }

    /** The first day on or after {@code day} outside the truce. */
    public static LocalDate firstDayOutside(LocalDate day) {
        if (!covers(day)) return day;
        int year = day.getMonthValue() >= 11 ? day.getYear() + 1 : day.getYear();
        return LocalDate.of(year, 4, 1);
    }
}
