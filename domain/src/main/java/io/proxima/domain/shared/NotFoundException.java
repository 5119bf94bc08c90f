package io.proxima.domain.shared;

/**
 * The resource does not exist <em>for this caller</em>: also used when it exists but belongs
 * to someone else, so that ids of other users' resources cannot be probed.
 */
public class NotFoundException extends DomainException {

    public NotFoundException(String resource, Object id) {
        super(ErrorCode.NOT_FOUND, "error.not_found", resource + " " + id + " not found", resource);
    }
}
