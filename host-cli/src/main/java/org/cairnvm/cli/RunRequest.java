package org.cairnvm.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.cairnvm.api.Config;

/**
 * What {@code cairn run} was asked to do: which file, the configuration keys the flags set (to
 * be laid over {@code cairn.properties} and {@code CAIRN_*} variables), and what to report.
 *
 * @param file the program, as the user spelled it
 * @param options configuration keys from {@code -D} and the named flags (the named flags win)
 * @param stats print the metrics table on standard error after the run
 * @param statsJson write the metrics as JSON to this file, or null
 * @param help print the command's help instead
 */
record RunRequest(String file, Map<String, String> options, boolean stats, Path statsJson, boolean help) {
    static final String COMMAND = "run";
    static final String SYNTAX = "cairn run [flags] prog.go";

    RunRequest {
        options = Map.copyOf(options);
    }

    /** The flags that name a configuration key, in the order {@code cairn help run} lists them. */
    private static final List<Option> KEY_FLAGS = List.of(
            flag("stack", "name", "stack strategy plugin (" + Config.STACK.name() + ", default "
                    + Config.STACK.defaultValue() + ")"),
            flag("gc", "name", "garbage collector plugin (" + Config.GC.name() + ", default "
                    + Config.GC.defaultValue() + ")"),
            flag("sched", "name", "scheduler plugin (" + Config.SCHEDULER.name() + ", default "
                    + Config.SCHEDULER.defaultValue() + ")"),
            flag("overflow", "name", "stack overflow handler plugin (" + Config.OVERFLOW.name() + ", default "
                    + Config.OVERFLOW.defaultValue() + ")"),
            flag("trace", "list", "print one line per runtime event on stderr; categories stack,gc,sched"),
            flag("stress", "list", "stress modes: stack-move,gc-alloc,split-call"));

    /** Which configuration key each of {@link #KEY_FLAGS} sets. */
    private static final Map<String, String> KEY_OF_FLAG = Map.of("stack", Config.STACK.name(), "gc",
            Config.GC.name(), "sched", Config.SCHEDULER.name(), "overflow", Config.OVERFLOW.name(), "trace",
            Config.TRACE.name(), "stress", Config.STRESS.name());

    static Options flags() {
        Options o = new Options();
        KEY_FLAGS.forEach(o::addOption);
        o.addOption(Option.builder("D").hasArg().argName("key=value")
                .desc("set any configuration key (cairn config --help lists them); repeatable, e.g. -D stack.max=64m")
                .get());
        o.addOption(Option.builder().longOpt("stats").desc("print the run's metrics on stderr after it ends").get());
        o.addOption(Option.builder().longOpt("stats-json").hasArg().argName("file")
                .desc("write the run's metrics to a file as JSON").get());
        o.addOption(Flags.help());
        return o;
    }

    private static Option flag(String name, String arg, String description) {
        return Option.builder().longOpt(name).hasArg().argName(arg).desc(description).get();
    }

    static RunRequest parse(String[] args) throws Failure {
        CommandLine line = Flags.parse(COMMAND, flags(), args);
        if (line.hasOption("help")) {
            return new RunRequest(null, Map.of(), false, null, true);
        }
        Map<String, String> options = new LinkedHashMap<>();
        String[] defines = line.getOptionValues("D");
        if (defines != null) {
            for (String d : defines) {
                int eq = d.indexOf('=');
                if (eq <= 0) {
                    throw Failure.usage(COMMAND, "invalid value \"" + d + "\" for flag -D: want key=value");
                }
                options.put(d.substring(0, eq).trim(), d.substring(eq + 1).trim());
            }
        }
        for (Option flag : KEY_FLAGS) {
            String[] values = line.getOptionValues(flag.getLongOpt());
            if (values == null) {
                continue;
            }
            String key = KEY_OF_FLAG.get(flag.getLongOpt());
            // Lists accumulate (--trace stack --trace gc); a plugin choice is the last one given.
            boolean list = key.equals(Config.TRACE.name()) || key.equals(Config.STRESS.name());
            options.put(key, list ? String.join(",", values) : values[values.length - 1]);
        }
        String json = Flags.last(line, "stats-json");
        return new RunRequest(file(COMMAND, line), options, line.hasOption("stats"),
                json == null ? null : Path.of(json), false);
    }

    /** The one program operand, as {@code go run} wants it. */
    static String file(String command, CommandLine line) throws Failure {
        List<String> operands = line.getArgList();
        if (operands.isEmpty()) {
            throw Failure.usage(command, "cairn " + command + ": no go files listed");
        }
        if (operands.size() > 1) {
            throw Failure.usage(command, "cairn " + command + ": want one .go file, got " + operands.size()
                    + " arguments: " + String.join(" ", operands));
        }
        return operands.getFirst();
    }
}
