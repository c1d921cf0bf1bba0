package org.clinictracker.procedures;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

@SpringBootTest
class ProcedureServiceApplicationTests {

    @Autowired
    ApplicationContext context;

    @Test
    void the_application_starts() {
        assertThat(context.getBean(ProcedureServiceApplication.class)).isNotNull();
    }
}
