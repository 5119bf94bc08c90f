package io.proxima.application.vm.service;

import io.proxima.application.billing.port.out.IdempotencyStore;
import io.proxima.application.shared.port.out.SecretCipher;
import io.proxima.application.vm.port.out.VmReadRepository;
import io.proxima.domain.vm.VmId;
import java.time.Duration;
import io.proxima.application.vm.port.in.CreateVmUseCase;
import io.proxima.application.vm.port.out.OperationRepository;
import io.proxima.application.vm.port.out.PlanRepository;
import io.proxima.application.vm.port.out.TemplateRepository;
import io.proxima.application.vm.port.out.VmCharging;
import io.proxima.application.vm.port.out.VmRepository;
import io.proxima.domain.shared.DomainException;
import io.proxima.domain.shared.FieldError;
import io.proxima.domain.shared.ValidationException;
import io.proxima.domain.vm.Hostname;
import io.proxima.domain.vm.Operation;
import io.proxima.domain.vm.OperationType;
import io.proxima.domain.vm.Plan;
import io.proxima.domain.vm.SshPublicKey;
import io.proxima.domain.vm.Template;
import io.proxima.domain.vm.Vm;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates an order completely before anything is written, checks the balance, then records
 * the VM (in {@code provisioning}) and its provisioning operation in one transaction. The
 * operation runner picks it up; nothing here talks to PVE.
 */
@ApplicationScoped
public class CreateVmService implements CreateVmUseCase {

    static final int MAX_SSH_KEYS = 10;

    private final VmRepository vms;
    private final OperationRepository operations;
    private final PlanRepository plans;
    private final TemplateRepository templates;
    private final VmCharging charging;
    private final SecretCipher cipher;
    private final ProvisionSaga saga;
    private final Clock clock;
    @Inject
    IdempotencyStore idempotency;
    @Inject
    VmReadRepository reads;
    @Inject
    VmAudit audit;
    @Inject
    PlacementService placement;

    @Inject
    public CreateVmService(VmRepository vms, OperationRepository operations, PlanRepository plans,
                           TemplateRepository templates, VmCharging charging, SecretCipher cipher, ProvisionSaga saga,
                           Clock clock) {
        this.vms = vms;
        this.operations = operations;
        this.plans = plans;
        this.templates = templates;
        this.charging = charging;
        this.cipher = cipher;
        this.saga = saga;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Accepted create(CreateVmCommand c) {
        if (c.idempotencyKey() != null && (c.idempotencyKey().isBlank() || c.idempotencyKey().length() > 255)) {
            throw ValidationException.of("Idempotency-Key", "validation.idempotency_key.length", "must be 1 to 255 characters");
        }
        List<FieldError> errors = new ArrayList<>();
        Hostname hostname = collect(errors, () -> new Hostname(c.hostname()));
        Plan plan = c.planId() == null ? null : plans.find(c.planId()).filter(Plan::active).orElse(null);
        if (plan == null) {
            errors.add(FieldError.of("plan_id", c.planId() == null ? "validation.required" : "validation.plan_unknown",
                    c.planId() == null ? "is required" : "is not an active plan"));
        }
        Template template = c.templateId() == null ? null : templates.find(c.templateId()).filter(Template::active).orElse(null);
        if (template == null) {
            errors.add(FieldError.of("template_id", c.templateId() == null ? "validation.required" : "validation.template_unknown",
                    c.templateId() == null ? "is required" : "is not an available template"));
        }
        if (plan != null && template != null) {
            if (plan.type() != template.type()) {
                errors.add(FieldError.of("template_id", "validation.template_type",
                        "is a " + template.type().wireName() + " template but the plan is for " + plan.type().wireName()));
            }
            if (template.minDiskGb() > plan.spec().diskGb()) {
                errors.add(FieldError.of("plan_id", "validation.plan_disk_too_small",
                        "has " + plan.spec().diskGb() + " GB of disk; the template needs " + template.minDiskGb()));
            }
        }
        List<String> keys = new ArrayList<>();
        List<String> rawKeys = c.sshKeys() == null ? List.of() : c.sshKeys();
        if (rawKeys.size() > MAX_SSH_KEYS) {
            errors.add(FieldError.of("ssh_keys", "validation.max_items", "at most " + MAX_SSH_KEYS + " keys", MAX_SSH_KEYS));
        } else {
            for (int i = 0; i < rawKeys.size(); i++) {
                String field = "ssh_keys[" + i + "]";
                String raw = rawKeys.get(i);
                SshPublicKey key = collect(errors, () -> SshPublicKey.of(field, raw));
                if (key != null) {
                    keys.add(key.value());
                }
            }
        }
        if (c.password() != null && !validPassword(c.password())) {
            errors.add(FieldError.of("password", "validation.vm_password",
                    "must be 8 to 72 characters and mix at least two of letters, digits and symbols"));
        }
        if (keys.isEmpty() && (c.password() == null || c.password().isEmpty()) && template != null && template.cloudInit()) {
            errors.add(FieldError.of("ssh_keys", "validation.vm_access", "give at least one SSH key or a password"));
        }
        if (c.location() != null && c.location().length() > 64) {
            errors.add(FieldError.of("location", "validation.length", "must be at most 64 characters", 0, 64));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Vm vm = Vm.order(c.ownerId(), plan.type(), hostname, plan.id(), template.id(), plan.spec(), clock.instant());
        if (c.idempotencyKey() != null) {
            // Claimed in this transaction: a retried request gets the first VM, a concurrent one waits for it.
            String hash = requestHash(c);
            var earlier = idempotency.claim("vm.create", c.ownerId(), c.idempotencyKey(), hash, vm.id().toString(),
                    clock.instant(), Duration.ofHours(24));
            if (earlier.isPresent()) {
                if (!earlier.get().requestHash().equals(hash)) {
                    throw ValidationException.of("Idempotency-Key", "validation.idempotency_key.reused",
                            "was already used for a different request");
                }
                VmId first = new VmId(java.util.UUID.fromString(earlier.get().resultRef()));
                Vm existing = vms.find(first).orElseThrow(() -> new IllegalStateException("idempotency key without its VM"));
                Operation op = reads.operations(first.value(), null, OperationType.PROVISION.wireName(), null,
                        io.proxima.application.shared.PageRequest.first()).items().stream().reduce((a, b) -> b)
                        .orElseThrow(() -> new IllegalStateException("VM without its provisioning operation"));
                return new Accepted(existing, op, true);
            }
        }
        if (placement != null) {
            // No node can take it at all: refuse now (503) rather than accept and fail a second later.
            placement.ensurePlaceable(plan.spec().cpuCores(), plan.spec().memoryMb(), c.location(), template.nodeId());
        }
        charging.requireFunds(c.ownerId(), plan);
        vms.insert(vm);
        Map<String, String> data = new HashMap<>();
        if (c.location() != null && !c.location().isBlank()) {
            data.put(ProvisionSaga.LOCATION, c.location().trim());
        }
        if (!keys.isEmpty()) {
            data.put(ProvisionSaga.SSH_KEYS, String.join("\n", keys));
        }
        if (c.password() != null && !c.password().isEmpty()) {
            // Kept encrypted only until PVE has it (the configure step deletes it).
            data.put(ProvisionSaga.PASSWORD, cipher.encrypt(c.password()));
        }
        Operation op = Operation.start(vm.id(), c.ownerId(), OperationType.PROVISION, saga.steps(), data, clock.instant());
        operations.insert(op);
        if (audit != null) {
            audit.success(VmAudit.event("vm.create", vm).detail("plan_id", plan.id()).detail("template_id", template.id())
                    .detail("operation_id", op.id()));
        }
        return new Accepted(vm, op, false);
    }

    /** What makes two orders "the same request"; the password enters only as a hash. */
    static String requestHash(CreateVmCommand c) {
        String canonical = String.join("\u0000", String.valueOf(c.hostname()), String.valueOf(c.planId()),
                String.valueOf(c.templateId()), String.valueOf(c.sshKeys()), String.valueOf(c.location()),
                c.password() == null ? "" : sha256(c.password()));
        return sha256(canonical);
    }

    private static String sha256(String text) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean validPassword(String p) {
        if (p.length() < 8 || p.length() > 72) {
            return false;
        }
        int classes = 0;
        if (p.chars().anyMatch(Character::isLetter)) {
            classes++;
        }
        if (p.chars().anyMatch(Character::isDigit)) {
            classes++;
        }
        if (p.chars().anyMatch(ch -> !Character.isLetterOrDigit(ch))) {
            classes++;
        }
        return classes >= 2;
    }

    private static <T> T collect(List<FieldError> errors, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (ValidationException e) {
            errors.addAll(e.fieldErrors());
            return null;
        } catch (DomainException e) {
            throw e;
        }
    }
}
