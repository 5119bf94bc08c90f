package io.proxima.bootstrap.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import io.proxima.bootstrap.support.GreenMailResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** While PostgreSQL cannot be reached the API says 503/50301 with Retry-After, not 500/50001. */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class DatabaseOutageTest {

    @Test
    void a_database_outage_is_503_with_retry_after() {
        given().when().get("/api/v1/_probe/database-down")
                .then().statusCode(503)
                .header("Retry-After", is("5"))
                .body("code", is(50301))
                .body("request_id", notNullValue());
    }
}
