package org.nnwiki.generator.jbake;

import java.util.Map;

/**
 * What the current bake renders, keyed by staging file and by output URI. JBake creates its engines
 * by reflection and keeps them in static registries, so they find the bake's data here; {@link
 * Baker} allows one bake at a time per JVM.
 */
final class BakeInput {
    private static volatile BakeInput current;

    /** Title per staging file path, and the template model per output URI. */
    final Map<String, String> titleByStagingFile;

    final Map<String, Map<String, Object>> modelByUri;

    BakeInput(Map<String, String> titleByStagingFile, Map<String, Map<String, Object>> modelByUri) {
        this.titleByStagingFile = titleByStagingFile;
        this.modelByUri = modelByUri;
    }

    static BakeInput current() {
        BakeInput in = current;
        if (in == null) {
            throw new IllegalStateException("no bake in progress");
        }
        return in;
    }

    static void set(BakeInput input) {
        current = input;
    }
}
