package fr.prevexp.engine.calendar;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class LegalCalendarTest {
    private final LegalCalendar paris = LegalCalendar.ofTerritory("75056");
    private final LegalCalendar metz = LegalCalendar.ofTerritory("57463");

    @Test
    void monthsRunToTheSameDayOrTheLastDayOfAShorterMonth() {
        assertThat(paris.lastDay(LocalDate.of(2024, 2, 1), 2, DurationUnit.MONTHS)).isEqualTo(LocalDate.of(2024, 4, 1));
        assertThat(paris.lastDay(LocalDate.of(2023, 12, 31), 2, DurationUnit.MONTHS)).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(paris.lastDay(LocalDate.of(2022, 12, 31), 2, DurationUnit.MONTHS)).isEqualTo(LocalDate.of(2023, 2, 28));
        assertThat(paris.lastDay(LocalDate.of(2024, 8, 31), 1, DurationUnit.MONTHS)).isEqualTo(LocalDate.of(2024, 9, 30));
    }

    @Test
    void weeksAreSevenDays() {
        assertThat(paris.lastDay(LocalDate.of(2024, 2, 1), 6, DurationUnit.WEEKS)).isEqualTo(LocalDate.of(2024, 3, 14));
        assertThat(paris.lastDay(LocalDate.of(2024, 12, 20), 6, DurationUnit.WEEKS)).isEqualTo(LocalDate.of(2025, 1, 31));
    }

    @Test
    void easterAndTheMovableHolidays() {
        assertThat(LegalCalendar.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(LegalCalendar.easterSunday(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
        assertThat(LegalCalendar.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(paris.isPublicHoliday(LocalDate.of(2024, 4, 1))).as("lundi de Pâques").isTrue();
        assertThat(paris.isPublicHoliday(LocalDate.of(2024, 5, 9))).as("Ascension").isTrue();
        assertThat(paris.isPublicHoliday(LocalDate.of(2024, 5, 20))).as("lundi de Pentecôte").isTrue();
        assertThat(paris.isPublicHoliday(LocalDate.of(2024, 3, 29))).as("Vendredi saint hors Alsace-Moselle").isFalse();
        assertThat(metz.isPublicHoliday(LocalDate.of(2024, 3, 29))).as("Vendredi saint en Moselle").isTrue();
        assertThat(metz.isPublicHoliday(LocalDate.of(2024, 12, 26))).isTrue();
        assertThat(paris.isPublicHoliday(LocalDate.of(2024, 12, 26))).isFalse();
        assertThat(LegalCalendar.ofTerritory("67482").isAlsaceMoselle()).isTrue();
        assertThat(LegalCalendar.ofTerritory("93066").isAlsaceMoselle()).isFalse();
    }

    @Test
    void workingDaysSkipWeekendsAndHolidays() {
        // Thursday 21 March 2024 + 15 working days: Easter Monday 1 April is skipped.
        assertThat(paris.lastDay(LocalDate.of(2024, 3, 21), 15, DurationUnit.WORKING_DAYS)).isEqualTo(LocalDate.of(2024, 4, 12));
        // In Moselle Good Friday 29 March is skipped as well.
        assertThat(metz.lastDay(LocalDate.of(2024, 3, 21), 15, DurationUnit.WORKING_DAYS)).isEqualTo(LocalDate.of(2024, 4, 15));
        // Across the year boundary: 25 Dec, 1 Jan and the weekends; Alsace-Moselle also 26 Dec.
        assertThat(paris.plusWorkingDays(LocalDate.of(2024, 12, 23), 5)).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(metz.plusWorkingDays(LocalDate.of(2024, 12, 23), 5)).isEqualTo(LocalDate.of(2025, 1, 2));
        assertThat(paris.plusWorkingDays(LocalDate.of(2024, 6, 20), -15)).isEqualTo(LocalDate.of(2024, 5, 30));
    }

    @Test
    void countingBackUsesTheSameUnitsAsCountingForward() {
        // Summons of the new regime: 42 days before a hearing of 20 June 2024; of the old one: 2 months.
        assertThat(paris.lastDayBefore(LocalDate.of(2024, 6, 20), 42, DurationUnit.DAYS)).isEqualTo(LocalDate.of(2024, 5, 9));
        assertThat(paris.lastDayBefore(LocalDate.of(2024, 6, 20), 6, DurationUnit.WEEKS)).isEqualTo(LocalDate.of(2024, 5, 9));
        assertThat(paris.lastDayBefore(LocalDate.of(2023, 6, 30), 2, DurationUnit.MONTHS)).isEqualTo(LocalDate.of(2023, 4, 30));
        assertThat(paris.lastDayBefore(LocalDate.of(2024, 3, 31), 1, DurationUnit.MONTHS)).as("shorter month").isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(paris.lastDayBefore(LocalDate.of(2025, 1, 10), 10, DurationUnit.DAYS)).as("across the year end").isEqualTo(LocalDate.of(2024, 12, 31));
        // Working days are working days backwards too (not calendar days): 1 January, 25 December, weekends.
        assertThat(paris.lastDayBefore(LocalDate.of(2025, 1, 2), 5, DurationUnit.WORKING_DAYS)).isEqualTo(LocalDate.of(2024, 12, 24));
        assertThat(metz.lastDayBefore(LocalDate.of(2025, 1, 2), 5, DurationUnit.WORKING_DAYS)).as("and 26 December in Moselle").isEqualTo(LocalDate.of(2024, 12, 23));
        // One implementation both ways: back then forward from a working day comes home.
        LocalDate hearing = LocalDate.of(2024, 6, 20);
        assertThat(paris.lastDay(paris.lastDayBefore(hearing, 15, DurationUnit.WORKING_DAYS), 15, DurationUnit.WORKING_DAYS)).isEqualTo(hearing);
        assertThat(paris.lastDay(paris.lastDayBefore(hearing, 6, DurationUnit.WEEKS), 6, DurationUnit.WEEKS)).isEqualTo(hearing);
    }
}
