package fr.prevexp.engine.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.HashSet;
import java.util.Set;

/**
 * The counting rules of legal delays (<i>computation des délais</i>): calendar months (same day of
 * the month, or the last day of a shorter month), weeks of 7 days, calendar days and working days
 * (no Saturdays, Sundays or French public holidays; Alsace-Moselle adds Good Friday and
 * 26 December). The durations themselves are decided by the DMN tables of the procedure; this
 * class only counts.
 */
public final class LegalCalendar {
    private static final Set<String> ALSACE_MOSELLE = Set.of("57", "67", "68");
    private static final Set<MonthDay> FIXED_HOLIDAYS = Set.of(MonthDay.of(1, 1), MonthDay.of(5, 1), MonthDay.of(5, 8),
            MonthDay.of(7, 14), MonthDay.of(8, 15), MonthDay.of(11, 1), MonthDay.of(11, 11), MonthDay.of(12, 25));

    private final boolean alsaceMoselle;

    private LegalCalendar(boolean alsaceMoselle) {
        this.alsaceMoselle = alsaceMoselle;
    }

    /** The calendar of a département (its code: "93", "57", "2A", "974"). */
    public static LegalCalendar of(String departement) {
        return new LegalCalendar(departement != null && ALSACE_MOSELLE.contains(departement));
    }

    /** The calendar with or without the local holidays of Alsace-Moselle (a département setting). */
    public static LegalCalendar withAlsaceMoselleHolidays(boolean alsaceMoselle) {
        return new LegalCalendar(alsaceMoselle);
    }

    /** The calendar of the département of an INSEE commune code. */
    public static LegalCalendar ofTerritory(String inseeCode) {
        if (inseeCode == null || inseeCode.length() < 2) return of(null);
        return of(inseeCode.startsWith("97") ? inseeCode.substring(0, 3) : inseeCode.substring(0, 2));
    }

    public boolean isAlsaceMoselle() {
        return alsaceMoselle;
    }

    /**
     * The last day of a window of {@code amount} units that starts with the act of {@code start}
     * (<i>dernier jour du délai</i>, inclusive): N months later is the same day of the month
     * ({@code LocalDate.plusMonths}); working days are counted from the day after the act.
     */
    public LocalDate lastDay(LocalDate start, int amount, DurationUnit unit) {
        return switch (unit) {
            case MONTHS -> start.plusMonths(amount);
            case WEEKS -> start.plusWeeks(amount);
            case DAYS -> start.plusDays(amount);
            case WORKING_DAYS -> plusWorkingDays(start, amount);
        };
    }

    /**
     * The last day on which an act that must come {@code amount} units before {@code event} may be
     * done (<i>délai compté à rebours</i>, e.g. the assignation notified to the préfet 6 weeks before
     * the hearing): N months before is the same day of the month N months earlier (the last day of a
     * shorter month), weeks and days are calendar days, working days skip weekends and holidays, as
     * {@link #lastDay} counts forward. The day of {@code event} itself never counts.
     */
    public LocalDate lastDayBefore(LocalDate event, int amount, DurationUnit unit) {
        return switch (unit) {
            case MONTHS -> event.minusMonths(amount);
            case WEEKS -> event.minusWeeks(amount);
            case DAYS -> event.minusDays(amount);
            case WORKING_DAYS -> plusWorkingDays(event, -amount);
        };
    }

    /** {@code amount} working days after {@code start} (negative: before it). */
    public LocalDate plusWorkingDays(LocalDate start, int amount) {
        LocalDate day = start;
        int step = amount >= 0 ? 1 : -1;
        for (int left = Math.abs(amount); left > 0; ) {
            day = day.plusDays(step);
            if (isWorkingDay(day)) left--;
        }
        return day;
    }

    public boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY && !isPublicHoliday(day);
    }

    public boolean isPublicHoliday(LocalDate day) {
        return holidays(day.getYear()).contains(day);
    }

    /** The public holidays of a year (<i>jours fériés</i>), with those of Alsace-Moselle where they apply. */
    public Set<LocalDate> holidays(int year) {
        Set<LocalDate> days = new HashSet<>();
        FIXED_HOLIDAYS.forEach(md -> days.add(md.atYear(year)));
        LocalDate easter = easterSunday(year);
        days.add(easter.plusDays(1));   // lundi de Pâques
        days.add(easter.plusDays(39));  // Ascension
        days.add(easter.plusDays(50));  // lundi de Pentecôte
        if (alsaceMoselle) {
            days.add(easter.minusDays(2));         // Vendredi saint
            days.add(LocalDate.of(year, 12, 26));  // Saint-Étienne
        }
        return days;
    }

    /** Easter Sunday of the Gregorian calendar (anonymous Gregorian algorithm). */
    public static LocalDate easterSunday(int year) {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
        int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31, day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }
}
