package org.cairnvm.spi;

/** The four kinds of interchangeable module; a VM has exactly one plugin of each kind. */
public enum PluginKind {
    /** How a goroutine's stack is laid out and grown (contiguous copying, linked segments). */
    STACK("stack"),
    /** How garbage is found and reclaimed (precise moving, conservative non-moving). */
    GC("gc"),
    /** How goroutines are represented and switched (stackful, stackless). */
    SCHEDULER("scheduler"),
    /** What happens when a stack reaches its limit (fatal, kill the goroutine). */
    OVERFLOW("overflow");

    private final String configKey;

    PluginKind(String configKey) {
        this.configKey = configKey;
    }

    /** The configuration key that names the chosen plugin of this kind. */
    public String configKey() {
        return configKey;
    }
}
