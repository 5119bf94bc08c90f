package io.proxima.domain.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The charging rules of SPEC section 5: started hours, month cap in UTC, suspension, plan changes. */
class MeteredResourceTest {

    static final HourlyPricing SMALL = new HourlyPricing(Money.of(1, "USD"), Money.of(500, "USD"));   // $0.01/h, $5/month
    static final HourlyPricing BIG = new HourlyPricing(Money.of(4, "USD"), Money.of(2000, "USD"));    // $0.04/h, $20/month

    static MeteredResource vm(HourlyPricing p, Instant at) {
        return MeteredResource.start(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), p, at);
    }

    static Instant utc(String iso) {
        return OffsetDateTime.parse(iso).toInstant();
    }

    static long total(List<HourCharge> charges) {
        return charges.stream().mapToLong(c -> c.amount().minor()).sum();
    }

    @Test
    void the_first_hour_is_due_at_creation_and_each_started_hour_once() {
        Instant t0 = utc("2026-03-10T10:17:00Z");
        MeteredResource r = vm(SMALL, t0);
        assertThat(r.chargeDue(t0)).extracting(HourCharge::periodStart).containsExactly(t0);
        assertThat(r.chargeDue(t0.plusSeconds(3599))).isEmpty();
        // The second hour starts at exactly t0 + 1h, not at the next wall-clock hour.
        assertThat(r.chargeDue(t0.plusSeconds(3600))).extracting(HourCharge::periodStart).containsExactly(t0.plusSeconds(3600));
        // Running late charges every missed hour, each once.
        assertThat(r.chargeDue(t0.plus(Duration.ofHours(5)).plusSeconds(1))).hasSize(4);
        assertThat(r.chargeDue(t0.plus(Duration.ofHours(5)).plusSeconds(1))).isEmpty();
        assertThat(r.paidThrough()).isEqualTo(t0.plus(Duration.ofHours(6)));
    }

    @Test
    void a_month_is_capped_at_the_monthly_price() {
        Instant t0 = utc("2026-02-01T00:00:00Z");
        MeteredResource r = vm(SMALL, t0);
        List<HourCharge> feb = r.chargeDue(utc("2026-02-28T23:59:59Z"));
        assertThat(feb).hasSize(28 * 24);
        assertThat(total(feb)).isEqualTo(500); // 672 hours at 1 cent, capped at $5
        assertThat(feb.get(499).amount().minor()).isEqualTo(1);
        assertThat(feb.get(500).amount().minor()).isZero();
        // March starts a new cap.
        List<HourCharge> march = r.chargeDue(utc("2026-03-01T00:00:00Z"));
        assertThat(march).singleElement().satisfies(c -> assertThat(c.amount().minor()).isEqualTo(1));
    }

    @Test
    void the_cap_cuts_a_partial_hour_price() {
        HourlyPricing odd = new HourlyPricing(Money.of(7, "USD"), Money.of(100, "USD"));
        MeteredResource r = vm(odd, utc("2026-05-01T00:00:00Z"));
        List<HourCharge> c = r.chargeDue(utc("2026-05-01T20:00:00Z"));
        assertThat(total(c)).isEqualTo(100);
        assertThat(c.get(14).amount().minor()).isEqualTo(2); // 14 x 7 = 98, the 15th hour gets the last 2 cents
    }

    @Test
    void months_are_calendar_months_in_utc_whatever_the_local_zone() {
        // 23:30 on Jan 31 in UTC is already Feb 1 in Shanghai: the hour still belongs to January.
        Instant t0 = utc("2026-01-31T23:30:00Z");
        assertThat(t0.atZone(ZoneId.of("Asia/Shanghai")).getMonthValue()).isEqualTo(2);
        HourlyPricing capped = new HourlyPricing(Money.of(100, "USD"), Money.of(100, "USD"));
        MeteredResource r = vm(capped, t0);
        List<HourCharge> c = r.chargeDue(utc("2026-02-01T00:30:00Z"));
        assertThat(c).extracting(x -> x.amount().minor()).containsExactly(100L, 100L); // one per month
        assertThat(ChargingPolicy.monthStart(t0)).isEqualTo(utc("2026-01-01T00:00:00Z"));
        assertThat(ChargingPolicy.monthStart(t0.atOffset(ZoneOffset.ofHours(8)).toInstant())).isEqualTo(utc("2026-01-01T00:00:00Z"));
    }

    @Test
    void deletion_charges_nothing_more_for_the_current_hour() {
        Instant t0 = utc("2026-04-01T08:00:00Z");
        MeteredResource r = vm(SMALL, t0);
        r.chargeDue(t0);
        // Deleted 10 minutes into the third hour, and the run had not charged the second yet.
        Instant deletedAt = t0.plus(Duration.ofMinutes(130));
        assertThat(r.chargeStartedBefore(deletedAt)).hasSize(2);
        r.end(deletedAt);
        assertThat(r.chargeDue(deletedAt.plus(Duration.ofDays(3)))).isEmpty();
        // An hour starting exactly at the deletion instant never started.
        MeteredResource s = vm(SMALL, t0);
        s.chargeDue(t0);
        assertThat(s.chargeStartedBefore(t0.plusSeconds(3600))).isEmpty();
    }

    @Test
    void suspension_stops_charging_and_unsuspension_starts_a_new_hour_unless_already_paid() {
        Instant t0 = utc("2026-04-01T08:00:00Z");
        MeteredResource r = vm(SMALL, t0);
        r.chargeDue(t0);
        r.suspend(t0.plus(Duration.ofMinutes(20)), MeteredResource.REASON_BILLING);
        assertThat(r.chargeDue(t0.plus(Duration.ofHours(10)))).isEmpty();
        // Resumed within the paid hour: nothing new until the paid hour ends.
        MeteredResource q = vm(SMALL, t0);
        q.chargeDue(t0);
        q.suspend(t0.plus(Duration.ofMinutes(20)), "billing");
        q.resume(t0.plus(Duration.ofMinutes(40)));
        assertThat(q.chargeDue(t0.plus(Duration.ofMinutes(59)))).isEmpty();
        // Resumed later: a new started hour anchored at the resume time.
        Instant back = t0.plus(Duration.ofHours(10)).plus(Duration.ofMinutes(7));
        r.resume(back);
        assertThat(r.chargeDue(back)).extracting(HourCharge::periodStart).containsExactly(back);
        assertThat(r.suspend(back, "billing")).isTrue();
        assertThat(r.suspend(back, "billing")).isFalse(); // idempotent
    }

    @Test
    void an_upgrade_prorates_the_current_hour_and_bills_the_new_price_from_the_next() {
        Instant t0 = utc("2026-06-01T00:00:00Z");
        MeteredResource r = vm(SMALL, t0);
        r.chargeDue(t0);
        Instant change = t0.plus(Duration.ofMinutes(15));
        Money proration = r.changePlan(UUID.randomUUID(), BIG, change);
        // 3 cents more per hour for the 45 minutes left: 2.25 -> 2 cents (HALF_UP)
        assertThat(proration.minor()).isEqualTo(2);
        assertThat(r.chargeDue(t0.plusSeconds(3600))).singleElement()
                .satisfies(c -> assertThat(c.amount().minor()).isEqualTo(4));
    }

    @Test
    void a_downgrade_credits_the_rest_of_the_hour_and_the_cap_is_prorated() {
        Instant t0 = utc("2026-06-16T00:00:00Z"); // June has 30 days: half the month is left
        MeteredResource r = vm(BIG, t0);
        r.chargeDue(t0);
        Money proration = r.changePlan(UUID.randomUUID(), SMALL, t0.plus(Duration.ofMinutes(30)));
        assertThat(proration.minor()).isEqualTo(-2); // 3 cents less for half an hour: -1.5 -> -2 (HALF_UP away from zero)
        assertThat(r.monthCap().minor()).isEqualTo(250); // $5 prorated to the rest of June (minus 30 minutes, rounded)
    }

    @Test
    void a_proration_inside_the_reached_cap_charges_nothing_more() {
        HourlyPricing capped = new HourlyPricing(Money.of(100, "USD"), Money.of(100, "USD"));
        Instant t0 = utc("2026-06-01T00:00:00Z");
        MeteredResource r = vm(capped, t0);
        r.chargeDue(t0.plusSeconds(3600)); // 1 dollar, then 0 (cap reached)
        Money proration = r.changePlan(UUID.randomUUID(), new HourlyPricing(Money.of(100, "USD"), Money.of(200, "USD")),
                t0.plusSeconds(3600 + 1800));
        // The hour in progress was charged 0; the new plan costs 1 dollar an hour: half of it is due.
        assertThat(proration.minor()).isEqualTo(50);
    }
}
