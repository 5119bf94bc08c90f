package io.proxima.domain.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The ledger's invariant: every posting is a balanced pair and the balance is the sum of entries. */
class CustomerAccountTest {

    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void balance_equals_the_sum_of_its_entries_and_each_pair_balances() {
        UUID revenue = UUID.randomUUID();
        UUID gateway = UUID.randomUUID();
        CustomerAccount a = CustomerAccount.open(UUID.randomUUID(), UUID.randomUUID(), Currency.getInstance("USD"));
        List<LedgerEntry> entries = new ArrayList<>();
        entries.add(a.post(EntryDraft.of(TransactionType.RECHARGE, gateway, Money.of(1000, "USD"), "top up", NOW)));
        entries.add(a.post(EntryDraft.of(TransactionType.CHARGE, revenue, Money.of(-7, "USD"), "hour", NOW).withVm(UUID.randomUUID(), NOW)));
        entries.add(a.post(EntryDraft.of(TransactionType.ADJUSTMENT, revenue, Money.of(-1500, "USD"), "fix", NOW)));
        long sum = entries.stream().mapToLong(e -> e.amount().minor()).sum();
        assertThat(a.balance().minor()).isEqualTo(sum).isEqualTo(-507);
        assertThat(entries).extracting(e -> e.balanceAfter().minor()).containsExactly(1000L, 993L, -507L);
        // Both legs of every entry cancel out: the customer's +amount, the counter account's -amount.
        long legs = entries.stream().mapToLong(e -> e.amount().minor() + e.amount().negate().minor()).sum();
        assertThat(legs).isZero();
    }

    @Test
    void entries_refuse_wrong_signs_and_currencies() {
        CustomerAccount a = CustomerAccount.open(UUID.randomUUID(), UUID.randomUUID(), Currency.getInstance("USD"));
        UUID other = UUID.randomUUID();
        assertThatThrownBy(() -> a.post(EntryDraft.of(TransactionType.RECHARGE, other, Money.of(-1, "USD"), "x", NOW)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> a.post(EntryDraft.of(TransactionType.RECHARGE, other, Money.of(1, "EUR"), "x", NOW)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> a.post(EntryDraft.of(TransactionType.CHARGE, other, Money.of(5, "USD"), "x", NOW)
                .withVm(UUID.randomUUID(), NOW))).isInstanceOf(IllegalArgumentException.class);
    }
}
