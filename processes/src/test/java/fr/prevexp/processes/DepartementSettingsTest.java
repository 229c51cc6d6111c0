package fr.prevexp.processes;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The DALO window's default follows CCH R441-16-1 through the shipped data file; the configuration wins over it. */
class DepartementSettingsTest {
    private final DepartementSettings settings = new DepartementSettings();

    @Test
    void seineSaintDenisHasSixMonthsByDefault() {
        assertThat(settings.of("93").isDaloLargeAgglomeration()).isTrue();
    }

    @Test
    void aDepartementWithoutALargeAgglomerationHasThreeMonths() {
        assertThat(settings.of("21").isDaloLargeAgglomeration()).as("Côte-d'Or: Dijon is under 300,000").isFalse();
        assertThat(settings.of("54").isDaloLargeAgglomeration()).as("Nancy: 285,983 inhabitants").isFalse();
        assertThat(settings.of(null).isDaloLargeAgglomeration()).isFalse();
    }

    @Test
    void aPartOfALargeAgglomerationCountsForItsDepartement() {
        assertThat(settings.of("27").isDaloLargeAgglomeration()).as("Eure: 6 communes of the Rouen agglomeration").isTrue();
        assertThat(settings.of("01").isDaloLargeAgglomeration()).as("Ain: part of the Lyon agglomeration").isTrue();
    }

    @Test
    void overseasHasSixMonths() {
        for (String dom : new String[]{"971", "972", "973", "974", "976"}) assertThat(settings.of(dom).isDaloLargeAgglomeration()).as(dom).isTrue();
    }

    @Test
    void theConfigurationWinsOverTheDefaultBothWays() {
        DepartementSettings.Settings threeMonths = new DepartementSettings.Settings();
        threeMonths.setDaloLargeAgglomeration(false);
        settings.getDepartements().put("93", threeMonths);
        DepartementSettings.Settings sixMonths = new DepartementSettings.Settings();
        sixMonths.setDaloLargeAgglomeration(true);
        settings.getDepartements().put("21", sixMonths);
        assertThat(settings.of("93").isDaloLargeAgglomeration()).isFalse();
        assertThat(settings.of("21").isDaloLargeAgglomeration()).isTrue();
    }

    @Test
    void aSettingOfAnotherKindKeepsTheLawsDefault() {
        DepartementSettings.Settings threshold = new DepartementSettings.Settings();
        threshold.setCcapexReportArrearsMonthsBefore(4);
        settings.getDepartements().put("93", threshold);
        assertThat(settings.of("93").isDaloLargeAgglomeration()).isTrue();
        assertThat(settings.of("93").getCcapexReportArrearsMonthsBefore()).isEqualTo(4);
    }

    @Test
    void theDataFileListsEveryDepartementOnce() {
        assertThat(DepartementSettings.DALO_SIX_MONTHS).contains("75", "92", "93", "94", "13", "69", "59", "974").doesNotContain("21", "54", "45");
    }
}
