package io.proxima.bootstrap.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.proxima.bootstrap.contract.ValidatesOpenApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Users (admin): lists with filters, detail, create with role, update, status, soft delete. */
@QuarkusTest
@ValidatesOpenApi
class AdminUsersTest {

    @Test
    void list_filters_search_sort_and_paginate() {
        IdentityApi.Account admin = IdentityApi.admin();
        String tag = "zq" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 3; i++) {
            IdentityApi.userWithRole(tag + "u" + i, "user");
        }
        IdentityApi.userWithRole(tag + "s", "support");
        admin.as().queryParam("search", tag.toUpperCase()).get("/api/v1/users").then().statusCode(200)
                .body("data.items", hasSize(4)).body("data.pagination.total_count", is(4));
        admin.as().queryParam("search", tag).queryParam("role", "support").get("/api/v1/users").then()
                .body("data.items", hasSize(1)).body("data.items[0].role", is("support"));
        admin.as().queryParam("search", tag).queryParam("sort", "username").queryParam("per_page", 2).queryParam("page", 2)
                .get("/api/v1/users").then()
                .body("data.items", hasSize(2))
                .body("data.pagination.total_pages", is(2))
                .body("data.pagination.has_prev", is(true))
                .body("data.pagination.has_next", is(false))
                .body("data.items[0].username", startsWith(tag + "u1"))
                .body("data.items[1].username", startsWith(tag + "u2"));
        admin.as().queryParam("status", "active").queryParam("role", "admin").get("/api/v1/users").then()
                .body("data.items.username", hasItem("admin")).body("data.items.role", everyItem(is("admin")));
        admin.as().queryParam("sort", "password_hash").get("/api/v1/users").then().statusCode(422)
                .body("details[0].field", is("sort"));
        admin.as().queryParam("role", "root").get("/api/v1/users").then().statusCode(422)
                .body("details[0].field", is("role"));
    }

    @Test
    void detail_create_update_status_and_soft_delete() {
        IdentityApi.Account admin = IdentityApi.admin();
        IdentityApi.Account user = IdentityApi.verifiedUser("managed");
        admin.as().get("/api/v1/users/" + user.id()).then().statusCode(200)
                .body("data.last_login_at", notNullValue()).body("data.username", is(user.username()));
        user.as().get("/api/v1/users/" + user.id()).then().statusCode(200);
        user.as().get("/api/v1/users/" + admin.id()).then().statusCode(404).body("code", is(40401));
        admin.as().get("/api/v1/users/not-a-uuid").then().statusCode(404);

        String name = IdentityApi.unique("staff");
        admin.as().contentType(ContentType.JSON)
                .body(Map.of("username", name, "email", name + "@example.test", "password", IdentityApi.PASSWORD,
                        "role", "support"))
                .post("/api/v1/users").then().statusCode(201).body("data.role", is("support"))
                .body("data.status", is("active"));
        admin.as().contentType(ContentType.JSON)
                .body(Map.of("username", name, "email", "x" + name + "@example.test", "password", IdentityApi.PASSWORD))
                .post("/api/v1/users").then().statusCode(409);

        // Update: role change signs the user out (tokens carry the role).
        admin.as().contentType(ContentType.JSON).body(Map.of("role", "support", "language", "zh"))
                .put("/api/v1/users/" + user.id()).then().statusCode(200)
                .body("data.role", is("support")).body("data.language", is("zh"));
        user.as().get("/api/v1/auth/profile").then().statusCode(401);
        IdentityApi.Account again = IdentityApi.loginAs(user.username(), IdentityApi.PASSWORD);
        String key = again.as().contentType(ContentType.JSON).body(Map.of("name", "k", "scopes", List.of("read")))
                .post("/api/v1/account/api-keys").path("data.key");
        given().header("X-API-Key", key).get("/api/v1/auth/profile").then().statusCode(200);

        // Disabling revokes sessions and keys at once, and blocks login.
        admin.as().contentType(ContentType.JSON).body(Map.of("status", "disabled"))
                .put("/api/v1/users/" + user.id() + "/status").then().statusCode(200).body("data.status", is("disabled"));
        again.as().get("/api/v1/auth/profile").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("refresh_token", again.refreshToken()))
                .post("/api/v1/auth/refresh").then().statusCode(401);
        given().header("X-API-Key", key).get("/api/v1/auth/profile").then().statusCode(401);
        IdentityApi.login(user.username(), IdentityApi.PASSWORD).then().statusCode(403).body("code", is(40004));
        admin.as().contentType(ContentType.JSON).body(Map.of("status", "deleted"))
                .put("/api/v1/users/" + user.id() + "/status").then().statusCode(422);
        admin.as().contentType(ContentType.JSON).body(Map.of("status", "active"))
                .put("/api/v1/users/" + user.id() + "/status").then().statusCode(200);
        IdentityApi.login(user.username(), IdentityApi.PASSWORD).then().statusCode(200);

        // Soft delete: no login, and the name and email stay reserved.
        admin.as().delete("/api/v1/users/" + user.id()).then().statusCode(200);
        admin.as().get("/api/v1/users/" + user.id()).then().statusCode(200).body("data.status", is("deleted"));
        IdentityApi.login(user.username(), IdentityApi.PASSWORD).then().statusCode(401).body("code", is(40001));
        IdentityApi.register(user.username(), IdentityApi.unique("n") + "@example.test", IdentityApi.PASSWORD)
                .then().statusCode(409);
        IdentityApi.register(IdentityApi.unique("n"), user.email(), IdentityApi.PASSWORD).then().statusCode(409);
        admin.as().delete("/api/v1/users/" + user.id()).then().statusCode(409).body("code", is(40902));

        // Administrators cannot lock themselves out.
        admin.as().contentType(ContentType.JSON).body(Map.of("status", "disabled"))
                .put("/api/v1/users/" + admin.id() + "/status").then().statusCode(409);
        admin.as().delete("/api/v1/users/" + admin.id()).then().statusCode(409);

        admin.as().queryParam("action", "user").queryParam("resource_type", "user").queryParam("per_page", 100)
                .get("/api/v1/admin/system/logs").then().statusCode(200)
                .body("data.items.action", hasItem("user.status_change"))
                .body("data.items.action", hasItem("user.delete"))
                .body("data.items.action", hasItem("user.update"))
                .body("data.pagination.total_count", greaterThanOrEqualTo(4));
        admin.as().queryParam("from", "not-a-date").get("/api/v1/admin/system/logs").then().statusCode(422);
    }
}
