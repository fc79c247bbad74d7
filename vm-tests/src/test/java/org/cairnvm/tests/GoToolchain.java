package org.cairnvm.tests;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where the real Go toolchain is, for the tests that use Go as the oracle and skip without it. */
public final class GoToolchain {
    private GoToolchain() {
    }

    /** The {@code go} command on the PATH, if any. */
    public static Optional<Path> go() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String d : path.split(File.pathSeparator)) {
            Path candidate = Path.of(d.isEmpty() ? "." : d, "go");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate.toAbsolutePath());
            }
        }
        return Optional.empty();
    }
}
