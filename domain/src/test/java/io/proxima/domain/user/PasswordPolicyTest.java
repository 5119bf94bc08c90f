package io.proxima.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.domain.shared.FieldError;
import io.proxima.domain.shared.ValidationException;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private static java.util.List<String> keys(String password, String username) {
        return PasswordPolicy.violations("password", password, username).stream().map(FieldError::messageKey).toList();
    }

    @Test
    void accepts_a_long_mixed_password() {
        assertThat(keys("Correct-Horse-9", "alice")).isEmpty();
        assertThat(keys("correcthorse9", "alice")).isEmpty();
    }

    @Test
    void rejects_short_single_class_and_username_passwords() {
        assertThat(keys("Ab1!", "alice")).containsExactly("validation.password.length");
        assertThat(keys("abcdefghij", "alice")).containsExactly("validation.password.classes");
        assertThat(keys("12345678901", "alice")).containsExactly("validation.password.classes");
        assertThat(keys("Alice2024x", "alice2024X")).containsExactly("validation.password.username");
        assertThat(keys("", "alice")).containsExactly("validation.required");
        assertThat(keys("a".repeat(60) + "B".repeat(70), "alice")).containsExactly("validation.password.max_length");
    }

    @Test
    void reports_every_broken_rule_against_the_given_field() {
        assertThatThrownBy(() -> PasswordPolicy.check("new_password", "abc", null))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).fieldErrors())
                        .extracting(FieldError::field).containsOnly("new_password").hasSize(2));
    }
}
