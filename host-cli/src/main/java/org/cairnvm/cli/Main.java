package org.cairnvm.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.cairnvm.api.Combination;
import org.cairnvm.api.Config;
import org.cairnvm.api.Program;
import org.cairnvm.api.RunResult;
import org.cairnvm.api.Source;
import org.cairnvm.api.Vm;
import org.cairnvm.spi.PluginKind;
import org.cairnvm.spi.VmPlugin;

/**
 * The {@code cairn} command. {@link #run} holds all of it and returns the exit status, so tests
 * drive it with their own streams; {@link #main} only connects it to the process.
 *
 * <p>A user's mistake (a bad flag, a missing file, an unknown plugin, a bad size) is a message
 * and an exit status, never a Java stack trace. A guest's failure is the guest's report and exit
 * status, as {@code go run} gives them. Only a bug in Cairn itself shows a stack trace.
 */
public final class Main {
    /** Exit status for an exception out of the VM, which is a bug in Cairn: sysexits.h's EX_SOFTWARE. */
    static final int INTERNAL_ERROR = 70;

    private final boolean interactive;

    /**
     * @param interactive whether standard output is a terminal (then the guest's output is
     *     flushed at every line, as a person watching expects)
     */
    public Main(boolean interactive) {
        this.interactive = interactive;
    }

    public static void main(String[] args) {
        java.io.Console console = System.console();
        int status;
        try {
            status = new Main(console != null && console.isTerminal()).run(args, System.out, System.err);
        } catch (RuntimeException e) {
            System.out.flush();
            System.err.println("cairn: internal error (a bug in Cairn; please report it with this trace):");
            e.printStackTrace();
            status = INTERNAL_ERROR;
        }
        System.out.flush();
        System.err.flush();
        System.exit(status);
    }

    /** Runs one command line and returns its exit status; guest output goes to {@code out} and {@code err}. */
    public int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.print(Help.USAGE);
            return Failure.USAGE;
        }
        String command = args[0];
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            return switch (command) {
                case "run" -> run(RunRequest.parse(rest), out, err);
                case "disasm" -> disasm(DisasmRequest.parse(rest), out, err);
                case "matrix" -> matrix(MatrixRequest.parse(rest), out, err);
                case "modules" -> modules(rest, out);
                case "config" -> config(rest, out);
                case "help", "-h", "-help", "--help" -> help(rest, out);
                case "version", "-version", "--version" -> version(rest, out);
                default -> {
                    err.println("cairn " + command + ": unknown command");
                    err.println("Run 'cairn help' for usage.");
                    yield Failure.USAGE;
                }
            };
        } catch (Failure f) {
            out.flush();
            err.println(f.getMessage());
            if (f.command() != null) {
                err.println("usage: " + syntax(f.command()));
                err.println("Run 'cairn help " + f.command() + "' for details.");
            }
            return f.status();
        }
    }

    private int run(RunRequest request, PrintStream out, PrintStream err) throws Failure {
        if (request.help()) {
            Help.topic(RunRequest.COMMAND, out);
            return 0;
        }
        Source source = read(request.file());
        GuestStreams guest = new GuestStreams(out, err, interactive);
        try (Vm vm = open(Vm.builder().options(request.options()).out(guest.out()).err(guest.err()))) {
            Program program = vm.compile(source);
            RunResult result = vm.run(program);
            guest.flush();
            out.flush();
            if (!program.compiled()) {
                return result.exitStatus();
            }
            if (request.stats()) {
                err.print(StatsTable.render(result.metrics()));
            }
            if (request.statsJson() != null) {
                try {
                    Files.writeString(request.statsJson(), result.metrics().toJson());
                } catch (IOException e) {
                    err.println("cairn: write " + request.statsJson() + ": " + reason(e));
                    return result.exitStatus() != 0 ? result.exitStatus() : Failure.FAILED;
                }
            }
            return result.exitStatus();
        } finally {
            guest.flush();
        }
    }

    private int disasm(DisasmRequest request, PrintStream out, PrintStream err) throws Failure {
        if (request.help()) {
            Help.topic(DisasmRequest.COMMAND, out);
            return 0;
        }
        Source source = read(request.file());
        try (Vm vm = open(Vm.builder())) {
            Program program = vm.compile(source);
            if (!program.compiled()) {
                program.diagnostics().forEach(err::println);
                return Failure.FAILED;
            }
            out.print(vm.disassemble(program, request.escapes()));
            return 0;
        }
    }

    /**
     * Compiles once, runs under every combination (and stress mode asked for), prints the rows;
     * 0 when every run agrees with the first, 1 when any differs or the program does not compile.
     */
    private int matrix(MatrixRequest request, PrintStream out, PrintStream err) throws Failure {
        if (request.help()) {
            Help.topic(MatrixRequest.COMMAND, out);
            return 0;
        }
        Source source = read(request.file());
        Program program;
        try (Vm vm = open(Vm.builder().options(request.options()))) {
            program = vm.compile(source);
        }
        if (!program.compiled()) {
            program.diagnostics().forEach(err::println);
            return Failure.FAILED;
        }
        List<Matrix.Row> rows = Matrix.run(Combination.installed(), request.stress(), (combination, stress) -> {
            // Every key is set explicitly, so cairn.properties or CAIRN_STRESS cannot leak into a row.
            Vm.Builder builder = combination.apply(Vm.builder().options(request.options()))
                    .option(Config.STRESS.name(), stress.equals(MatrixRequest.NO_STRESS) ? "" : stress);
            try (Vm vm = open(builder)) {
                return vm.run(program);
            }
        });
        if (request.json()) {
            out.print(MatrixReport.json(rows));
        } else {
            out.print(MatrixReport.table(rows));
            out.println();
            out.print(MatrixReport.verdict(rows));
        }
        out.flush();
        return rows.stream().allMatch(Matrix.Row::agree) ? 0 : Failure.FAILED;
    }

    private static int modules(String[] args, PrintStream out) throws Failure {
        if (noArgsOrHelp("modules", args, out)) {
            return 0;
        }
        List<VmPlugin> plugins = Vm.installedPlugins();
        Config defaults = Config.defaults();
        int width = plugins.stream().mapToInt(p -> p.name().length()).max().orElse(0);
        String format = "  %-" + width + "s  %-9s  %s%n";
        for (PluginKind kind : PluginKind.values()) {
            String defaultName = defaults.get(kind.configKey()).orElse("");
            out.println(kind.configKey() + " (choose with --" + flagOf(kind) + "):");
            List<VmPlugin> ofKind = plugins.stream().filter(p -> p.kind() == kind).toList();
            if (ofKind.isEmpty()) {
                out.println("  none installed (the default would be " + defaultName + ")");
            }
            for (VmPlugin p : ofKind) {
                out.printf(format, p.name(), p.name().equals(defaultName) ? "(default)" : "", p.description());
            }
        }
        return 0;
    }

    private static String flagOf(PluginKind kind) {
        return kind == PluginKind.SCHEDULER ? "sched" : kind.configKey();
    }

    private int config(String[] args, PrintStream out) throws Failure {
        if (noArgsOrHelp("config", args, out)) {
            return 0;
        }
        try (Vm vm = open(Vm.builder())) {
            for (Map.Entry<String, String> e : vm.config().asMap().entrySet()) {
                out.println(e.getKey() + "=" + e.getValue());
            }
        }
        return 0;
    }

    private static int help(String[] args, PrintStream out) throws Failure {
        if (args.length == 0) {
            out.print(Help.USAGE);
            return 0;
        }
        if (args.length > 1) {
            throw Failure.usage("help", "cairn help: too many arguments");
        }
        if (!Help.topic(args[0], out)) {
            throw Failure.of(Failure.USAGE, "unknown help topic \"" + args[0] + "\"; run 'cairn help'");
        }
        return 0;
    }

    private static int version(String[] args, PrintStream out) throws Failure {
        if (noArgsOrHelp("version", args, out)) {
            return 0;
        }
        out.println("cairn version " + version() + " (Java " + Runtime.version() + ")");
        return 0;
    }

    /** The project version Maven wrote into the jar; {@code devel} when run from unbuilt sources. */
    static String version() {
        try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "devel";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "");
            return v.isEmpty() || v.startsWith("${") ? "devel" : v;
        } catch (IOException e) {
            return "devel";
        }
    }

    /** For commands without operands: true after printing help for {@code --help}; a usage error for anything else. */
    private static boolean noArgsOrHelp(String command, String[] args, PrintStream out) throws Failure {
        Options options = new Options();
        options.addOption(Flags.help());
        CommandLine line = Flags.parse(command, options, args);
        if (line.hasOption("help")) {
            Help.topic(command, out);
            return true;
        }
        if (!line.getArgList().isEmpty()) {
            throw Failure.usage(command, "cairn " + command + ": unexpected arguments: "
                    + String.join(" ", line.getArgList()));
        }
        return false;
    }

    private static String syntax(String command) {
        return switch (command) {
            case RunRequest.COMMAND -> RunRequest.SYNTAX;
            case DisasmRequest.COMMAND -> DisasmRequest.SYNTAX;
            case MatrixRequest.COMMAND -> MatrixRequest.SYNTAX;
            case "config" -> "cairn config [--help]";
            case "help" -> "cairn help [command]";
            default -> "cairn " + command;
        };
    }

    /**
     * A VM that reads {@code cairn.properties} and {@code CAIRN_*} below the flags. A bad value or
     * an unknown plugin is the user's to fix: exit status 2 with the VM's message.
     */
    private static Vm open(Vm.Builder builder) throws Failure {
        try {
            return builder.readEnvironment(true).build();
        } catch (IllegalArgumentException e) {
            throw Failure.of(Failure.USAGE, e.getMessage());
        } catch (IllegalStateException e) {
            // No engine on the path, or a plugin that cannot be wired: an installation problem.
            throw Failure.of(Failure.FAILED, e.getMessage());
        }
    }

    /** Reads the program, failing as go run does: {@code open prog.go: no such file or directory}. */
    private static Source read(String file) throws Failure {
        Path path;
        try {
            path = Path.of(file);
        } catch (InvalidPathException e) {
            throw Failure.of(Failure.FAILED, "open " + file + ": invalid argument");
        }
        if (Files.isDirectory(path)) {
            throw Failure.of(Failure.FAILED, "read " + file + ": is a directory");
        }
        try {
            return Source.of(path);
        } catch (IOException e) {
            throw Failure.of(Failure.FAILED, "open " + file + ": " + reason(e));
        }
    }

    /** The operating system's words for a failed file operation, as Go prints them. */
    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
