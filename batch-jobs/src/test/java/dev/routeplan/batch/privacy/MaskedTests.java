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
        assertThat(Masked.name("Bhatia Hardware & Sanitary (Wholesale)")).isEqualTo("B. H. S. W.");
    }

    @Test
    void keepsAnAddressesLocalityAndCityButNotTheDoor() {
        assertThat(Masked.address("Warehouse 5, Main Road, Daryaganj, New Delhi")).isEqualTo("…, Daryaganj, New Delhi");
        assertThat(Masked.address("Godown 74,Nehru Place , New Delhi")).isEqualTo("…, Nehru Place, New Delhi");
        assertThat(Masked.address("गोदाम 12, लाजपत नगर, नई दिल्ली")).isEqualTo("…, लाजपत नगर, नई दिल्ली");
    }

    @Test
    void hidesAnAddressWholeWhenItHasNoLocalityApartFromTheDoor() {
        assertThat(Masked.address("Godown 74, Nehru Place")).isEqualTo("…");
        assertThat(Masked.address("Shop 3 Sadar Bazar")).isEqualTo("…");
        assertThat(Masked.address("")).isEmpty();
    }
}
