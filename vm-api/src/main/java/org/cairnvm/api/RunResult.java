package org.cairnvm.api;

import java.util.Optional;

/**
 * The outcome of one run: exit status as {@code go run} would give it (0, 1 for compile errors,
 * 2 for panics and fatal errors), what the guest wrote, why it stopped, and its metrics.
 *
 * @param exitStatus the process exit status a Go binary would have had
 * @param stdout the guest's standard output when the builder captured it, else empty
 * @param stderr the guest's standard error when the builder captured it, else empty
 * @param error why the run ended abnormally, if it did
 * @param metrics the run's counters
 */
public record RunResult(int exitStatus, String stdout, String stderr, Optional<GuestError> error,
                        Metrics metrics) {
}
