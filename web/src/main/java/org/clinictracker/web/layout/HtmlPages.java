package org.clinictracker.web.layout;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * Every page the web app renders is HTML, whatever its address ends with. Left alone, Thymeleaf guesses a page's
 * content type from the request path, so the problem page answering {@code /patients/{id}/record.fhir.json} went out
 * as {@code application/json} and a browser showed its markup as text.
 */
@Configuration(proxyBeanMethods = false)
class HtmlPages {

    @Bean
    static BeanPostProcessor pagesAreHtmlWhateverTheirAddress() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof ThymeleafViewResolver pages) {
                    pages.setForceContentType(true);
                }
                return bean;
            }
        };
    }
}
