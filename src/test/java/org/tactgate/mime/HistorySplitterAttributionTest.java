package org.tactgate.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Attributions other mail clients write, wrapped over two lines and in other languages. */
class HistorySplitterAttributionTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "El jue, 6 jun 2024 a las 20:12, Héctor Maldonado <hector@laespiga.example>\nescribió:",
            "Le jeu. 6 juin 2024 à 20:12, Héctor Maldonado <hector@laespiga.example> a écrit :",
            "Em qui., 6 de jun. de 2024 às 20:12, Héctor Maldonado <hector@laespiga.example>\nescreveu:",
            "Il giorno gio 6 giu 2024 alle 20:12 Héctor Maldonado <hector@laespiga.example> ha scritto:",
            "Op do 6 jun 2024 om 20:12 schreef Héctor Maldonado <hector@laespiga.example>:"})
    void namesTheQuotesAuthor(String attribution) {
        String body = "Buenos días,\n\nya está resuelto.\n\nLucía\n\n" + attribution
                + "\n> Esto es una vergüenza. Quiero una explicación.\n";
        List<TextBlock> blocks = HistorySplitter.split(body);
        assertThat(blocks).anySatisfy(b -> {
            assertThat(b.kind()).isEqualTo(TextBlock.Kind.QUOTED);
            assertThat(b.author()).map(Address::email).contains("hector@laespiga.example");
        });
    }
}
