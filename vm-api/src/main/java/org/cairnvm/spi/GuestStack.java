package org.cairnvm.spi;

/**
 * One goroutine's stack, owned by a {@link StackStrategy}. While the goroutine runs, the
 * interpreter keeps its frame pointer and pc in locals; whenever it leaves its fast path (a
 * safepoint: call slow path, allocation, panic, switch) it stores them here first, so the frame
 * walker and the strategies see an exact top frame.
 */
public final class GuestStack {
    private final int goroutineId;
    /** The segment the top frame lives in. */
    public StackSegment segment;
    /** Address of the top frame (its saved-frame-pointer word); 0 when the stack holds no frame. */
    public long fp;
    /** The top frame's function index in the program. */
    public int function;
    /** The top frame's resume pc: the pc just after the safepoint instruction it stopped at. */
    public int pc;
    /** Whatever the owning strategy keeps per stack (segment lists, caches). */
    public Object strategyState;

    public GuestStack(int goroutineId, StackSegment segment) {
        this.goroutineId = goroutineId;
        this.segment = segment;
    }

    public int goroutineId() {
        return goroutineId;
    }
}
