package io.musicassistant.alexa.platform;

import io.musicassistant.alexa.log.JsonLog;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart resumes many execution environments from one snapshot of an initialised one. After
 * each restore the shared random generator gets fresh entropy ({@link Randomness#reseed()}), so no two
 * environments can continue one random sequence into equal instance secrets, pairing codes or GCM
 * nonces. Outside a CRaC runtime (tests, the local stack) registering does nothing.
 */
public final class SnapStartHooks implements Resource {

    private static final JsonLog LOG = JsonLog.get(SnapStartHooks.class);
    // CRaC holds resources weakly: this reference keeps the hook alive for the life of the container.
    private static volatile SnapStartHooks registered;

    private final Runnable reseed;

    SnapStartHooks(Runnable reseed) {
        this.reseed = reseed;
    }

    /** Registers the hook once per JVM. */
    public static synchronized void register() {
        if (registered == null) {
            registered = new SnapStartHooks(Randomness::reseed);
            Core.getGlobalContext().register(registered);
        }
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        // Nothing to close: no connection is opened while initialising.
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        reseed.run();
        LOG.info("snapstart.restored");
    }
}
