package io.proxima.application.system.port.in;

import io.proxima.domain.system.Setting;
import java.util.Map;
import java.util.UUID;

/** Reads typed system settings (stored value or default) and lets administrators change them. */
public interface SystemSettingsUseCase {

    boolean flag(Setting setting);

    int number(Setting setting);

    String text(Setting setting);

    /** Every setting with its effective value. */
    Map<Setting, String> all();

    /** Validates and stores new values; unknown keys or wrong types fail as a whole. */
    Map<Setting, String> update(Map<String, String> changes, UUID adminId);
}
