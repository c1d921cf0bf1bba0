package org.clinictracker.deploycheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The files of this checkout that the deployment descriptions must agree with. */
final class Checkout {

    private static final Path ROOT = root();

    private Checkout() {
    }

    static Path file(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(String relative) {
        return read(file(relative));
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Maven passes the reactor's root; run from the IDE, the module's parent is the checkout. */
    private static Path root() {
        String configured = System.getProperty("clinic.root");
        Path root = (configured != null ? Path.of(configured) : Path.of("..")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("clinic"))) {
            throw new IllegalStateException("Not the clinic-tracker checkout (no ./clinic): " + root);
        }
        return root;
    }
}
