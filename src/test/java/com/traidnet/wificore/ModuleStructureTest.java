package com.traidnet.wificore;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Fails the build when a module reaches into another module's internals or modules form a cycle. */
class ModuleStructureTest {

    @Test
    void modulesOnlyUseEachOthersPublicSurface() {
        ApplicationModules.of(WifiCore.class).verify();
    }
}
