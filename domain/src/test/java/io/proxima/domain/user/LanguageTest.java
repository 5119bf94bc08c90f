package io.proxima.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.domain.shared.ValidationException;
import org.junit.jupiter.api.Test;

class LanguageTest {

    @Test
    void regional_forms_map_to_the_language() {
        assertThat(Language.fromCode("language", "zh-CN")).isEqualTo(Language.ZH);
        assertThat(Language.fromCode("language", "en_GB")).isEqualTo(Language.EN);
        assertThat(Language.fromCode("language", null)).isEqualTo(Language.EN);
    }

    @Test
    void separators_alone_and_unknown_codes_are_validation_errors_not_crashes() {
        for (String bad : new String[] {"_", "-", "-zh", "fr", "__"}) {
            assertThatThrownBy(() -> Language.fromCode("language", bad)).as(bad)
                    .isInstanceOf(ValidationException.class);
        }
    }
}
