package io.proxima.bootstrap.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Health, OpenAPI and metrics as an operator and an integrator see them. */
@QuarkusTest
class OperationsSurfaceTest {

    @Test
    void seed_001_health_shape() {
        given().when().get("/health")
                .then().statusCode(200)
                .body("status", is("ok"))
                .body("timestamp", matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z"));
    }

    @Test
    void readiness_checks_the_database() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItem(containsString("Database")));
        given().when().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
    }

    @Test
    void openapi_lists_the_envelope_schemas() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("components.schemas.ErrorResponse.properties.code.type", is("integer"))
                .body("components.schemas.ErrorResponse.properties.request_id.type", hasItem("string"))
                .body("components.schemas.FieldError.properties.field.type", is("string"))
                .body("paths.'/health'.get.responses.default.content.'application/json'.schema.$ref",
                        is("#/components/schemas/ErrorResponse"));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void prometheus_metrics_are_exposed() {
        given().when().get("/health").then().statusCode(200);
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
    }
}
