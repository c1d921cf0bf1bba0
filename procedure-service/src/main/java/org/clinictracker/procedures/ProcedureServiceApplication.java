package org.clinictracker.procedures;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ProcedureServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ProcedureServiceApplication.class, args);
    }
}
