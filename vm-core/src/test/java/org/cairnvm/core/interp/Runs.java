package org.cairnvm.core.interp;

import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cairnvm.api.Config;
import org.cairnvm.api.HostFunction;
import org.cairnvm.api.RunResult;
import org.cairnvm.core.code.Image;
import org.cairnvm.core.runtime.FatalOverflow;
import org.cairnvm.core.runtime.Machine;
import org.cairnvm.core.runtime.RunEnv;
import org.cairnvm.spi.OverflowHandler;
import org.cairnvm.spi.StackStrategy;
import org.cairnvm.sched.stackful.StackfulScheduler;
import org.cairnvm.stack.copying.CopyingStacks;

/** Runs hand-assembled images the way the VM layer does, capturing both streams. */
public final class Runs {
    /** What a run printed and returned. */
    public record Outcome(RunResult result, String out, String err) {
        public int status() {
            return result.exitStatus();
        }

        public String firstLine() {
            return result.error().map(e -> e.firstLine()).orElse("");
        }
    }

    private Runs() {
    }

    public static Outcome run(Image image, String... keyValues) {
        return run(image, Map.of(), new AtomicBoolean(), keyValues);
    }

    public static Outcome run(Image image, Map<String, HostFunction> hosts, AtomicBoolean interrupt,
                              String... keyValues) {
        return run(image, new CopyingStacks(), new FatalOverflow(), hosts, interrupt, keyValues);
    }

    public static Outcome run(Image image, StackStrategy strategy, OverflowHandler overflow,
                              Map<String, HostFunction> hosts, AtomicBoolean interrupt, String... keyValues) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            options.put(keyValues[i], keyValues[i + 1]);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        RunEnv env = new RunEnv(Config.defaults().with(options), strategy, overflow, hosts, out, err, interrupt, null,
                new StackfulScheduler());
        RunResult r = Machine.run(image, env);
        return new Outcome(r, out.toString(), err.toString());
    }
}
