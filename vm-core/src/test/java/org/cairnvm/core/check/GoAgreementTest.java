package org.cairnvm.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real Go toolchain as oracle: for each bad program, our first diagnostic must equal the
 * first error line of {@code go build} (with {@code # command-line-arguments} and {@code ./}
 * stripped). Skipped when {@code go} is not installed.
 */
class GoAgreementTest {
    /** go build of one small file takes well under a second; this bounds a hung toolchain. */
    private static final long GO_TIMEOUT_SECONDS = 60;

    private static Path dir;

    @BeforeAll
    static void setUp() throws IOException {
        dir = Files.createTempDirectory("cairn-go-oracle");
    }

    @AfterAll
    static void tearDown() throws IOException {
        if (dir != null) {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static boolean goInstalled() {
        try {
            Process p = new ProcessBuilder("go", "version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(GO_TIMEOUT_SECONDS, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String goFirstError(String src) throws IOException, InterruptedException {
        Path sub = Files.createTempDirectory(dir, "p");
        Files.writeString(sub.resolve("prog.go"), src);
        ProcessBuilder pb = new ProcessBuilder("go", "build", "-o", "/dev/null", "prog.go")
                .directory(sub.toFile()).redirectErrorStream(true);
        pb.environment().put("GO111MODULE", "off");
        pb.environment().putIfAbsent("GOCACHE", dir.resolve("gocache").toString());
        pb.environment().putIfAbsent("HOME", dir.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(GO_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return out.lines().filter(l -> !l.startsWith("#")).map(l -> l.startsWith("./") ? l.substring(2) : l)
                .findFirst().orElse("");
    }

    static Stream<Arguments> programs() {
        return Stream.of(
                Arguments.of("undefined", "package main\n\nfunc main() {\n\tx := y\n\t_ = x\n}\n"),
                Arguments.of("unused variable", "package main\n\nfunc main() {\n\tx := 1\n}\n"),
                Arguments.of("unused import", "package main\n\nimport \"fmt\"\n\nfunc main() {}\n"),
                Arguments.of("missing return", "package main\n\nfunc f(x int) int {\n\tif x > 0 {\n\t\treturn 1\n\t}\n}\n\nfunc main() { f(1) }\n"),
                Arguments.of("assign mismatch", "package main\n\nfunc main() {\n\tvar s string\n\tx := 1\n\ts = x\n\t_ = s\n}\n"),
                Arguments.of("mismatched types", "package main\n\nfunc main() {\n\tx := 1\n\ty := \"a\"\n\t_ = x + y\n}\n"),
                Arguments.of("no new variables", "package main\n\nfunc main() {\n\tx := 1\n\tx := 2\n\t_ = x\n}\n"),
                Arguments.of("too many arguments", "package main\n\nfunc f(a int) {}\n\nfunc main() {\n\tf(1, 2)\n}\n"),
                Arguments.of("index out of bounds", "package main\n\nfunc main() {\n\tvar a [3]int\n\ta[5] = 1\n}\n"),
                Arguments.of("constant overflow", "package main\n\nfunc main() {\n\tx := 9223372036854775808\n\t_ = x\n}\n"),
                Arguments.of("division by zero", "package main\n\nfunc main() {\n\tx := 1\n\t_ = x / 0\n}\n"),
                Arguments.of("constant not used", "package main\n\nfunc main() {\n\t1\n}\n"),
                Arguments.of("no value used as value", "package main\n\nfunc f() {}\n\nfunc main() {\n\tx := f()\n\t_ = x\n}\n"),
                Arguments.of("pointer method on value", "package main\n\ntype T struct{}\n\nfunc (t *T) M() {}\n\nfunc main() {\n\tT{}.M()\n}\n"),
                Arguments.of("unknown field", "package main\n\ntype T struct{ x int }\n\nfunc main() {\n\tvar t T\n\t_ = t.y\n}\n"),
                Arguments.of("syntax: composite literal", "package main\n\nfunc main() {\n\tx := []int{1, 2\n\t}\n}\n"),
                Arguments.of("syntax: for clause", "package main\n\nfunc main() {\n\tfor i := 0; i < 3; i++\n\t{\n\t}\n}\n"),
                Arguments.of("lexical: invalid character", "package main\n\nfunc main() {\n\tx := 1 @ 2\n}\n"),
                Arguments.of("initialization loop", "package main\n\nvar a = b\nvar b = a\n\nfunc main() {}\n"),
                Arguments.of("cannot assign", "package main\n\nfunc f() int { return 1 }\n\nfunc main() {\n\tf() = 2\n}\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("programs")
    void firstErrorMatchesGoBuild(String name, String src) throws Exception {
        assumeTrue(goInstalled(), "go is not installed");
        assertEquals(goFirstError(src), CheckerMessagesTest.firstError(src));
    }
}
