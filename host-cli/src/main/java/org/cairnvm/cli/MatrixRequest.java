package org.cairnvm.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.cairnvm.api.Config;
import org.cairnvm.spi.PluginKind;

/**
 * What {@code cairn matrix} was asked to do.
 *
 * @param file the program, as the user spelled it
 * @param options configuration keys from {@code -D}, applied to every run
 * @param stress the stress modes to run besides none, in the order given, without repeats
 * @param json print the rows as JSON instead of a table
 * @param help print the command's help instead
 */
record MatrixRequest(String file, Map<String, String> options, List<String> stress, boolean json, boolean help) {
    static final String COMMAND = "matrix";
    static final String SYNTAX = "cairn matrix [--stress LIST] [-D key=value ...] [--json] prog.go";

    /** The stress mode every matrix runs: the option left empty. */
    static final String NO_STRESS = "none";

    MatrixRequest {
        options = Map.copyOf(options);
        stress = List.copyOf(stress);
    }

    static Options flags() {
        Options o = new Options();
        o.addOption(Option.builder().longOpt("stress").hasArg().argName("list")
                .desc("also run every combination under each of these stress modes (stack-move,gc-alloc,split-call)")
                .get());
        o.addOption(Option.builder("D").hasArg().argName("key=value")
                .desc("set a configuration key for every run (not a plugin choice or stress: the matrix chooses those)")
                .get());
        o.addOption(Option.builder().longOpt("json").desc("print the rows as a JSON array instead of a table").get());
        o.addOption(Flags.help());
        return o;
    }

    static MatrixRequest parse(String[] args) throws Failure {
        CommandLine line = Flags.parse(COMMAND, flags(), args);
        if (line.hasOption("help")) {
            return new MatrixRequest(null, Map.of(), List.of(), false, true);
        }
        Map<String, String> options = new LinkedHashMap<>();
        String[] defines = line.getOptionValues("D");
        if (defines != null) {
            for (String d : defines) {
                int eq = d.indexOf('=');
                if (eq <= 0) {
                    throw Failure.usage(COMMAND, "invalid value \"" + d + "\" for flag -D: want key=value");
                }
                String key = d.substring(0, eq).trim();
                if (chosenByTheMatrix(key)) {
                    throw Failure.usage(COMMAND, "cairn matrix: -D " + key + " cannot be set: the matrix runs every "
                            + (key.equals(Config.STRESS.name()) ? "stress mode given with --stress" : "installed plugin")
                            + "; use cairn run for one configuration");
                }
                options.put(key, d.substring(eq + 1).trim());
            }
        }
        List<String> stress = new ArrayList<>();
        String[] lists = line.getOptionValues("stress");
        if (lists != null) {
            for (String list : lists) {
                for (String mode : list.split(",")) {
                    String m = mode.trim();
                    if (!m.isEmpty() && !m.equals(NO_STRESS) && !stress.contains(m)) {
                        stress.add(m);
                    }
                }
            }
        }
        return new MatrixRequest(RunRequest.file(COMMAND, line), options, stress, line.hasOption("json"), false);
    }

    private static boolean chosenByTheMatrix(String key) {
        if (key.equals(Config.STRESS.name())) {
            return true;
        }
        for (PluginKind kind : PluginKind.values()) {
            if (kind.configKey().equals(key)) {
                return true;
            }
        }
        return false;
    }
}
