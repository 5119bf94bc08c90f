-- Foundation. Migration numbers are grouped by context so parallel work never collides:
--   V1-V9 platform, V10-V19 identity, V20-V29 Proxmox nodes, V30-V49 VMs, V50-V69 billing,
--   V70-V79 tickets, V80+ monitoring and reports.

-- Run-time settings an administrator changes (typed and defaulted in the domain's Setting enum);
-- a missing row means "use the default".
CREATE TABLE system_settings (
    key         varchar(64)  PRIMARY KEY,
    value       text         NOT NULL,
    updated_by  uuid,
    updated_at  timestamptz  NOT NULL DEFAULT now()
);
