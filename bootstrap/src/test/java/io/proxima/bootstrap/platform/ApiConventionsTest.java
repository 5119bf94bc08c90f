package io.proxima.bootstrap.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.proxima.bootstrap.contract.ValidatesOpenApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** SPEC section 2 over HTTP: envelopes, codes, pagination, request ids, languages. */
@QuarkusTest
@ValidatesOpenApi
class ApiConventionsTest {

    @Test
    void success_is_wrapped_in_the_envelope_with_snake_case_fields() {
        given().contentType(ContentType.JSON)
                .body("{\"display_name\":\"web\",\"email\":\"a@example.com\",\"cpu_cores\":2}")
                .when().post("/api/v1/_probe")
                .then().statusCode(200)
                .body("code", is(201))
                .body("message", is("Created"))
                .body("data.display_name", is("web"))
                .body("data.cpu_cores", is(2));
    }

    @Test
    void invalid_input_is_422_with_every_field_named() {
        given().contentType(ContentType.JSON)
                .body("{\"display_name\":\" \",\"email\":\"not-an-email\",\"cpu_cores\":0,\"ssh_keys\":[\"\"]}")
                .when().post("/api/v1/_probe")
                .then().statusCode(422)
                .body("code", is(42201))
                .body("details.field", hasItem("display_name"))
                .body("details.field", hasItem("email"))
                .body("details.field", hasItem("cpu_cores"))
                .body("details.field", hasItem("ssh_keys[0]"))
                .body("request_id", notNullValue());
    }

    @Test
    void missing_body_is_422() {
        given().contentType(ContentType.JSON)
                .when().post("/api/v1/_probe")
                .then().statusCode(422)
                .body("code", is(42201));
    }

    @Test
    void malformed_json_is_400_in_the_envelope() {
        given().contentType(ContentType.JSON)
                .body("{\"display_name\": \"web\", ")
                .when().post("/api/v1/_probe")
                .then().statusCode(400)
                .body("code", is(40000))
                .body("message", containsString("JSON"));
    }

    @Test
    void wrong_json_type_names_the_field() {
        given().contentType(ContentType.JSON)
                .body("{\"display_name\":\"web\",\"email\":\"a@example.com\",\"cpu_cores\":\"many\"}")
                .when().post("/api/v1/_probe")
                .then().statusCode(422)
                .body("code", is(42201))
                .body("details[0].field", is("cpu_cores"));
    }

    @Test
    void unknown_route_is_404_in_the_envelope() {
        given().when().get("/api/v1/no/such/thing")
                .then().statusCode(404)
                .contentType(ContentType.JSON)
                .body("code", is(40401));
    }

    @Test
    void wrong_method_is_405_in_the_envelope() {
        given().when().delete("/api/v1/_probe/items")
                .then().statusCode(405)
                .body("code", is(40501));
    }

    @Test
    void wrong_content_type_is_415_in_the_envelope() {
        given().contentType(ContentType.XML).body("<x/>")
                .when().post("/api/v1/_probe")
                .then().statusCode(415)
                .body("code", is(41501));
    }

    @Test
    void domain_not_found_and_state_conflict_map_to_their_codes() {
        given().when().get("/api/v1/_probe/missing/42")
                .then().statusCode(404)
                .body("code", is(40401))
                .body("message", is("VM not found"));
        given().when().post("/api/v1/_probe/stop")
                .then().statusCode(409)
                .body("code", is(40902))
                .body("details.current_state", is("stopped"));
    }

    @Test
    void unexpected_failure_is_500_with_a_correlation_id_and_no_internals() {
        String body = given().header("X-Request-Id", "probe-500-abc")
                .when().get("/api/v1/_probe/boom")
                .then().statusCode(500)
                .header("X-Request-Id", "probe-500-abc")
                .body("code", is(50001))
                .body("request_id", is("probe-500-abc"))
                .extract().asString();
        org.assertj.core.api.Assertions.assertThat(body)
                .doesNotContain("hunter2").doesNotContain("SELECT").doesNotContain("IllegalStateException")
                .doesNotContain("at io.proxima");
    }

    @Test
    void request_id_is_generated_or_echoed_and_unsafe_ids_are_replaced() {
        given().when().get("/health").then().statusCode(200).header("X-Request-Id", notNullValue());
        given().header("X-Request-Id", "abc-123").when().get("/health")
                .then().header("X-Request-Id", "abc-123");
        given().header("X-Request-Id", "evil\u0007id with spaces").when().get("/health")
                .then().header("X-Request-Id", not(equalTo("evil\u0007id with spaces")));
    }

    @Test
    void messages_follow_accept_language() {
        given().header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8")
                .when().get("/api/v1/no/such/thing")
                .then().statusCode(404)
                .body("message", is("请求的资源不存在"));
        given().header("Accept-Language", "zh-CN")
                .when().get("/api/v1/_probe/missing/1")
                .then().body("message", is("VM不存在"));
        given().header("Accept-Language", "fr-FR, en;q=0.5")
                .when().get("/api/v1/no/such/thing")
                .then().body("message", is("No such resource"));
    }

    @Test
    void pagination_object_and_limits() {
        given().queryParam("page", 2).queryParam("per_page", 20)
                .when().get("/api/v1/_probe/items")
                .then().statusCode(200)
                .body("data.items", hasSize(20))
                .body("data.items[0]", is(21))
                .body("data.pagination.current_page", is(2))
                .body("data.pagination.per_page", is(20))
                .body("data.pagination.total_pages", is(3))
                .body("data.pagination.total_count", is(45))
                .body("data.pagination.has_next", is(true))
                .body("data.pagination.has_prev", is(true));
        given().when().get("/api/v1/_probe/items")
                .then().statusCode(200)
                .body("data.pagination.current_page", is(1))
                .body("data.pagination.per_page", is(20))
                .body("data.pagination.has_prev", is(false));
        given().queryParam("per_page", 101).queryParam("page", "x")
                .when().get("/api/v1/_probe/items")
                .then().statusCode(422)
                .body("details.field", hasItem("page"));
        given().queryParam("per_page", 101)
                .when().get("/api/v1/_probe/items")
                .then().statusCode(422)
                .body("details[0].field", is("per_page"));
    }

    @Test
    void oversized_body_is_413_in_the_envelope() {
        byte[] big = new byte[1024 * 1024 + 10];
        java.util.Arrays.fill(big, (byte) 'a');
        given().contentType(ContentType.JSON).header("Accept-Language", "zh")
                .body(big)
                .when().post("/api/v1/_probe")
                .then().statusCode(413)
                .body("code", is(41301))
                .body("message", is("请求体过大"));
    }
}
