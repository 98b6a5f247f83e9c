package com.traidnet.wificore;

import com.traidnet.wificore.platform.PlatformLauncher;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * WifiCore: one deployable carrying the API, RADIUS, real-time and worker roles.
 * Start here; {@link PlatformLauncher} brings up the embedded database (unless
 * {@code WIFICORE_DB_URL} is set) and then the Spring context.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WifiCore {

    public static void main(String[] args) {
        int exitCode = PlatformLauncher.run(WifiCore.class, args);
        if (exitCode != 0 || PlatformLauncher.isCommand(args)) {
            System.exit(exitCode);
        }
    }
}
