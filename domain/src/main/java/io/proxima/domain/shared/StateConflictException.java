package io.proxima.domain.shared;

import java.util.Map;

/**
 * The action is not allowed in the resource's current state (stop a stopped VM, reply to a
 * closed ticket ...). The current state travels in {@link #details()}.
 */
public class StateConflictException extends DomainException {

    public StateConflictException(String messageKey, String englishMessage, String currentState, Object... args) {
        super(ErrorCode.STATE_CONFLICT, messageKey, englishMessage,
                currentState == null ? null : Map.of("current_state", currentState), args);
    }
}
