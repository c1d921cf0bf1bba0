package org.clinictracker.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without a built jar the system tests say which one and how to build it, before anything starts. */
class BootJarsTest {

    @Test
    void a_missing_jar_is_named_with_the_command_that_builds_it(@TempDir Path root) throws IOException {
        for (ClinicService service : ClinicService.values()) {
            if (service != ClinicService.GATEWAY) {
                Path target = Files.createDirectories(root.resolve(service.module()).resolve("target"));
                Files.writeString(target.resolve(service.module() + "-1.0.jar"), "jar");
            }
        }

        assertThatThrownBy(() -> BootJars.locate(root, "1.0"))
                .hasMessageContaining(root.resolve("gateway/target/gateway-1.0.jar").toString())
                .hasMessageNotContaining("patient-service-1.0.jar")
                .hasMessageContaining("./mvnw verify -pl system-tests -am");
    }

    @Test
    void every_jar_is_found_where_the_build_leaves_it(@TempDir Path root) throws IOException {
        for (ClinicService service : ClinicService.values()) {
            Path target = Files.createDirectories(root.resolve(service.module()).resolve("target"));
            Files.writeString(target.resolve(service.module() + "-1.0.jar"), "jar");
        }

        assertThat(BootJars.locate(root, "1.0")).hasSize(ClinicService.values().length)
                .containsEntry(ClinicService.PATIENTS, root.resolve("patient-service/target/patient-service-1.0.jar"))
                .containsEntry(ClinicService.WEB, root.resolve("web/target/web-1.0.jar"));
    }
}
