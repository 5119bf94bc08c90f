package io.proxima.bootstrap.contract;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpenApiContractTest {

    @Test
    void dump() throws Exception {
        String doc = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .extract().asString();
        Files.writeString(Path.of("target/openapi.json"), doc);
    }
}
