package org.cairnvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunRequestTest {
    private static RunRequest parse(String... args) throws Failure {
        return RunRequest.parse(args);
    }

    @Test
    void everyFlagLandsOnItsConfigurationKey() throws Failure {
        RunRequest r = parse("--stack", "segmented", "--gc", "conservative", "--sched", "stackless",
                "--overflow", "kill-goroutine", "-D", "stack.max=64m", "-Dheap.max=1g", "--stats",
                "--stats-json", "out.json", "--trace", "stack,gc", "--stress", "stack-move", "prog.go");
        assertEquals(Map.of("stack", "segmented", "gc", "conservative", "scheduler", "stackless",
                "overflow", "kill-goroutine", "stack.max", "64m", "heap.max", "1g", "trace", "stack,gc",
                "stress", "stack-move"), r.options());
        assertEquals("prog.go", r.file());
        assertTrue(r.stats());
        assertEquals(Path.of("out.json"), r.statsJson());
        assertFalse(r.help());
    }

    @Test
    void flagsMayFollowTheFileAndUseEquals() throws Failure {
        RunRequest r = parse("prog.go", "--stack=segmented", "--trace=sched");
        assertEquals(Map.of("stack", "segmented", "trace", "sched"), r.options());
        assertEquals("prog.go", r.file());
        assertFalse(r.stats());
        assertNull(r.statsJson());
    }

    @Test
    void lastChoiceWinsAndListsAccumulate() throws Failure {
        RunRequest r = parse("--stack", "a", "--stack", "b", "--trace", "stack", "--trace", "gc", "prog.go");
        assertEquals("b", r.options().get("stack"));
        assertEquals("stack,gc", r.options().get("trace"));
    }

    @Test
    void namedFlagBeatsTheSameKeyThroughD() throws Failure {
        assertEquals("segmented", parse("--stack", "segmented", "-Dstack=copying", "p.go").options().get("stack"));
    }

    @Test
    void valueOfDMayContainEquals() throws Failure {
        assertEquals("a=b", parse("-D", "x.y=a=b", "p.go").options().get("x.y"));
    }

    @Test
    void operandAfterDoubleDashIsAFileEvenIfItLooksLikeAFlag() throws Failure {
        assertEquals("-Dodd.go", parse("--", "-Dodd.go").file());
    }

    @Test
    void helpNeedsNoFile() throws Failure {
        assertTrue(parse("--help").help());
        assertTrue(parse("-h").help());
    }

    @Test
    void usageErrorsSayWhatIsWrong() {
        assertEquals("flag provided but not defined: --bogus",
                assertThrows(Failure.class, () -> parse("--bogus", "p.go")).getMessage());
        assertEquals("flag provided but not defined: --sta",
                assertThrows(Failure.class, () -> parse("--sta", "p.go")).getMessage());
        assertEquals("flag needs an argument: --stack",
                assertThrows(Failure.class, () -> parse("p.go", "--stack")).getMessage());
        assertEquals("invalid value \"stack.max\" for flag -D: want key=value",
                assertThrows(Failure.class, () -> parse("-D", "stack.max", "p.go")).getMessage());
        assertEquals("cairn run: no go files listed", assertThrows(Failure.class, () -> parse("--stats")).getMessage());
        Failure two = assertThrows(Failure.class, () -> parse("a.go", "b.go"));
        assertEquals("cairn run: want one .go file, got 2 arguments: a.go b.go", two.getMessage());
        assertEquals(Failure.USAGE, two.status());
        assertEquals("run", two.command());
    }

    @Test
    void disasmTakesEscapes() throws Failure {
        DisasmRequest d = DisasmRequest.parse(new String[] {"prog.go", "--escapes"});
        assertEquals("prog.go", d.file());
        assertTrue(d.escapes());
        assertFalse(DisasmRequest.parse(new String[] {"prog.go"}).escapes());
        assertThrows(Failure.class, () -> DisasmRequest.parse(new String[] {"--stack", "x", "prog.go"}));
    }
}
