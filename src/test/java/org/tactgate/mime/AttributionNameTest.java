package org.tactgate.mime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AttributionNameTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "On Mon, Mar 3, 2024 at 2:14 PM Jess Morales <jess@shop.example> wrote: | Jess Morales",
            "On Wed, 12 Mar 2025 at 09:58, Priya Raman <priya.raman@clinic.example> wrote: | Priya Raman",
            "From: Rob Castellano <rob@tv.example> | Rob Castellano",
            "Le 3 mars 2024 à 14:14, Jean Dupont <jean@x.example> a écrit : | Jean Dupont"})
    void attributionShouldNameThePersonNotTheDate(String line, String name) {
        assertThat(HistorySplitter.addressIn(line)).hasValueSatisfying(a -> assertThat(a.displayName()).isEqualTo(name));
    }
}
