package dev.routeplan.batch.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhoneLookupTests {

    @Test
    void givesOneNumberTheSameHashEveryTimeAndAnotherNumberAnother(@TempDir Path keys) {
        PhoneLookup lookup = new PhoneLookup(PersonalDataKeys.loadOrCreate(keys));

        assertThat(lookup.of("+919876541234")).isEqualTo(lookup.of("+919876541234")).doesNotContain("9876541234");
        assertThat(lookup.of("+919876541235")).isNotEqualTo(lookup.of("+919876541234"));
        assertThat(lookup.of("")).isNull();
    }

    @Test
    void cannotBeRecomputedWithoutTheKey(@TempDir Path keys, @TempDir Path otherKeys) {
        assertThat(new PhoneLookup(PersonalDataKeys.loadOrCreate(keys)).of("+919876541234"))
                .isNotEqualTo(new PhoneLookup(PersonalDataKeys.loadOrCreate(otherKeys)).of("+919876541234"));
    }

    @Test
    void keepsFindingANumberAfterTheCipherKeyRotates(@TempDir Path keys) {
        String before = new PhoneLookup(PersonalDataKeys.loadOrCreate(keys)).of("+919876541234");

        PersonalDataKeys.rotate(keys);

        assertThat(new PhoneLookup(PersonalDataKeys.loadOrCreate(keys)).of("+919876541234")).isEqualTo(before);
    }
}
