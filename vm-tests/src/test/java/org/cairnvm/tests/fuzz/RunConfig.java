package org.cairnvm.tests.fuzz;

import java.util.ArrayList;
import java.util.List;
import org.cairnvm.api.Combination;
import org.cairnvm.api.GuestError;
import org.cairnvm.api.Program;
import org.cairnvm.api.RunResult;
import org.cairnvm.api.Source;
import org.cairnvm.api.Vm;
import org.cairnvm.tests.StressMode;
import org.cairnvm.tests.Tier;

/**
 * One way of running a program in the VM: a {@link Combination} of plugins, a {@link
 * StressMode} that applies to it, and a {@link Tier}.
 *
 * @param combination the plugins and variant settings
 * @param stress the stress mode ({@link StressMode#NONE} for none)
 * @param tier interpreted, or compiled from the start
 */
record RunConfig(Combination combination, StressMode stress, Tier tier) {

    /** Exit status recorded when the VM threw instead of returning a result: a bug in Cairn. */
    static final int VM_EXCEPTION = 70;

    /** Every installed combination with every stress mode that applies to it, in every tier. */
    static List<RunConfig> all() {
        List<RunConfig> out = new ArrayList<>();
        for (Combination c : Combination.installed()) {
            for (StressMode s : StressMode.ALL) {
                if (s.appliesTo().test(c)) {
                    for (Tier t : Tier.ALL) {
                        out.add(new RunConfig(c, s, t));
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    String label() {
        String rest = "stress=" + stress().name() + " " + tier.name();
        return combination.label().isEmpty() ? rest : combination.label() + " " + rest;
    }

    /** A finished run: its outcome, and whether the instruction budget ended it. */
    record Run(Outcome outcome, boolean outOfBudget) {
    }

    /** Compiles {@code source} (under this configuration; programs run on any VM). */
    Program compile(String name, String source) {
        try (Vm vm = combination.apply(Vm.builder()).build()) {
            return vm.compile(Source.of(name, source));
        }
    }

    /**
     * Runs {@code program} with an instruction budget (0 for none). An exception out of the VM
     * becomes an outcome of its own, so it shows as a disagreement instead of ending the batch.
     */
    Run run(Program program, long budget) {
        Vm.Builder builder = tier.apply(combination.apply(Vm.builder()));
        stress.optionValue().ifPresent(v -> builder.option("stress", v));
        if (budget > 0) {
            builder.option("budget.instructions", Long.toString(budget));
        }
        try (Vm vm = builder.build()) {
            RunResult r = vm.run(program);
            boolean budgetHit = r.error().map(e -> e.kind() == GuestError.Kind.BUDGET).orElse(false);
            return new Run(Outcome.of(r.stdout(), r.exitStatus(), r.stderr()), budgetHit);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return new Run(new Outcome("", VM_EXCEPTION, "java exception: " + e), false);
        }
    }
}
