package io.proxima.application.monitoring.port.in;

import io.proxima.application.monitoring.port.out.WebhookStore.Attempt;
import io.proxima.application.monitoring.port.out.WebhookStore.Delivery;
import io.proxima.application.monitoring.port.out.WebhookStore.Endpoint;
import io.proxima.application.shared.Page;
import io.proxima.application.shared.PageRequest;
import io.proxima.application.vm.port.in.VmActionsUseCase.Actor;
import java.util.List;
import java.util.UUID;

/** Outgoing webhook endpoints: administrators for every event, customers for their own. */
public interface WebhookUseCase {

    record EndpointCommand(String url, List<String> events, Boolean enabled, Boolean allowPrivate, String description) {
    }

    /** The endpoint with its signing secret, shown once at creation. */
    record CreatedEndpoint(Endpoint endpoint, String secret) {
    }

    CreatedEndpoint create(EndpointCommand command, Actor actor);

    Endpoint update(UUID id, EndpointCommand command, Actor actor);

    void delete(UUID id, Actor actor);

    Endpoint get(UUID id, Actor actor);

    Page<Endpoint> list(PageRequest page, Actor actor);

    Page<Delivery> deliveries(UUID endpointId, PageRequest page, Actor actor);

    List<Attempt> attempts(UUID endpointId, UUID deliveryId, Actor actor);

    Delivery redeliver(UUID endpointId, UUID deliveryId, Actor actor);

    /** Sends what is due (the scheduled dispatcher); returns how many attempts were made. */
    int dispatchDue();
}
