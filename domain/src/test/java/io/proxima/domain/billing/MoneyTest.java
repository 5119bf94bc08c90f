package io.proxima.domain.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.domain.shared.ValidationException;
import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class MoneyTest {

    static final Currency USD = Currency.getInstance("USD");
    static final Currency JPY = Currency.getInstance("JPY");

    @Test
    void parses_and_formats_with_exactly_the_currency_digits() {
        assertThat(Money.parse("12.5", USD, "amount").minor()).isEqualTo(1250);
        assertThat(Money.parse("12.5", USD, "amount").toPlainString()).isEqualTo("12.50");
        assertThat(Money.parse("-0.07", USD, "amount").toPlainString()).isEqualTo("-0.07");
        assertThat(Money.parse("300", JPY, "amount").toPlainString()).isEqualTo("300");
        assertThat(Money.of(5, USD).toPlainString()).isEqualTo("0.05");
    }

    @Test
    void refuses_too_many_decimals_exponents_and_garbage() {
        assertThatThrownBy(() -> Money.parse("1.001", USD, "amount")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("amount");
        assertThatThrownBy(() -> Money.parse("1.5", JPY, "amount")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Money.parse("1e3", USD, "amount")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Money.parse("abc", USD, "amount")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Money.parse("9999999999999999999", USD, "amount")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Money.parse("", USD, "amount")).isInstanceOf(ValidationException.class);
    }

    @Test
    void rates_round_half_up_in_one_place() {
        assertThat(Money.ofRate(new BigDecimal("0.005"), USD).minor()).isEqualTo(1);
        assertThat(Money.ofRate(new BigDecimal("0.0049999"), USD).minor()).isZero();
        assertThat(Money.ofRate(new BigDecimal("-0.005"), USD).minor()).isEqualTo(-1);
        assertThat(Money.ofRate(new BigDecimal("2.5"), JPY).minor()).isEqualTo(3);
    }

    @Test
    void arithmetic_is_exact_and_currency_checked() {
        Money a = Money.of(10, USD);
        assertThat(a.plus(Money.of(5, USD)).minor()).isEqualTo(15);
        assertThat(a.minus(Money.of(15, USD)).isNegative()).isTrue();
        assertThatThrownBy(() -> a.plus(Money.of(1, "EUR"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of(Long.MAX_VALUE, USD).plus(a)).isInstanceOf(ArithmeticException.class);
    }
}
