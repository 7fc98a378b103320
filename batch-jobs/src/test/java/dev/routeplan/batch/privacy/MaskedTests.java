package dev.routeplan.batch.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskedTests {

    @Test
    void showsOnlyTheLastFourDigitsOfAPhoneNumber() {
        assertThat(Masked.phone("+919876541234")).isEqualTo("+91XXXXXX1234");
        assertThat(Masked.phone("98765 41234")).isEqualTo("XXXXXX1234");
        assertThat(Masked.phone("12-34")).isEqualTo("XXXX");
        assertThat(Masked.phone("")).isEmpty();
    }

    @Test
    void showsANameAsItsInitials() {
        assertThat(Masked.name("Asha  Kumari")).isEqualTo("A. K.");
        assertThat(Masked.name("राम प्रसाद")).isEqualTo("र. प.");
        assertThat(Masked.name(null)).isNull();
    }
}
