package org.clinictracker.systemtests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The Boot jar of every part, where the build leaves it: {@code <module>/target/<module>-<version>.jar}. */
final class BootJars {

    private BootJars() {
    }

    /** Every part's jar; fails naming what is missing and how to build it. */
    static Map<ClinicService, Path> locate(Path root, String version) {
        Map<ClinicService, Path> jars = new EnumMap<>(ClinicService.class);
        for (ClinicService service : ClinicService.values()) {
            jars.put(service, root.resolve(service.module()).resolve("target").resolve(service.module() + "-" + version + ".jar"));
        }
        List<Path> missing = jars.values().stream().filter(jar -> !Files.isRegularFile(jar)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The system tests start the jars the build makes, and these are missing: "
                    + missing + ". Run ./mvnw verify from the root, or ./mvnw verify -pl system-tests -am.");
        }
        return jars;
    }
}
