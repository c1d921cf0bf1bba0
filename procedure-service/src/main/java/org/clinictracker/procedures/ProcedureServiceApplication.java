package org.clinictracker.procedures;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The proceduralists' log: procedures, target nerves, device parameters and adverse events. */
@SpringBootApplication
public class ProcedureServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ProcedureServiceApplication.class, args);
    }
}
