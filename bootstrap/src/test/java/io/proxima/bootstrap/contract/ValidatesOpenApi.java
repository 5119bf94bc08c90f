package io.proxima.bootstrap.contract;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Validates every RestAssured response of the annotated test class against the served OpenAPI
 * document (see {@link OpenApiResponseValidator}): put it on a flow test and a change that breaks
 * the published contract fails that test.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(ValidatesOpenApi.Extension.class)
public @interface ValidatesOpenApi {

    /** Installs the validating filter for the class's tests and removes it afterwards. */
    final class Extension implements BeforeAllCallback, AfterAllCallback {

        /** One validator (and one parsed document) for the whole run. */
        static final OpenApiResponseValidator VALIDATOR = new OpenApiResponseValidator();

        @Override
        public void beforeAll(ExtensionContext context) {
            if (!RestAssured.filters().contains(VALIDATOR)) {
                RestAssured.filters(VALIDATOR);
            }
        }

        @Override
        public void afterAll(ExtensionContext context) {
            List<Filter> rest = new ArrayList<>(RestAssured.filters());
            rest.remove(VALIDATOR);
            RestAssured.replaceFiltersWith(rest);
        }
    }
}
