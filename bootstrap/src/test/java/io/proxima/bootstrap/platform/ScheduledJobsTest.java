package io.proxima.bootstrap.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.scheduler.Scheduled;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every scheduled job of the application runs its first cycle within a minute of start and is
 * driven by a configurable cadence (documented in docs/operations/jobs.md).
 */
class ScheduledJobsTest {

    private static final Pattern EXPR = Pattern.compile("\\$\\{([^:}]+)(?::([^}]*))?}");

    @Test
    void everyJobStartsWithinAMinuteAndHasACadence() throws Exception {
        Properties props = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            props.load(in);
        }
        List<String> jobs = new ArrayList<>();
        for (var jc : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.proxima")) {
            Class<?> type;
            try {
                type = jc.reflect();
            } catch (Throwable e) {
                continue;
            }
            for (Method m : type.getDeclaredMethods()) {
                Scheduled s = m.getAnnotation(Scheduled.class);
                if (s == null) {
                    continue;
                }
                String name = type.getSimpleName() + "." + m.getName();
                jobs.add(name);
                assertTrue(s.cron().isEmpty(), name + ": a cron job does not run at start; use every + delayed");
                assertFalse(s.every().isEmpty(), name + ": no cadence");
                assertTrue(s.every().contains("${"), name + ": cadence is not configurable");
                Duration first = Duration.ZERO;
                if (s.delay() > 0) {
                    first = Duration.ofSeconds(s.delayUnit().toSeconds(s.delay()));
                }
                if (!s.delayed().isEmpty()) {
                    first = first.plus(parse(resolve(s.delayed(), props)));
                }
                assertTrue(first.compareTo(Duration.ofMinutes(1)) < 0, name + ": first run after " + first);
            }
        }
        assertTrue(jobs.contains("BillingScheduler.billingRun"), "scan found " + jobs);
        assertTrue(jobs.contains("IdentityHousekeepingJob.purge"), "scan found " + jobs);
        assertTrue(jobs.contains("VmJobs.heartbeat"), "scan found " + jobs);
    }

    private static String resolve(String value, Properties props) {
        Matcher m = EXPR.matcher(value.trim());
        if (!m.matches()) {
            return value;
        }
        String configured = props.getProperty(m.group(1));
        if (configured != null) {
            return resolve(configured, props);
        }
        assertTrue(m.group(2) != null, "no default for " + value);
        return m.group(2);
    }

    static Duration parse(String every) {
        String s = every.trim().toUpperCase(Locale.ROOT);
        if (s.startsWith("P")) {
            return Duration.parse(s);
        }
        return Duration.parse("PT" + s);
    }
}
