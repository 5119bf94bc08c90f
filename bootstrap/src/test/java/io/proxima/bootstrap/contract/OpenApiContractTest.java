package io.proxima.bootstrap.contract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.proxima.bootstrap.identity.IdentityApi;
import io.proxima.bootstrap.identity.IdentityApi.Account;
import io.proxima.bootstrap.support.GreenMailResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The served {@code /q/openapi} is what integrators generate clients from: every operation has a
 * stable unique id, says which credentials it needs, documents its errors in the SPEC envelope,
 * and no schema is left empty; the real statuses (202 for a VM order, 201 for creations) are
 * the documented ones; and strict input answers 400/422 in the envelope, never 500.
 */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
@ValidatesOpenApi
class OpenApiContractTest {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    private JsonNode doc;

    @BeforeEach
    void load() throws Exception {
        String text = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString();
        doc = new ObjectMapper().readTree(text);
        // Left for linters (Spectral, Redocly) and client generators: target/openapi.json.
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "openapi.json"), text);
    }

    private List<Map.Entry<String, JsonNode>> operations() {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        doc.path("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(m -> {
            if (METHODS.contains(m.getKey())) {
                out.add(Map.entry(m.getKey().toUpperCase() + " " + p.getKey(), m.getValue()));
            }
        }));
        return out;
    }

    @Test
    void both_security_schemes_are_defined_and_every_operation_says_what_it_needs() {
        JsonNode schemes = doc.path("components").path("securitySchemes");
        assertThat(schemes.path("bearerAuth").path("type").asText()).isEqualTo("http");
        assertThat(schemes.path("bearerAuth").path("scheme").asText()).isEqualTo("bearer");
        assertThat(schemes.path("bearerAuth").path("bearerFormat").asText()).isEqualTo("JWT");
        assertThat(schemes.path("apiKey").path("type").asText()).isEqualTo("apiKey");
        assertThat(schemes.path("apiKey").path("in").asText()).isEqualTo("header");
        assertThat(schemes.path("apiKey").path("name").asText()).isEqualTo("X-API-Key");
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> op : operations()) {
            JsonNode security = op.getValue().path("security");
            if (!security.isArray()) {
                problems.add(op.getKey() + ": no security (anonymous routes declare security: [])");
                continue;
            }
            security.forEach(req -> req.fieldNames().forEachRemaining(name -> {
                if (!schemes.has(name)) {
                    problems.add(op.getKey() + ": references undefined scheme " + name);
                }
            }));
        }
        assertThat(problems).isEmpty();
        // Spot checks: login is anonymous, the VM list needs credentials, admin routes name the role.
        assertThat(doc.at("/paths/~1api~1v1~1auth~1login/post/security").size()).isZero();
        assertThat(doc.at("/paths/~1api~1v1~1vms/get/security").toString()).contains("bearerAuth", "apiKey");
        assertThat(doc.at("/paths/~1api~1v1~1nodes/get/x-roles").toString()).contains("admin");
    }

    @Test
    void operation_ids_are_present_and_unique() {
        Set<String> ids = new HashSet<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> op : operations()) {
            String id = op.getValue().path("operationId").asText("");
            if (id.isBlank()) {
                problems.add(op.getKey() + ": no operationId");
            } else if (!ids.add(id)) {
                problems.add(op.getKey() + ": duplicate operationId " + id);
            } else if (!id.matches("[a-z][A-Za-z0-9]*")) {
                problems.add(op.getKey() + ": operationId is not a plain identifier: " + id);
            }
            if (!op.getValue().path("tags").isArray() || op.getValue().path("tags").isEmpty()) {
                problems.add(op.getKey() + ": no tag");
            }
        }
        assertThat(problems).isEmpty();
        assertThat(doc.at("/paths/~1api~1v1~1vms/post/operationId").asText()).isEqualTo("vmCreate");
    }

    @Test
    void every_operation_documents_its_errors_in_the_envelope() {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> op : operations()) {
            JsonNode responses = op.getValue().path("responses");
            boolean enveloped4xx = false;
            for (var it = responses.fields(); it.hasNext(); ) {
                var r = it.next();
                boolean error = r.getKey().startsWith("4") || r.getKey().startsWith("5") || r.getKey().equals("default");
                String ref = r.getValue().at("/content/application~1json/schema/$ref").asText("");
                if (error && !ref.equals("#/components/schemas/ErrorResponse")) {
                    problems.add(op.getKey() + " " + r.getKey() + ": not the error envelope");
                }
                enveloped4xx |= r.getKey().startsWith("4") && ref.equals("#/components/schemas/ErrorResponse");
            }
            if (!enveloped4xx) {
                problems.add(op.getKey() + ": no 4xx response");
            }
            if (op.getKey().startsWith("POST /api/") || op.getKey().startsWith("GET /api/")) {
                if (!responses.has("429")) {
                    problems.add(op.getKey() + ": no 429");
                }
            }
        }
        assertThat(problems).isEmpty();
        JsonNode secured = doc.at("/paths/~1api~1v1~1vms~1{id}/get/responses");
        assertThat(secured.has("401") && secured.has("403") && secured.has("404")).as(secured.toString()).isTrue();
        assertThat(doc.at("/paths/~1api~1v1~1vms/get/responses/200/headers").has("X-RateLimit-Remaining")).isTrue();
        assertThat(doc.at("/paths/~1api~1v1~1vms/post/responses/429/headers").has("Retry-After")).isTrue();
    }

    @Test
    void success_statuses_are_the_real_ones_and_typed() {
        JsonNode paths = doc.path("paths");
        assertThat(paths.at("/~1api~1v1~1vms/post/responses").has("202")).isTrue();
        assertThat(paths.at("/~1api~1v1~1vms/post/responses").has("200")).isFalse();
        assertThat(paths.at("/~1api~1v1~1vms~1{id}/delete/responses").has("202")).isTrue();
        assertThat(paths.at("/~1api~1v1~1vms~1{id}~1snapshots/post/responses").has("202")).isTrue();
        assertThat(paths.at("/~1api~1v1~1plans/post/responses").has("201")).isTrue();
        assertThat(paths.at("/~1api~1v1~1auth~1register/post/responses").has("201")).isTrue();
        assertThat(paths.at("/~1api~1v1~1billing~1recharges/post/responses").has("201")).isTrue();
        assertThat(paths.at("/~1api~1v1~1tickets/post/responses").has("201")).isTrue();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> op : operations()) {
            op.getValue().path("responses").fields().forEachRemaining(r -> {
                if (r.getKey().startsWith("2") && !r.getKey().equals("204")) {
                    JsonNode content = r.getValue().path("content");
                    if (content.has("application/json") && content.at("/application~1json/schema").isMissingNode()) {
                        problems.add(op.getKey() + " " + r.getKey() + ": JSON without schema");
                    } else if (content.isMissingNode() || content.isEmpty()) {
                        problems.add(op.getKey() + " " + r.getKey() + ": no content");
                    }
                }
            });
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void no_schema_is_left_empty() {
        List<String> problems = new ArrayList<>();
        Set<String> reachable = reachableSchemas();
        assertThat(reachable).contains("ErrorResponse", "FieldError");
        doc.path("components").path("schemas").fields().forEachRemaining(s -> {
            if (!reachable.contains(s.getKey())) {
                return;
            }
            JsonNode schema = s.getValue();
            if ("object".equals(schema.path("type").asText()) && !schema.has("properties")
                    && !schema.has("additionalProperties")) {
                problems.add(s.getKey() + ": object without properties");
            }
            schema.path("properties").fields().forEachRemaining(p -> {
                if (!typed(p.getValue())) {
                    problems.add(s.getKey() + "." + p.getKey() + ": untyped " + p.getValue());
                }
            });
        });
        assertThat(problems).isEmpty();
    }

    /** Component schemas an operation uses, directly or through other schemas. */
    private Set<String> reachableSchemas() {
        Set<String> seen = new HashSet<>();
        List<JsonNode> todo = new ArrayList<>();
        todo.add(doc.path("paths"));
        while (!todo.isEmpty()) {
            JsonNode n = todo.remove(todo.size() - 1);
            if (n.isObject() && n.has("$ref")) {
                String ref = n.get("$ref").asText();
                String name = ref.substring(ref.lastIndexOf('/') + 1);
                if (ref.startsWith("#/components/schemas/") && seen.add(name)) {
                    todo.add(doc.path("components").path("schemas").path(name));
                }
            }
            n.elements().forEachRemaining(todo::add);
        }
        return seen;
    }

    private static boolean typed(JsonNode s) {
        return s.has("type") || s.has("$ref") || s.has("oneOf") || s.has("anyOf") || s.has("allOf")
                || s.has("enum") || s.has("const");
    }

    // --- strict input ---------------------------------------------------------------------

    @Test
    void wrong_json_types_and_unknown_fields_are_422_naming_the_field() {
        Account admin = IdentityApi.admin();
        Map<String, Object> plan = new java.util.HashMap<>(Map.of("name", IdentityApi.unique("Plan "), "type", "qemu",
                "cpu_cores", 1, "memory_mb", 512, "disk_gb", 10, "bandwidth_gb", 10, "snapshot_limit", 1,
                "price_hourly", "0.10", "price_monthly", "50.00", "currency", "USD"));
        plan.put("cpu_cores", 1.9);
        assertField(admin.as().contentType(ContentType.JSON).body(plan).post("/api/v1/plans"), "cpu_cores");
        plan.put("cpu_cores", 1);
        plan.put("price_hourly", 0.10);
        assertField(admin.as().contentType(ContentType.JSON).body(plan).post("/api/v1/plans"), "price_hourly");
        plan.put("price_hourly", "0.10");
        plan.put("name", 42);
        assertField(admin.as().contentType(ContentType.JSON).body(plan).post("/api/v1/plans"), "name");
        plan.put("name", IdentityApi.unique("Plan "));
        plan.put("colour", "blue");
        assertField(admin.as().contentType(ContentType.JSON).body(plan).post("/api/v1/plans"), "colour");
    }

    @Test
    void malformed_json_and_a_wrong_body_shape_are_400_in_the_envelope() {
        Account admin = IdentityApi.admin();
        Response malformed = admin.as().contentType(ContentType.JSON).body("{\"name\": ").post("/api/v1/plans");
        assertThat(malformed.statusCode()).as(malformed.asString()).isEqualTo(400);
        assertThat((Integer) malformed.path("code")).isEqualTo(40000);
        Response array = admin.as().contentType(ContentType.JSON).body("[1, 2]").post("/api/v1/plans");
        assertThat(array.statusCode()).as(array.asString()).isEqualTo(400);
        Response trailing = admin.as().contentType(ContentType.JSON).body("{} {}").post("/api/v1/plans");
        assertThat(trailing.statusCode()).as(trailing.asString()).isIn(400, 422);
    }

    @Test
    void an_oversized_body_is_413_in_the_envelope() {
        Account admin = IdentityApi.admin();
        String big = "{\"name\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        Response r = admin.as().contentType(ContentType.JSON).body(big).post("/api/v1/plans");
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat((Integer) r.path("code")).isNotNull();
    }

    @Test
    void dot_segments_never_reach_another_resource() {
        Account admin = IdentityApi.admin();
        String vm = "/api/v1/vms/" + java.util.UUID.randomUUID();
        for (String path : List.of(vm + "/snapshots/%2e%2e", vm + "/snapshots/%2E%2E", vm + "/firewall/%2e",
                vm + "/snapshots/.%2e/x")) {
            Response r = admin.as().urlEncodingEnabled(false).delete(path);
            assertThat(r.statusCode()).as(path + " " + r.asString()).isEqualTo(400);
            assertThat((Integer) r.path("code")).isEqualTo(40000);
            assertThat(r.contentType()).startsWith("application/json");
        }
    }

    @Test
    void a_nul_character_is_422_naming_the_field_not_500() {
        Response login = given().contentType(ContentType.JSON)
                .body(Map.of("username", "ad\u0000min", "password", "whatever-123")).post("/api/v1/auth/login");
        assertField(login, "username");
        Account admin = IdentityApi.admin();
        Response search = admin.as().urlEncodingEnabled(false).get("/api/v1/users?search=a%00b");
        assertField(search, "search");
        Response path = admin.as().urlEncodingEnabled(false).get("/api/v1/users/a%00b");
        assertThat(path.statusCode()).as(path.asString()).isEqualTo(400);
    }

    @Test
    void a_malformed_multipart_body_is_400_in_the_envelope() {
        Account admin = IdentityApi.admin();
        Response r = admin.as().contentType("multipart/form-data; boundary=xyz").body("--xyz\r\ngarbage without headers".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/tickets");
        assertThat(r.statusCode()).as(r.asString()).isBetween(400, 499);
        assertThat((Integer) r.path("code")).as(r.asString()).isNotNull();
    }

    @Test
    void a_bad_language_code_is_422_not_500() {
        Account admin = IdentityApi.admin();
        assertField(admin.as().contentType(ContentType.JSON).body(Map.of("language", "_")).put("/api/v1/account/profile"),
                "language");
    }

    @Test
    void an_unknown_filter_value_is_422_not_an_empty_page() {
        Account admin = IdentityApi.admin();
        assertField(admin.as().get("/api/v1/operations?status=weird"), "status");
        assertField(admin.as().get("/api/v1/operations?type=nope"), "type");
        assertField(admin.as().get("/api/v1/deployments?status=weird"), "status");
        Response ok = admin.as().get("/api/v1/operations?status=succeeded&type=provision");
        assertThat(ok.statusCode()).as(ok.asString()).isEqualTo(200);
    }

    @Test
    void a_wrong_method_is_405_with_allow_in_the_envelope() {
        Account admin = IdentityApi.admin();
        Response r = admin.as().delete("/api/v1/plans");
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(405);
        assertThat((Integer) r.path("code")).isEqualTo(40501);
        assertThat(r.header("Allow")).as(r.headers().toString()).contains("GET").contains("POST");
    }

    private static void assertField(Response r, String field) {
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(422);
        assertThat((Integer) r.path("code")).isEqualTo(42201);
        assertThat(r.jsonPath().getList("details.field", String.class)).as(r.asString()).contains(field);
    }
}
