package org.tactgate.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tactgate.directory.Customer;

class NicknamesTest {

    @Test
    void staffEpithetsAmongTheAliasesAreNicknames() {
        Customer c = new Customer("Sharon Pettigrew", List.of("sharon.pettigrew@shawmail.example"), List.of(),
                List.of("Clipboard Mom", "Mr Last Minute", "Papy Cadastre", "le Complaint Queen"));
        assertThat(Nicknames.of(c)).containsExactlyInAnyOrder("clipboard mom", "mr last minute", "papy cadastre",
                "le complaint queen");
    }

    @Test
    void namesRelationsThingsAndDescriptionsAreNot() {
        Customer c = new Customer("Fjordline Software Inc.", List.of("tomasz.wisniewski@fjordline.example",
                "info@fjordline.example"), List.of("fjordline.example"),
                List.of("Maddie", "Mrs. Pettigrew", "Tomasz Wiśniewski", "Maddie's mom", "the birthday party mom",
                        "the Range Rover", "YH18 ZWD", "Frau Strohmaier", "Mr Hay-Lennox", "Duarte Reis",
                        "Fjordline Crew Mom"));
        assertThat(Nicknames.of(c)).isEmpty();
    }
}
