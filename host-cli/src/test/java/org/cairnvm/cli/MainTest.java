package org.cairnvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cairnvm.api.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command as a user meets it: exit statuses and what lands on stdout and stderr. */
class MainTest {
    @TempDir
    Path dir;

    /** One invocation's outcome. */
    record Outcome(int status, String out, String err) {
        String firstErrLine() {
            return err.lines().findFirst().orElse("");
        }
    }

    static Outcome cairn(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = new Main(false).run(args, o, e);
        }
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path program(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void noArgumentsPrintsUsageAndExitsTwo() {
        Outcome o = cairn();
        assertEquals(2, o.status());
        assertTrue(o.err().contains("cairn <command> [arguments]"), o.err());
        assertEquals("", o.out());
    }

    @Test
    void helpGoesToStdout() {
        for (String h : new String[] {"help", "--help", "-h"}) {
            Outcome o = cairn(h);
            assertEquals(0, o.status(), h);
            assertTrue(o.out().contains("run        compile and run a Go program"), o.out());
        }
        Outcome run = cairn("help", "run");
        assertEquals(0, run.status());
        assertTrue(run.out().startsWith("usage: cairn run [flags] prog.go"), run.out());
        assertTrue(run.out().contains("--stats-json"), run.out());
        assertEquals(0, cairn("run", "--help").status());
        assertEquals(0, cairn("disasm", "--help").status());
    }

    @Test
    void unknownCommandAndHelpTopic() {
        Outcome o = cairn("frob");
        assertEquals(2, o.status());
        assertEquals("cairn frob: unknown command\nRun 'cairn help' for usage.\n", o.err());
        Outcome t = cairn("help", "frob");
        assertEquals(2, t.status());
        assertEquals("cairn: unknown help topic \"frob\"; run 'cairn help'", t.firstErrLine());
    }

    @Test
    void badFlagIsAUsageError() {
        Outcome o = cairn("run", "--bogus", "prog.go");
        assertEquals(2, o.status());
        assertEquals("flag provided but not defined: --bogus\nusage: cairn run [flags] prog.go\n"
                + "Run 'cairn help run' for details.\n", o.err());
        assertEquals(2, cairn("modules", "extra").status());
        assertEquals(2, cairn("config", "--bogus").status());
        assertEquals(2, cairn("disasm").status());
    }

    @Test
    void missingFileIsReportedAsGoDoes() {
        Path missing = dir.resolve("prog.go");
        Outcome o = cairn("run", missing.toString());
        assertEquals(1, o.status());
        assertEquals("cairn: open " + missing + ": no such file or directory\n", o.err());
        assertEquals(1, cairn("disasm", missing.toString()).status());
        Outcome d = cairn("run", dir.toString());
        assertEquals(1, d.status());
        assertEquals("cairn: read " + dir + ": is a directory", d.firstErrLine());
    }

    @Test
    void unknownPluginIsAUsageErrorWithoutATrace() throws IOException {
        Path p = program("prog.go", "package main\n\nfunc main() {\n}\n");
        Outcome o = cairn("run", "--stack", "nope", p.toString());
        assertEquals(2, o.status());
        assertTrue(o.err().startsWith("cairn: unknown stack plugin 'nope' (available: "), o.err());
        assertTrue(o.err().contains("copying"), o.err());
        assertEquals(1, o.err().lines().count(), o.err());
    }

    @Test
    void badConfigurationValueIsAUsageError() throws IOException {
        Path p = program("prog.go", "package main\n\nfunc main() {\n}\n");
        Outcome o = cairn("run", "-D", "stack.max=lots", p.toString());
        assertEquals(2, o.status());
        assertEquals("cairn: invalid size for stack.max: 'lots' (use bytes, or a number with k, m or g)\n", o.err());
        assertEquals(2, cairn("run", "--trace", "heap", p.toString()).status());
    }

    @Test
    void configHelpListsEveryKey() {
        Outcome o = cairn("config", "--help");
        assertEquals(0, o.status());
        for (Config.Key k : Config.KEYS) {
            assertTrue(o.out().contains(k.name()), k.name());
            assertTrue(o.out().contains(k.description()), k.description());
        }
    }

    @Test
    void configPrintsTheResolvedValues() {
        Outcome o = cairn("config");
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().lines().anyMatch(l -> l.startsWith("stack.max=")), o.out());
    }

    @Test
    void modulesListsTheInstalledPluginsAndDefaults() {
        Outcome o = cairn("modules");
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains("stack (choose with --stack):"), o.out());
        assertTrue(o.out().lines().anyMatch(l -> l.contains("copying") && l.contains("(default)")), o.out());
        assertTrue(o.out().lines().anyMatch(l -> l.contains("fatal") && l.contains("(default)")), o.out());
    }

    @Test
    void versionPrintsOneLine() {
        Outcome o = cairn("--version");
        assertEquals(0, o.status());
        assertTrue(o.out().startsWith("cairn version "), o.out());
        assertEquals(1, o.out().lines().count());
    }

    // From here on the whole VM runs: compiler, interpreter and plugins.

    @Test
    void runStreamsTheGuestsOutputAndExitStatus() throws IOException {
        Path p = program("hello.go", "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"héllo\", 42)\n}\n");
        Outcome o = cairn("run", p.toString());
        assertEquals(0, o.status(), o.err());
        assertEquals("héllo 42\n", o.out());
        assertEquals("", o.err());
    }

    @Test
    void panicExitsTwoWithGosReport() throws IOException {
        Path p = program("boom.go", "package main\n\nfunc main() {\n\tpanic(\"boom\")\n}\n");
        Outcome o = cairn("run", p.toString());
        assertEquals(2, o.status());
        assertEquals("panic: boom", o.firstErrLine());
    }

    @Test
    void compileErrorExitsOneWithTheDiagnostic() throws IOException {
        Path p = program("bad.go", "package main\n\nfunc main() {\n\tx := 1\n}\n");
        Outcome o = cairn("run", "--stats", p.toString());
        assertEquals(1, o.status());
        // The checker owns the wording (Go 1.19: "x declared but not used"); the command owns where it goes.
        assertTrue(o.firstErrLine().startsWith("bad.go:4:2: "), o.err());
        assertFalse(o.err().contains("metric"), "no stats for a program that never ran: " + o.err());
        assertEquals("", o.out());
        assertEquals(1, cairn("disasm", p.toString()).status());
    }

    @Test
    void statsGoToStderrAndJsonToTheFile() throws IOException {
        Path p = program("calls.go", "package main\n\nimport \"fmt\"\n\nfunc f(n int) int {\n\treturn n + 1\n}\n\n"
                + "func main() {\n\tfmt.Println(f(1))\n}\n");
        Path json = dir.resolve("stats.json");
        Outcome o = cairn("run", "--stats", "--stats-json", json.toString(), p.toString());
        assertEquals(0, o.status(), o.err());
        assertEquals("2\n", o.out());
        assertTrue(o.err().startsWith("metric"), o.err());
        assertTrue(o.err().contains("vm.calls"), o.err());
        String text = Files.readString(json);
        assertTrue(text.startsWith("{") && text.contains("\"vm.instructions\": "), text);
    }

    @Test
    void disasmPrintsTheProgram() throws IOException {
        Path p = program("prog.go", "package main\n\nfunc main() {\n}\n");
        Outcome o = cairn("disasm", p.toString());
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains("main"), o.out());
    }
}
