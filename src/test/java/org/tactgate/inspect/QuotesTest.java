package org.tactgate.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuotesTest {

    private static boolean inside(String text, String word) {
        return Quotes.inside(text, text.indexOf(word));
    }

    @Test
    void readsDoubleSingleAndNestedMarks() {
        assertThat(inside("She said \"how many times\" twice.", "many")).isTrue();
        assertThat(inside("She said \"no\" and how many times.", "many")).isFalse();
        assertThat(inside("Stop calling him 'Mr Complain', please.", "Complain")).isTrue();
        assertThat(inside("It's his job, honey.", "honey")).isFalse(); // an apostrophe opens nothing
        assertThat(inside("Lay: \"I would love to see him, 'Hi, honey.'\"", "honey")).isTrue();
        assertThat(inside("«Vous saviez» disait-il, vous saviez.", "vous saviez.")).isFalse();
    }
}
