package io.proxima.adapter.out.persistence.vm;

import io.proxima.domain.vm.Operation;
import io.proxima.domain.vm.OperationStatus;
import io.proxima.domain.vm.OperationStep;
import io.proxima.domain.vm.OperationType;
import io.proxima.domain.vm.VmId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

final class OperationEntityMapper {

    private OperationEntityMapper() {
    }

    static Operation toDomain(OperationEntity e) {
        List<OperationStep> steps = new ArrayList<>();
        for (Map<String, Object> s : e.steps) {
            steps.add(new OperationStep((String) s.get("name"),
                    OperationStep.State.valueOf(((String) s.get("state")).toUpperCase(Locale.ROOT)),
                    ((Number) s.getOrDefault("attempts", 0)).intValue(), (String) s.get("upid"), (String) s.get("error"),
                    instant(s.get("started_at")), instant(s.get("finished_at"))));
        }
        return Operation.reconstitute(e.id, new VmId(e.vmId), e.requestedBy,
                OperationType.valueOf(e.type.toUpperCase(Locale.ROOT)), steps, e.data == null ? Map.of() : e.data,
                OperationStatus.valueOf(e.status.toUpperCase(Locale.ROOT)), e.currentStep, e.compensating, e.error,
                e.nextRunAt, e.createdAt, e.updatedAt, e.finishedAt, e.version);
    }

    static void copy(Operation o, OperationEntity e) {
        e.id = o.id();
        e.vmId = o.vmId().value();
        e.requestedBy = o.requestedBy();
        e.type = o.type().wireName();
        e.status = o.status().wireName();
        List<Map<String, Object>> steps = new ArrayList<>();
        for (OperationStep s : o.steps()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", s.name());
            m.put("state", s.state().wireName());
            m.put("attempts", s.attempts());
            m.put("upid", s.upid());
            m.put("error", s.error());
            m.put("started_at", s.startedAt() == null ? null : s.startedAt().toString());
            m.put("finished_at", s.finishedAt() == null ? null : s.finishedAt().toString());
            steps.add(m);
        }
        e.steps = steps;
        e.data = new LinkedHashMap<>(o.data());
        e.currentStep = o.currentIndex();
        e.compensating = o.compensating();
        e.error = o.error();
        e.nextRunAt = o.nextRunAt();
        e.createdAt = o.createdAt();
        e.updatedAt = o.updatedAt();
        e.finishedAt = o.finishedAt();
    }

    private static Instant instant(Object v) {
        return v == null ? null : Instant.parse(v.toString());
    }
}
