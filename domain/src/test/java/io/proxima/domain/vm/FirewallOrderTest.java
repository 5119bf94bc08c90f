package io.proxima.domain.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FirewallOrderTest {

    /** Applies moves the way PVE's moveto does, until the planner is satisfied; returns the count. */
    private static int converge(List<String> start, List<String> desired) {
        List<String> cur = new ArrayList<>(start);
        int moves = 0;
        for (Optional<FirewallOrder.Move> m = FirewallOrder.next(cur, desired); m.isPresent(); m = FirewallOrder.next(cur, desired)) {
            FirewallOrder.Move move = m.get();
            cur.remove(move.id());
            int anchor = cur.indexOf(move.anchor());
            cur.add(move.before() ? anchor : anchor + 1, move.id());
            moves++;
            assertThat(moves).as("never more moves than rules").isLessThanOrEqualTo(desired.size());
        }
        assertThat(cur).isEqualTo(desired);
        return moves;
    }

    @Test
    void agreeing_orders_need_no_move() {
        assertThat(FirewallOrder.next(List.of("a", "b", "c"), List.of("a", "b", "c"))).isEmpty();
        assertThat(FirewallOrder.next(List.of(), List.of())).isEmpty();
    }

    @Test
    void a_rule_added_at_the_top_by_pve_but_wanted_last_takes_one_move() {
        // PVE inserts every new rule at position 0; the customer's new rule belongs at the end.
        assertThat(FirewallOrder.next(List.of("new", "a", "b", "c"), List.of("a", "b", "c", "new")))
                .contains(new FirewallOrder.Move("new", "c", false));
        assertThat(converge(List.of("new", "a", "b", "c", "d", "e"), List.of("a", "b", "c", "d", "e", "new"))).isEqualTo(1);
    }

    @Test
    void a_rule_raised_to_the_top_takes_one_move() {
        assertThat(converge(List.of("a", "b", "c", "d", "top"), List.of("top", "a", "b", "c", "d"))).isEqualTo(1);
    }

    @Test
    void any_permutation_converges_within_n_moves() {
        Random random = new Random(42);
        for (int round = 0; round < 500; round++) {
            int n = random.nextInt(12);
            List<String> desired = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                desired.add("r" + i);
            }
            List<String> start = new ArrayList<>(desired);
            Collections.shuffle(start, random);
            int moves = converge(start, desired);
            assertThat(moves).as("re-planning after each move never costs more than the first plan")
                    .isLessThanOrEqualTo(FirewallOrder.cost(start, desired));
        }
    }

    @Test
    void lists_of_different_rules_are_refused() {
        assertThatThrownBy(() -> FirewallOrder.next(List.of("a"), List.of("b"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FirewallOrder.next(List.of("a", "a"), List.of("a", "b"))).isInstanceOf(IllegalArgumentException.class);
    }
}
