package io.proxima.bootstrap.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.proxima.application.system.port.in.SystemSettingsUseCase;
import io.proxima.domain.shared.ValidationException;
import io.proxima.domain.system.Setting;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Settings go through the use case, the Panache adapter and the Flyway schema. */
@QuarkusTest
class SystemSettingsPersistenceTest {

    @Inject
    SystemSettingsUseCase settings;

    @Test
    void defaults_then_stored_overrides_then_all_or_nothing_updates() {
        assertThat(settings.number(Setting.BILLING_GRACE_PERIOD_DAYS)).isEqualTo(7);

        settings.update(Map.of("billing_grace_period_days", " 14 "), UUID.randomUUID());
        assertThat(settings.number(Setting.BILLING_GRACE_PERIOD_DAYS)).isEqualTo(14);
        settings.update(Map.of("billing_grace_period_days", "3"), null);
        assertThat(settings.number(Setting.BILLING_GRACE_PERIOD_DAYS)).isEqualTo(3);

        Map<String, String> mixed = new LinkedHashMap<>();
        mixed.put("currency", "eur");
        mixed.put("registration_open", "maybe");
        assertThatThrownBy(() -> settings.update(mixed, null)).isInstanceOf(ValidationException.class);
        assertThat(settings.text(Setting.CURRENCY)).isEqualTo("USD");

        settings.update(Map.of("currency", "eur"), null);
        assertThat(settings.all()).containsEntry(Setting.CURRENCY, "EUR").containsEntry(Setting.BILLING_GRACE_PERIOD_DAYS, "3");
        settings.update(Map.of("currency", "USD", "billing_grace_period_days", "7"), null);
    }
}
