package io.proxima.bootstrap.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.bootstrap.identity.IdentityApi.Account;
import io.proxima.bootstrap.support.GreenMailResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 15, seed 004's operation log: every action done with an API key says which key. */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class ApiKeyOperationLogTest {

    @Test
    void actions_done_with_a_key_name_it_and_each_key_lists_its_own_operations() {
        Account owner = IdentityApi.verifiedUser("keylog");
        Response created = owner.as().contentType(ContentType.JSON).body(Map.of("name", "deploy", "scopes", List.of("write")))
                .post("/api/v1/account/api-keys");
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        String key = created.path("data.key");
        String keyId = created.path("data.id");

        given().header("X-API-Key", key).contentType(ContentType.JSON)
                .body(Map.of("subject", "from automation", "body", "opened by a script", "category", "technical"))
                .post("/api/v1/tickets").then().statusCode(201);
        // The same kind of action with the bearer token is not the key's.
        owner.as().contentType(ContentType.JSON).body(Map.of("subject", "by hand", "body", "opened in the console", "category", "technical"))
                .post("/api/v1/tickets").then().statusCode(201);

        Response ops = owner.as().get("/api/v1/account/api-keys/" + keyId + "/operations");
        assertThat(ops.statusCode()).as(ops.asString()).isEqualTo(200);
        List<Map<String, Object>> items = ops.path("data.items");
        assertThat(items).extracting(m -> m.get("action")).containsExactly("ticket.create");
        assertThat(items.get(0).get("api_key_id")).isEqualTo(keyId);
        assertThat(items.get(0).get("api_key_prefix")).isEqualTo(key.substring(0, 12));

        Account admin = IdentityApi.admin();
        Response adminView = admin.as().queryParam("api_key_id", keyId).get("/api/v1/admin/system/logs");
        assertThat(adminView.<List<String>>path("data.items.action")).containsExactly("ticket.create");
        admin.as().queryParam("api_key_id", "not-a-uuid").get("/api/v1/admin/system/logs").then().statusCode(422);

        // Another customer learns nothing about the key, even knowing its id.
        Account stranger = IdentityApi.verifiedUser("keylog");
        stranger.as().get("/api/v1/account/api-keys/" + keyId + "/operations").then().statusCode(404);
    }
}
