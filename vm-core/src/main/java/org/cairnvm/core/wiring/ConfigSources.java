package org.cairnvm.core.wiring;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.cairnvm.api.Config;

/**
 * Where a VM's configuration comes from, lowest precedence first: the built-in defaults, a
 * {@code cairn.properties} file, {@code CAIRN_*} environment variables, then the builder's
 * options (which is where command-line flags land). The file and the environment are read only
 * when the builder asks for them, so an embedded VM is not steered by the process around it.
 *
 * @param propertiesFile the {@code cairn.properties} to read (a missing file is no error)
 * @param environment the variables to read {@code CAIRN_*} keys from
 */
public record ConfigSources(Path propertiesFile, Map<String, String> environment) {

    /** The file's name; it is looked up in the working directory, as {@code go.mod} is. */
    public static final String PROPERTIES_FILE = "cairn.properties";

    /** Trace categories the foundation emits ({@code --trace}). */
    public static final List<String> TRACE_CATEGORIES = List.of("stack", "gc", "sched");

    /** Stress modes a run can switch on ({@code --stress}); plugins ignore the ones not theirs. */
    public static final List<String> STRESS_MODES = List.of("stack-move", "gc-alloc", "split-call");

    public ConfigSources {
        environment = Map.copyOf(environment);
    }

    /** The process's own sources: {@code cairn.properties} in the working directory and its environment. */
    public static ConfigSources ofProcess() {
        return new ConfigSources(Path.of(PROPERTIES_FILE), System.getenv());
    }

    /**
     * A resolved configuration and the keys that some source set on purpose (not by default):
     * a plugin kind with nothing installed is an error only when its key is among them.
     *
     * @param config the configuration, validated
     * @param explicitKeys keys set by the file, the environment or the builder
     */
    public record Resolved(Config config, Set<String> explicitKeys) {
        public Resolved {
            explicitKeys = Set.copyOf(explicitKeys);
        }
    }

    /**
     * Lays the sources over the defaults and checks the values core reads.
     *
     * @param options the builder's options, highest precedence
     * @param readEnvironment whether to read the file and the environment at all
     * @throws IllegalArgumentException naming the bad file, key or value
     */
    public Resolved resolve(Map<String, String> options, boolean readEnvironment) {
        Config config = Config.defaults();
        Set<String> explicit = new LinkedHashSet<>();
        if (readEnvironment) {
            Map<String, String> fromFile = readProperties();
            config = config.with(fromFile);
            explicit.addAll(fromFile.keySet());

            Set<String> keys = new LinkedHashSet<>();
            Config.KEYS.forEach(k -> keys.add(k.name()));
            keys.addAll(fromFile.keySet());
            keys.addAll(options.keySet());
            Map<String, String> fromEnv = Config.fromEnvironment(environment, keys);
            config = config.with(fromEnv);
            explicit.addAll(fromEnv.keySet());
        }
        config = config.with(options);
        explicit.addAll(options.keySet());
        validate(config);
        return new Resolved(config, explicit);
    }

    /** The file's keys and values (trimmed); nothing when it does not exist. */
    private Map<String, String> readProperties() {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(propertiesFile, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException | IllegalArgumentException e) {
            // IllegalArgumentException is how Properties reports a malformed unicode escape.
            throw new IllegalArgumentException("cannot read " + propertiesFile + ": " + e.getMessage(), e);
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (String name : p.stringPropertyNames()) {
            m.put(name.trim(), p.getProperty(name).trim());
        }
        return m;
    }

    /**
     * Rejects values core would otherwise trip over in the middle of a run: sizes, the budget,
     * trace categories and stress modes. Plugin names are checked against what is installed, later.
     */
    public static void validate(Config config) {
        long initial = config.getSize(Config.STACK_INITIAL);
        long max = config.getSize(Config.STACK_MAX);
        config.getSize(Config.HEAP_MAX);
        if (initial == 0) {
            throw new IllegalArgumentException("invalid size for " + Config.STACK_INITIAL.name()
                    + ": '" + config.get(Config.STACK_INITIAL) + "' (must be more than 0)");
        }
        if (initial > max) {
            throw new IllegalArgumentException(Config.STACK_INITIAL.name() + " (" + initial + " bytes) exceeds "
                    + Config.STACK_MAX.name() + " (" + max + " bytes)");
        }
        if (config.getLong(Config.BUDGET) < 0) {
            throw new IllegalArgumentException("invalid number for " + Config.BUDGET.name() + ": '"
                    + config.get(Config.BUDGET) + "' (0 or more; 0 means unlimited)");
        }
        if (!List.of("on", "off").contains(config.get(Config.JIT))) {
            throw new IllegalArgumentException("invalid value for " + Config.JIT.name() + ": '"
                    + config.get(Config.JIT) + "' (on or off)");
        }
        if (config.getLong(Config.JIT_THRESHOLD) < 0) {
            throw new IllegalArgumentException("invalid number for " + Config.JIT_THRESHOLD.name() + ": '"
                    + config.get(Config.JIT_THRESHOLD) + "' (0 or more)");
        }
        checkList(config, Config.TRACE, "trace category", TRACE_CATEGORIES);
        checkList(config, Config.STRESS, "stress mode", STRESS_MODES);
    }

    private static void checkList(Config config, Config.Key key, String what, List<String> known) {
        for (String item : config.get(key).split(",")) {
            String s = item.trim();
            if (!s.isEmpty() && !known.contains(s)) {
                throw new IllegalArgumentException("unknown " + what + " '" + s + "' (known: "
                        + String.join(", ", known) + ")");
            }
        }
    }
}
