package io.proxima.adapter.out.proxmox.simulator;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * A Proxmox VE cluster in memory, served over real HTTP at {@code /api2/json}: the operations
 * Proxima uses, with PVE's semantics (UPIDs whose tasks run for a while, guest locks during
 * clone, snapshot and migrate, PVE's error texts in the reason phrase and {@code message}, 400
 * with {@code errors} for bad parameters, 401 without a body) and PVE's JSON quirks (nextid as a
 * string, flags as 0/1). It is stricter than PVE where that catches client mistakes: a body on
 * GET/DELETE or a query string on POST/PUT is refused.
 * <p>
 * State changes run on the server's single event loop, so the simulator needs no locks of its own
 * and {@code /cluster/resources} over 10 000 guests is one pass over a sorted map.
 */
public final class PveSimulator {

    private static final Logger LOG = Logger.getLogger(PveSimulator.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SIZE = Pattern.compile("(\\+)?(\\d+)([KMGT]?)");
    private static final Pattern TAG = Pattern.compile("[a-z0-9_][a-z0-9_\\-+.]*");

    private static final String QEMU_CONFIG_KEYS = "name description tags cores:i sockets:i memory cpu ostype agent boot "
            + "scsihw onboot:b ciuser cipassword sshkeys nameserver searchdomain citype cicustom ciupgrade:b balloon:i numa:b "
            + "hotplug protection:b vga startup serial[n] net[n] ipconfig[n] scsi[n] virtio[n] ide[n] sata[n] efidisk0 "
            + "delete digest revert skiplock:b";
    private static final String LXC_CONFIG_KEYS = "hostname description tags cores:i memory:i swap:i net[n] nameserver "
            + "searchdomain onboot:b protection:b features rootfs mp[n] startup";
    private static final Map<String, SimParams> SPECS = new LinkedHashMap<>();

    static {
        SPECS.put("GET /cluster/resources", SimParams.of("type"));
        SPECS.put("GET /cluster/nextid", SimParams.of("vmid:i"));
        SPECS.put("PUT /cluster/firewall/options", SimParams.of("enable:i policy_in policy_out digest delete"));
        SPECS.put("GET /nodes/{node}/rrddata", SimParams.of("timeframe* cf"));
        SPECS.put("GET /nodes/{node}/storage", SimParams.of("content enabled:b"));
        SPECS.put("GET /nodes/{node}/storage/{storage}/content", SimParams.of("content vmid:i"));
        SPECS.put("GET /nodes/{node}/tasks/{upid}/log", SimParams.of("start:i limit:i download:b"));
        SPECS.put("POST /nodes/{node}/qemu", SimParams.of(QEMU_CONFIG_KEYS + " vmid*:i start:b storage pool"));
        SPECS.put("POST /nodes/{node}/lxc", SimParams.of(LXC_CONFIG_KEYS
                + " vmid*:i ostemplate* password ssh-public-keys unprivileged:b pool start:b storage ostype arch"));
        SPECS.put("POST /nodes/{node}/qemu/{vmid}/clone", SimParams.of("newid*:i name description target full:b storage pool snapname format bwlimit:i"));
        SPECS.put("POST /nodes/{node}/lxc/{vmid}/clone", SimParams.of("newid*:i hostname description target full:b storage pool snapname bwlimit"));
        SPECS.put("POST /nodes/{node}/qemu/{vmid}/config", SimParams.of(QEMU_CONFIG_KEYS + " background_delay:i"));
        SPECS.put("PUT /nodes/{node}/qemu/{vmid}/config", SimParams.of(QEMU_CONFIG_KEYS));
        SPECS.put("PUT /nodes/{node}/lxc/{vmid}/config", SimParams.of(LXC_CONFIG_KEYS + " delete digest revert"));
        SPECS.put("GET /nodes/{node}/qemu/{vmid}/config", SimParams.of("current:b snapshot"));
        SPECS.put("PUT /nodes/{node}/{type}/{vmid}/resize", SimParams.of("disk* size* digest skiplock:b"));
        SPECS.put("DELETE /nodes/{node}/{type}/{vmid}", SimParams.of("purge:b destroy-unreferenced-disks:b skiplock:b force:b"));
        SPECS.put("POST /nodes/{node}/{type}/{vmid}/status/start", SimParams.of("timeout:i skiplock:b"));
        SPECS.put("POST /nodes/{node}/{type}/{vmid}/status/stop", SimParams.of("timeout:i skiplock:b overrule-shutdown:b keepActive:b"));
        SPECS.put("POST /nodes/{node}/{type}/{vmid}/status/shutdown", SimParams.of("timeout:i forceStop:b keepActive:b skiplock:b"));
        SPECS.put("POST /nodes/{node}/{type}/{vmid}/status/reboot", SimParams.of("timeout:i"));
        SPECS.put("POST /nodes/{node}/{type}/{vmid}/status/suspend", SimParams.of("todisk:b statestorage skiplock:b"));
        SPECS.put("POST /nodes/{node}/{type}/{vmid}/status/resume", SimParams.of("nocheck:b skiplock:b"));
        SPECS.put("POST /nodes/{node}/{type}/{vmid}/status/reset", SimParams.of("skiplock:b"));
        SPECS.put("POST /nodes/{node}/{type}/{vmid}/snapshot", SimParams.of("snapname* description vmstate:b"));
        SPECS.put("DELETE /nodes/{node}/{type}/{vmid}/snapshot/{snapname}", SimParams.of("force:b"));
        SPECS.put("POST /nodes/{node}/{type}/{vmid}/snapshot/{snapname}/rollback", SimParams.of("start:b"));
        SPECS.put("POST /nodes/{node}/{type}/{vmid}/firewall/rules", SimParams.of(
                "type* action* enable:i source dest proto dport sport macro iface log comment digest pos:i icmp-type"));
        SPECS.put("PUT /nodes/{node}/{type}/{vmid}/firewall/rules/{pos}", SimParams.of(
                "type action enable:i source dest proto dport sport macro iface log comment digest moveto:i delete icmp-type"));
        SPECS.put("DELETE /nodes/{node}/{type}/{vmid}/firewall/rules/{pos}", SimParams.of("digest"));
        SPECS.put("PUT /nodes/{node}/{type}/{vmid}/firewall/options", SimParams.of(
                "enable:b policy_in policy_out ipfilter:b macfilter:b dhcp:b ndp:b radv:b log_level_in log_level_out digest delete"));
        SPECS.put("POST /nodes/{node}/qemu/{vmid}/migrate", SimParams.of(
                "target* online:b with-local-disks:b targetstorage bwlimit:i force:b migration_type migration_network"));
        SPECS.put("POST /nodes/{node}/lxc/{vmid}/migrate", SimParams.of("target* online:b restart:b target-storage bwlimit timeout:i"));
        SPECS.put("GET /nodes/{node}/{type}/{vmid}/rrddata", SimParams.of("timeframe* cf"));
        SPECS.put("POST /nodes/{node}/qemu/{vmid}/vncproxy", SimParams.of("websocket:b generate-password:b"));
        SPECS.put("POST /nodes/{node}/lxc/{vmid}/vncproxy", SimParams.of("websocket:b width:i height:i"));
        SPECS.put("POST /nodes/{node}/qemu/{vmid}/termproxy", SimParams.of("serial"));
        SPECS.put("POST /nodes/{node}/lxc/{vmid}/termproxy", SimParams.of(""));
    }

    static {
        // "{type}" rules apply to both guest kinds; paths keep the concrete kind, as in apidoc.json
        for (String key : List.copyOf(SPECS.keySet())) {
            if (key.contains("{type}")) {
                SimParams spec = SPECS.remove(key);
                SPECS.putIfAbsent(key.replace("{type}", "qemu"), spec);
                SPECS.putIfAbsent(key.replace("{type}", "lxc"), spec);
            }
        }
    }

    private final Vertx vertx;
    private final SimulatorSettings settings;
    private final ConcurrentSkipListMap<Integer, SimGuest> guests = new ConcurrentSkipListMap<>();
    private final Map<String, SimTask> tasks = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> requestCounts = new ConcurrentHashMap<>();
    private final AtomicLong pids = new AtomicLong(0x1000);
    private final Map<String, String> clusterFirewall = new ConcurrentHashMap<>(Map.of("enable", "0"));
    private final long bootMillis = System.currentTimeMillis();
    private volatile HttpServer server;
    /** Per task type (qmclone, vzcreate, qmstart ...) durations overriding {@code taskDuration}. */
    private final Map<String, java.time.Duration> taskDurations = new ConcurrentHashMap<>();
    // Fault knobs: a share of API calls answered with a transient PVE 500, and latency before each answer.
    private volatile double errorRate;
    private volatile long latencyMillis;

    public PveSimulator(Vertx vertx, SimulatorSettings settings) {
        this.vertx = vertx;
        this.settings = settings;
        int templateId = 9000;
        for (String node : settings.nodes()) {
            SimGuest t = new SimGuest(templateId++, "qemu", node);
            t.config.putAll(Map.of("name", "debian-12-cloud", "template", "1", "cores", "2", "memory", "2048",
                    "ostype", "l26", "scsihw", "virtio-scsi-single", "agent", "1"));
            t.config.put("scsi0", "local-lvm:base-" + t.vmid + "-disk-0,size=10G");
            t.config.put("ide2", "local-lvm:vm-" + t.vmid + "-cloudinit,media=cdrom");
            t.config.put("net0", "virtio=BC:24:11:00:00:" + String.format("%02X", t.vmid % 256) + ",bridge=vmbr0");
            t.config.put("boot", "order=scsi0");
            guests.put(t.vmid, t);
        }
        seedGuests(settings.seedGuests());
        taskDurations.putAll(settings.taskDurations());
        errorRate = settings.errorRate();
        latencyMillis = settings.latency().toMillis();
    }

    /**
     * Pins a guest's reported CPU load (a fraction, 0..1 per core as PVE reports it) for tests and
     * benchmarks that drive alert rules; null returns to the built-in wave.
     */
    public void guestCpu(int vmid, Double fraction) {
        if (fraction == null) {
            cpuOverrides.remove(vmid);
        } else {
            cpuOverrides.put(vmid, fraction);
        }
    }

    private final Map<Integer, Double> cpuOverrides = new java.util.concurrent.ConcurrentHashMap<>();

    /** A plausible, time-varying CPU load: a slow wave per guest, pinned when a test asked for a value. */
    private double cpuOf(SimGuest g, long nowMillis) {
        Double pinned = cpuOverrides.get(g.vmid);
        if (pinned != null) {
            return pinned;
        }
        double wave = (Math.sin(nowMillis / 600_000.0 + g.vmid) + 1) / 2;
        return 0.02 + (g.vmid % 10) / 100.0 + 0.2 * wave;
    }

    /** How long tasks of {@code type} run (e.g. a long {@code qmclone} for the concurrency bench). */
    public void taskDuration(String type, java.time.Duration d) {
        taskDurations.put(type, d);
    }

    /**
     * Fault injection: {@code errorRate} of API calls (0..1) fail with a transient HTTP 500 ("got
     * timeout"), and every answer waits {@code latency} first. Zero and zero switch both off.
     */
    public void faults(double errorRate, java.time.Duration latency) {
        if (errorRate < 0 || errorRate > 1) {
            throw new IllegalArgumentException("error rate must be within 0..1");
        }
        this.errorRate = errorRate;
        this.latencyMillis = latency.toMillis();
    }

    private long durationOf(String type) {
        java.time.Duration d = taskDurations.get(type);
        return Math.max(1, (d == null ? settings.taskDuration() : d).toMillis());
    }

    // --- lifecycle and introspection -----------------------------------------------------

    /** Binds the HTTP server; blocks until it listens. */
    public PveSimulator start() {
        HttpServer s = vertx.createHttpServer(new HttpServerOptions().setHost(settings.host()).setPort(settings.port())
                .setCompressionSupported(false));
        s.requestHandler(this::handle);
        try {
            server = s.listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("PVE simulator could not listen on " + settings.host() + ":" + settings.port(), e);
        }
        LOG.infof("PVE simulator serving %s for nodes %s (token %s)", baseUrl(), settings.nodes(), settings.tokenId());
        return this;
    }

    public void stop() {
        HttpServer s = server;
        if (s != null) {
            s.close().toCompletionStage().toCompletableFuture().orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
            server = null;
        }
    }

    public int port() {
        return server == null ? settings.port() : server.actualPort();
    }

    public String baseUrl() {
        return "http://" + (settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host()) + ":" + port();
    }

    public PveSimulatorEndpoint endpoint() {
        return new PveSimulatorEndpoint(baseUrl(), settings.tokenId(), settings.tokenSecret(), settings.nodes());
    }

    public int guestCount() {
        return guests.size();
    }

    /** Requests served, keyed {@code METHOD /route/{template}} (the bench counts calls per operation with it). */
    public Map<String, Long> requestCounts() {
        Map<String, Long> out = new TreeMap<>();
        requestCounts.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    public long totalRequests() {
        return requestCounts.values().stream().mapToLong(AtomicLong::get).sum();
    }

    public void resetCounts() {
        requestCounts.clear();
    }

    /** Adds {@code count} stopped or running guests tagged as Proxima's, spread over the nodes (reconciliation load). */
    public void seedGuests(int count) {
        int vmid = guests.isEmpty() ? 1000 : Math.max(1000, guests.lastKey() + 1);
        for (int i = 0; i < count; i++, vmid++) {
            String node = settings.nodes().get(i % settings.nodes().size());
            SimGuest g = new SimGuest(vmid, i % 5 == 4 ? "lxc" : "qemu", node);
            g.config.put(g.qemu() ? "name" : "hostname", "seed-" + vmid);
            g.config.put("cores", "2");
            g.config.put("memory", "2048");
            g.config.put("tags", "proxima-" + new UUID(0xABCDL, vmid));
            g.config.put(g.qemu() ? "scsi0" : "rootfs", "local-lvm:vm-" + vmid + "-disk-0,size=20G");
            g.config.put("net0", g.qemu() ? "virtio=BC:24:11:01:00:00,bridge=vmbr0,firewall=1" : "name=eth0,bridge=vmbr0,ip=dhcp");
            if (i % 3 != 0) {
                g.status = "running";
                g.qmpStatus = "running";
                g.startedAtMillis = System.currentTimeMillis() - 3_600_000L;
            }
            guests.put(vmid, g);
        }
    }

    // --- HTTP plumbing -------------------------------------------------------------------

    private record Req(HttpServerRequest http, String method, List<String> path, Map<String, String> params) {
    }

    /** A PVE error: status, message (reason phrase = its first line) and per-parameter errors. */
    private static final class PveFail extends RuntimeException {
        final int status;
        final Map<String, String> errors;

        PveFail(int status, String message) {
            this(status, message, Map.of());
        }

        PveFail(int status, String message, Map<String, String> errors) {
            super(message, null, false, false);
            this.status = status;
            this.errors = errors;
        }
    }

    /** Tickets handed out by vncproxy: ticket → "node/vmid/port"; a vncwebsocket connection uses one up. */
    private final Map<String, String> consoleTickets = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.regex.Pattern VNC_WEBSOCKET =
            java.util.regex.Pattern.compile("/api2/json/nodes/([^/]+)/(qemu|lxc)/(\\d+)/vncwebsocket");

    /**
     * {@code GET .../vncwebsocket?port=&vncticket=} as an upgrade: checks the token and the ticket
     * (issued by vncproxy for that guest and port), greets like an RFB server ({@code RFB 003.008})
     * and then echoes every message, text or binary, so proxies can be tested end to end.
     */
    private boolean vncWebSocket(HttpServerRequest http) {
        java.util.regex.Matcher m = VNC_WEBSOCKET.matcher(http.path());
        if (!m.matches()) {
            return false;
        }
        String auth = http.getHeader("Authorization");
        if (auth == null || !auth.equals("PVEAPIToken=" + settings.tokenId() + "=" + settings.tokenSecret())) {
            http.response().setStatusCode(401).setStatusMessage("authentication failure").end();
            return true;
        }
        String ticket = http.getParam("vncticket");
        String port = http.getParam("port");
        String issued = ticket == null ? null : consoleTickets.remove(ticket);
        if (issued == null || !issued.equals(m.group(1) + "/" + m.group(3) + "/" + port)) {
            http.response().setStatusCode(401).setStatusMessage("permission denied - invalid vncticket").end();
            return true;
        }
        if (!"websocket".equalsIgnoreCase(http.getHeader("Upgrade"))) {
            http.response().setStatusCode(501).setStatusMessage("websocket upgrade required").end();
            return true;
        }
        http.toWebSocket().onSuccess(ws -> {
            ws.writeBinaryMessage(Buffer.buffer("RFB 003.008\n"));
            ws.binaryMessageHandler(ws::writeBinaryMessage);
            ws.textMessageHandler(ws::writeTextMessage);
        }).onFailure(e -> LOG.debugf(e, "vncwebsocket upgrade failed"));
        return true;
    }

    private void handle(HttpServerRequest http) {
        if (vncWebSocket(http)) {
            return;
        }
        http.body().onComplete(ar -> {
            if (ar.failed()) {
                LOG.debugf(ar.cause(), "request body of %s %s lost", http.method(), http.uri());
                return;
            }
            long delay = latencyMillis;
            if (delay > 0) {
                vertx.setTimer(delay, x -> answer(http, ar.result()));
            } else {
                answer(http, ar.result());
            }
        });
    }

    private void answer(HttpServerRequest http, Buffer body) {
        {
            try {
                double rate = errorRate;
                if (rate > 0 && java.util.concurrent.ThreadLocalRandom.current().nextDouble() < rate) {
                    // pmxcfs / pveproxy under load: the request did nothing and can be repeated.
                    throw new PveFail(500, "got timeout");
                }
                route(http, body);
            } catch (PveFail f) {
                fail(http, f.status, f.getMessage(), f.errors);
            } catch (RuntimeException | Error e) {
                LOG.warnf(e, "simulator bug on %s %s", http.method(), http.uri());
                if (!http.response().ended()) {
                    fail(http, 500, "internal simulator error: " + e, Map.of());
                }
            }
        }
    }

    private void route(HttpServerRequest http, Buffer body) {
        String rawPath = http.path();
        if (!rawPath.startsWith("/api2/json/")) {
            // PVE's own answer to a route it does not serve (HTTP 501 with this reason phrase).
            throw new PveFail(501, "Method '" + http.method() + " " + rawPath + "' not implemented");
        }
        String auth = http.getHeader("Authorization");
        if (auth == null) {
            http.response().setStatusCode(401).setStatusMessage("No ticket").putHeader("Connection", "close").end();
            return;
        }
        if (!auth.equals("PVEAPIToken=" + settings.tokenId() + "=" + settings.tokenSecret())) {
            http.response().setStatusCode(401).setStatusMessage("authentication failure").putHeader("Connection", "close").end();
            return;
        }
        List<String> path = new ArrayList<>();
        for (String seg : rawPath.substring("/api2/json/".length()).split("/")) {
            if (!seg.isEmpty()) {
                path.add(URLDecoder.decode(seg.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        String method = http.method().name();
        Map<String, String> params;
        boolean hasBody = body != null && body.length() > 0;
        if (method.equals("GET") || method.equals("DELETE")) {
            if (hasBody) {
                throw new PveFail(400, "simulator: " + method + " parameters belong in the query string, not the body");
            }
            params = formDecode(http.query());
        } else {
            if (http.query() != null && !http.query().isEmpty()) {
                throw new PveFail(400, "simulator: " + method + " parameters belong in the form body, not the query string");
            }
            String ct = http.getHeader("Content-Type");
            if (hasBody && (ct == null || !ct.startsWith("application/x-www-form-urlencoded"))) {
                throw new PveFail(415, "simulator: expected application/x-www-form-urlencoded, got " + ct);
            }
            params = formDecode(hasBody ? body.toString(StandardCharsets.UTF_8) : "");
        }
        Req req = new Req(http, method, path, params);
        String template = template(method, path);
        requestCounts.computeIfAbsent(method + " " + template, k -> new AtomicLong()).incrementAndGet();
        SimParams spec = SPECS.get(method + " " + template);
        if (spec == null && !params.isEmpty()) {
            spec = SimParams.of("");
        }
        if (spec != null) {
            Map<String, String> errors = spec.check(params);
            if (!errors.isEmpty()) {
                throw new PveFail(400, "Parameter verification failed.", errors);
            }
        }
        Object data = dispatch(req, template);
        ok(http, data);
    }

    /** The route with placeholders, as apidoc.json names it. */
    private static String template(String method, List<String> p) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < p.size(); i++) {
            String seg = p.get(i);
            String placeholder = null;
            if (i > 0 && p.get(0).equals("nodes")) {
                if (i == 1) {
                    placeholder = "{node}";
                } else if (i == 3 && (p.get(2).equals("qemu") || p.get(2).equals("lxc"))) {
                    placeholder = "{vmid}";
                } else if (i == 3 && p.get(2).equals("tasks")) {
                    placeholder = "{upid}";
                } else if (i == 3 && p.get(2).equals("storage")) {
                    placeholder = "{storage}";
                } else if (i == 5 && p.get(4).equals("snapshot")) {
                    placeholder = "{snapname}";
                } else if (i == 6 && p.get(5).equals("rules")) {
                    placeholder = "{pos}";
                }
            }
            sb.append('/').append(placeholder != null ? placeholder : seg);
        }
        return sb.toString();
    }

    private static Map<String, String> formDecode(String encoded) {
        Map<String, String> out = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return out;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (out.containsKey(k)) {
                throw new PveFail(400, "Parameter verification failed.", Map.of(k, "duplicate parameter"));
            }
            out.put(k, v);
        }
        return out;
    }

    private static void ok(HttpServerRequest http, Object data) {
        String body;
        if (data instanceof RawJson raw) {
            body = raw.json;
        } else {
            try {
                Map<String, Object> env = new LinkedHashMap<>();
                env.put("data", data);
                if (data instanceof Total t) {
                    env.put("data", t.items);
                    env.put("total", t.total);
                }
                body = JSON.writeValueAsString(env);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        http.response().setStatusCode(200).putHeader("Content-Type", "application/json;charset=UTF-8").end(body);
    }

    private static void fail(HttpServerRequest http, int status, String message, Map<String, String> errors) {
        Map<String, Object> env = new LinkedHashMap<>();
        if (!errors.isEmpty()) {
            env.put("errors", errors);
        }
        env.put("data", null);
        env.put("message", message + "\n");
        String body;
        try {
            body = JSON.writeValueAsString(env);
        } catch (IOException e) {
            body = "{\"data\":null}";
        }
        String reason = message.lines().findFirst().orElse("error");
        // pveproxy closes the connection after every error answer
        http.response().setStatusCode(status).setStatusMessage(reason).putHeader("Connection", "close")
                .putHeader("Content-Type", "application/json;charset=UTF-8").end(body);
    }

    private record RawJson(String json) {
    }

    private record Total(Object items, int total) {
    }

    // --- routing -------------------------------------------------------------------------

    private Object dispatch(Req r, String template) {
        List<String> p = r.path;
        String key = r.method + " " + template;
        switch (key) {
            case "GET /version":
                return Map.of("version", "9.1.2", "release", "9.1", "repoid", "7e1b5a3c");
            case "GET /nodes":
                return nodes();
            case "GET /cluster/resources":
                return clusterResources(r.params.get("type"));
            case "GET /cluster/nextid":
                return nextId(r.params.get("vmid"));
            case "GET /cluster/firewall/options":
                return Map.of("enable", Integer.parseInt(clusterFirewall.getOrDefault("enable", "0")), "policy_in", "DROP", "policy_out", "ACCEPT");
            case "PUT /cluster/firewall/options":
                clusterFirewall.putAll(r.params);
                return null;
            default:
                break;
        }
        if (p.isEmpty() || !p.get(0).equals("nodes") || p.size() < 3) {
            throw notImplemented(r);
        }
        String node = requireNode(p.get(1));
        switch (key) {
            case "GET /nodes/{node}/status":
                return nodeStatus(node);
            case "GET /nodes/{node}/rrddata":
                return rrd(r.params.get("timeframe"), true);
            case "GET /nodes/{node}/storage":
                return List.of(storage("local", "dir", "iso,vztmpl,backup"), storage("local-lvm", "lvmthin", "images,rootdir"));
            case "GET /nodes/{node}/storage/{storage}/content":
                return storageContent(p.get(3), r.params.get("content"));
            case "GET /nodes/{node}/tasks/{upid}/status":
                return taskStatus(p.get(3));
            case "GET /nodes/{node}/tasks/{upid}/log":
                return taskLog(p.get(3), r.params);
            case "POST /nodes/{node}/qemu":
            case "POST /nodes/{node}/lxc":
                return create(node, p.get(2), r.params);
            case "GET /nodes/{node}/qemu":
            case "GET /nodes/{node}/lxc":
                return guests.values().stream().filter(g -> g.node.equals(node) && g.type.equals(p.get(2))).map(this::listEntry).toList();
            default:
                break;
        }
        if (p.size() < 4 || !(p.get(2).equals("qemu") || p.get(2).equals("lxc"))) {
            throw notImplemented(r);
        }
        SimGuest g = requireGuest(node, p.get(2), p.get(3));
        synchronized (g) {
            return guestOp(r, template, g);
        }
    }

    private PveFail notImplemented(Req r) {
        // Unknown routes get PVE's own 501 text, so the adapter's error decoding is exercised as in production.
        return new PveFail(501, "Method '" + r.method + " /" + String.join("/", r.path) + "' not implemented");
    }

    private String requireNode(String node) {
        if (!settings.nodes().contains(node)) {
            throw new PveFail(500, "hostname lookup '" + node + "' failed - failed to get address info for: " + node
                    + ": Name or service not known");
        }
        return node;
    }

    private SimGuest requireGuest(String node, String type, String vmidText) {
        int vmid;
        try {
            vmid = Integer.parseInt(vmidText);
        } catch (NumberFormatException e) {
            throw new PveFail(400, "Parameter verification failed.", Map.of("vmid", "type check ('integer') failed - got '" + vmidText + "'"));
        }
        SimGuest g = guests.get(vmid);
        if (g == null || !g.node.equals(node) || !g.type.equals(type)) {
            throw new PveFail(500, "Configuration file 'nodes/" + node + "/" + (type.equals("qemu") ? "qemu-server" : "lxc") + "/"
                    + vmid + ".conf' does not exist");
        }
        return g;
    }

    private Object guestOp(Req r, String template, SimGuest g) {
        String op = template.substring(template.indexOf("{vmid}") + "{vmid}".length());
        Map<String, String> q = r.params;
        switch (r.method + " " + op) {
            case "GET /config":
                return config(g);
            case "POST /config":
            case "PUT /config":
                if (!g.qemu() && r.method.equals("POST")) {
                    throw notImplemented(r);
                }
                applyConfig(g, q);
                return r.method.equals("POST") ? task(g.node, "qmconfig", g.vmid, t -> "OK").upid : null;
            case "POST /clone":
                return cloneGuest(g, q);
            case "PUT /resize":
                return resize(g, q);
            case "GET /status/current":
                return current(g);
            case "DELETE ":
                return destroy(g);
            case "GET /snapshot":
                return snapshots(g);
            case "POST /snapshot":
                return snapshot(g, q);
            case "DELETE /snapshot/{snapname}":
                return deleteSnapshot(g, r.path.get(5));
            case "POST /snapshot/{snapname}/rollback":
                return rollback(g, r.path.get(5));
            case "GET /firewall/rules":
                return rules(g);
            case "POST /firewall/rules":
                return addRule(g, q);
            case "PUT /firewall/rules/{pos}":
                return updateRule(g, r.path.get(6), q);
            case "DELETE /firewall/rules/{pos}":
                return deleteRule(g, r.path.get(6), q);
            case "GET /firewall/options":
                return firewallOptions(g);
            case "PUT /firewall/options":
                checkFirewallDigest(g, q.get("digest"));
                q.forEach((k, v) -> {
                    if (!k.equals("digest")) {
                        g.firewallOptions.put(k, v);
                    }
                });
                g.rulesVersion++;
                return null;
            case "POST /migrate":
                return migrate(g, q);
            case "GET /rrddata":
                return rrd(q.get("timeframe"), false);
            case "POST /vncproxy":
                String vncTicket = "PVEVNC:" + Long.toHexString(System.currentTimeMillis() / 1000).toUpperCase(Locale.ROOT)
                        + "::" + UUID.randomUUID();
                consoleTickets.put(vncTicket, g.node + "/" + g.vmid + "/" + (5900 + g.vmid % 100));
                return Map.of("port", String.valueOf(5900 + g.vmid % 100), "ticket", vncTicket, "password", UUID.randomUUID().toString().substring(0, 8), "user", settings.tokenId(),
                        "upid", task(g.node, "vncproxy", g.vmid, t -> "OK").upid, "cert", "-----BEGIN CERTIFICATE-----\nsimulated\n-----END CERTIFICATE-----\n");
            case "POST /termproxy":
                return Map.of("port", 5900 + g.vmid % 100, "ticket", "PVEVNC:" + UUID.randomUUID(), "user", settings.tokenId(),
                        "upid", task(g.node, "vncproxy", g.vmid, t -> "OK").upid);
            default:
                break;
        }
        if (r.method.equals("POST") && op.startsWith("/status/")) {
            return power(g, op.substring("/status/".length()), q);
        }
        throw notImplemented(r);
    }

    // --- tasks ---------------------------------------------------------------------------

    /** Starts a task; {@code effect} runs when it ends and returns its exit status. */
    private SimTask task(String node, String type, Object id, Function<SimTask, String> effect) {
        long now = System.currentTimeMillis() / 1000;
        long pid = pids.incrementAndGet();
        String upid = String.format(Locale.ROOT, "UPID:%s:%08X:%08X:%08X:%s:%s:%s:", node, pid, (pid * 7919) & 0xFFFFFFFL,
                now, type, id, settings.tokenId());
        SimTask t = new SimTask(upid, node, pid, (pid * 7919) & 0xFFFFFFFL, now, type, String.valueOf(id), settings.tokenId());
        t.log("task started by " + settings.tokenId());
        tasks.put(upid, t);
        long ms = durationOf(type);
        vertx.setTimer(ms, id2 -> {
            String exit;
            try {
                exit = effect.apply(t);
            } catch (RuntimeException e) {
                exit = e.getMessage();
            }
            if (!"OK".equals(exit)) {
                t.log(exit.startsWith("WARNINGS") ? "end with warnings" : "TASK ERROR: " + exit);
            } else {
                t.log("TASK OK");
            }
            t.exitStatus = exit;
            t.running = false;
        });
        return t;
    }

    private Object taskStatus(String upid) {
        SimTask t = tasks.get(upid);
        if (t == null) {
            throw new PveFail(400, "Parameter verification failed.", Map.of("upid", "no such task"));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("upid", t.upid);
        m.put("node", t.node);
        m.put("pid", t.pid);
        m.put("pstart", t.pstart);
        m.put("starttime", t.starttime);
        m.put("type", t.type);
        m.put("id", t.id);
        m.put("user", t.user.substring(0, t.user.indexOf('!')));
        m.put("tokenid", t.user.substring(t.user.indexOf('!') + 1));
        m.put("status", t.running ? "running" : "stopped");
        if (!t.running) {
            m.put("exitstatus", t.exitStatus);
        }
        return m;
    }

    private Object taskLog(String upid, Map<String, String> q) {
        SimTask t = tasks.get(upid);
        if (t == null) {
            throw new PveFail(400, "Parameter verification failed.", Map.of("upid", "no such task"));
        }
        List<String> lines = t.lines();
        int start = Integer.parseInt(q.getOrDefault("start", "0"));
        int limit = Integer.parseInt(q.getOrDefault("limit", "50"));
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = start; i < Math.min(lines.size(), start + limit); i++) {
            out.add(Map.of("n", i + 1, "t", lines.get(i)));
        }
        return new Total(out, lines.size());
    }

    // --- cluster -------------------------------------------------------------------------

    private List<Map<String, Object>> nodes() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String n : settings.nodes()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("node", n);
            m.put("status", "online");
            m.put("cpu", 0.07);
            m.put("maxcpu", 32);
            m.put("mem", usedMem(n));
            m.put("maxmem", 256L << 30);
            m.put("uptime", (System.currentTimeMillis() - bootMillis) / 1000 + 86_400);
            m.put("ssl_fingerprint", fingerprintOf(n));
            m.put("level", "");
            out.add(m);
        }
        return out;
    }

    private static String fingerprintOf(String node) {
        String hex = SimGuest.sha1(node) + SimGuest.sha1(node + "x");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 64; i += 2) {
            if (sb.length() > 0) {
                sb.append(':');
            }
            sb.append(hex, i, i + 2);
        }
        return sb.toString().toUpperCase(Locale.ROOT);
    }

    private long usedMem(String node) {
        long used = 4L << 30;
        for (SimGuest g : guests.values()) {
            if (g.node.equals(node) && g.running()) {
                used += g.maxMemBytes() / 2;
            }
        }
        return used;
    }

    private Object nodeStatus(String node) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cpu", 0.07);
        m.put("cpuinfo", Map.of("cpus", 32, "cores", 16, "sockets", 1, "model", "Simulated EPYC 9124"));
        long used = usedMem(node);
        m.put("memory", Map.of("total", 256L << 30, "used", used, "free", (256L << 30) - used, "available", (256L << 30) - used));
        m.put("rootfs", Map.of("total", 100L << 30, "used", 12L << 30, "free", 88L << 30, "avail", 88L << 30));
        m.put("swap", Map.of("total", 8L << 30, "used", 0, "free", 8L << 30));
        // PVE sends the load average as strings
        m.put("loadavg", List.of("0.42", "0.37", "0.30"));
        m.put("uptime", (System.currentTimeMillis() - bootMillis) / 1000 + 86_400);
        m.put("pveversion", "pve-manager/9.1.2/7e1b5a3c");
        m.put("kversion", "Linux 6.14.11-4-pve #1 SMP PREEMPT_DYNAMIC");
        m.put("current-kernel", Map.of("release", "6.14.11-4-pve", "sysname", "Linux"));
        return m;
    }

    /** Written by a streaming generator: 10 000 guests must not cost a tree of maps. */
    private RawJson clusterResources(String type) {
        if (type != null && !Set.of("vm", "storage", "node", "sdn").contains(type)) {
            throw new PveFail(400, "Parameter verification failed.", Map.of("type", "value '" + type + "' does not have a value in the enumeration 'vm, storage, node, sdn'"));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + guests.size() * 320);
        try (JsonGenerator j = JSON.getFactory().createGenerator(out)) {
            j.writeStartObject();
            j.writeArrayFieldStart("data");
            if (type == null || type.equals("node")) {
                for (Map<String, Object> n : nodes()) {
                    j.writeStartObject();
                    j.writeStringField("id", "node/" + n.get("node"));
                    j.writeStringField("type", "node");
                    j.writeStringField("node", (String) n.get("node"));
                    j.writeStringField("status", "online");
                    j.writeNumberField("cpu", 0.07);
                    j.writeNumberField("maxcpu", 32);
                    j.writeNumberField("mem", (Long) n.get("mem"));
                    j.writeNumberField("maxmem", 256L << 30);
                    j.writeNumberField("disk", 120L << 30);
                    j.writeNumberField("maxdisk", 2048L << 30);
                    j.writeNumberField("uptime", (Long) n.get("uptime"));
                    j.writeEndObject();
                }
            }
            if (type == null || type.equals("storage")) {
                for (String n : settings.nodes()) {
                    for (String s : List.of("local", "local-lvm")) {
                        j.writeStartObject();
                        j.writeStringField("id", "storage/" + n + "/" + s);
                        j.writeStringField("type", "storage");
                        j.writeStringField("node", n);
                        j.writeStringField("storage", s);
                        j.writeStringField("status", "available");
                        j.writeNumberField("shared", 0);
                        j.writeNumberField("disk", 120L << 30);
                        j.writeNumberField("maxdisk", 2048L << 30);
                        j.writeEndObject();
                    }
                }
            }
            if (type == null || type.equals("vm")) {
                long now = System.currentTimeMillis();
                for (SimGuest g : guests.values()) {
                    j.writeStartObject();
                    j.writeStringField("id", g.type + "/" + g.vmid);
                    j.writeStringField("type", g.type);
                    j.writeStringField("node", g.node);
                    j.writeNumberField("vmid", g.vmid);
                    j.writeStringField("name", g.config.getOrDefault(g.qemu() ? "name" : "hostname", ""));
                    j.writeStringField("status", g.status);
                    j.writeNumberField("template", g.template() ? 1 : 0);
                    if (g.lock != null) {
                        j.writeStringField("lock", g.lock);
                    }
                    if (g.config.containsKey("tags")) {
                        j.writeStringField("tags", g.config.get("tags"));
                    }
                    j.writeNumberField("maxcpu", Integer.parseInt(g.config.getOrDefault("cores", "1")));
                    j.writeNumberField("cpu", g.running() ? cpuOf(g, now) : 0);
                    j.writeNumberField("maxmem", g.maxMemBytes());
                    j.writeNumberField("mem", g.running() ? g.maxMemBytes() / 2 : 0);
                    j.writeNumberField("maxdisk", g.maxDiskBytes());
                    j.writeNumberField("disk", 0);
                    long up = g.running() ? (now - g.startedAtMillis) / 1000 : 0;
                    j.writeNumberField("uptime", up);
                    // Counters since the guest started (reset by a restart, as in PVE): vmid KiB/s in, half out.
                    j.writeNumberField("netin", g.running() ? g.vmid * 1024L * Math.max(1, up) : 0);
                    j.writeNumberField("netout", g.running() ? g.vmid * 512L * Math.max(1, up) : 0);
                    j.writeNumberField("diskread", 0);
                    j.writeNumberField("diskwrite", 0);
                    j.writeEndObject();
                }
            }
            j.writeEndArray();
            j.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new RawJson(out.toString(StandardCharsets.UTF_8));
    }

    private Object nextId(String wanted) {
        if (wanted != null) {
            int id = Integer.parseInt(wanted);
            if (guests.containsKey(id)) {
                throw new PveFail(400, "Parameter verification failed.", Map.of("vmid", "VM " + id + " already exists"));
            }
            return String.valueOf(id);
        }
        int id = 100;
        while (guests.containsKey(id)) {
            id++;
        }
        // typed integer, sent as a string: clients must cope
        return String.valueOf(id);
    }

    private static Map<String, Object> storage(String name, String type, String content) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("storage", name);
        m.put("type", type);
        m.put("content", content);
        m.put("active", 1);
        m.put("enabled", 1);
        m.put("shared", 0);
        m.put("total", 2048L << 30);
        m.put("used", 120L << 30);
        m.put("avail", 1928L << 30);
        m.put("used_fraction", 0.0586);
        return m;
    }

    private static final List<String[]> VOLUMES = List.of(
            new String[] {"local", "vztmpl", "local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst", "tzst", "126322345"},
            new String[] {"local", "vztmpl", "local:vztmpl/ubuntu-24.04-standard_24.04-2_amd64.tar.zst", "tzst", "141284352"},
            new String[] {"local", "iso", "local:iso/debian-12.7.0-amd64-netinst.iso", "iso", "661651456"});

    private Object storageContent(String storage, String content) {
        if (!storage.equals("local") && !storage.equals("local-lvm")) {
            throw new PveFail(500, "storage '" + storage + "' does not exist");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (String[] v : VOLUMES) {
            if (v[0].equals(storage) && (content == null || content.equals(v[1]))) {
                // size as a string on purpose: PVE's Perl sometimes does that
                out.add(Map.of("volid", v[2], "content", v[1], "format", v[3], "size", v[4], "ctime", 1_720_000_000));
            }
        }
        return out;
    }

    private List<Map<String, Object>> rrd(String timeframe, boolean node) {
        int step = switch (timeframe == null ? "" : timeframe) {
            case "hour" -> 60;
            case "day" -> 1800;
            case "week" -> 10800;
            case "month" -> 43200;
            case "year" -> 604800;
            default -> throw new PveFail(400, "Parameter verification failed.",
                    Map.of("timeframe", "value '" + timeframe + "' does not have a value in the enumeration 'hour, day, week, month, year, decade'"));
        };
        long end = System.currentTimeMillis() / 1000 / step * step;
        List<Map<String, Object>> out = new ArrayList<>(70);
        for (int i = 69; i >= 0; i--) {
            Map<String, Object> m = new LinkedHashMap<>();
            long t = end - (long) i * step;
            m.put("time", t);
            if (i != 0) { // the newest point is still incomplete, as in PVE
                double wave = (Math.sin(t / 600.0) + 1) / 2;
                m.put("cpu", 0.05 + 0.3 * wave);
                m.put(node ? "memused" : "mem", (long) ((1L << 30) * (0.5 + wave / 2)));
                m.put(node ? "memtotal" : "maxmem", 2L << 30);
                m.put("netin", 1000 + 5000 * wave);
                m.put("netout", 800 + 3000 * wave);
                m.put("diskread", 100 * wave);
                m.put("diskwrite", 300 * wave);
            }
            out.add(m);
        }
        return out;
    }

    // --- guests --------------------------------------------------------------------------

    private Map<String, Object> listEntry(SimGuest g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("vmid", g.vmid);
        m.put("name", g.config.getOrDefault(g.qemu() ? "name" : "hostname", ""));
        m.put("status", g.status);
        m.put("template", g.template() ? 1 : 0);
        if (g.lock != null) {
            m.put("lock", g.lock);
        }
        return m;
    }

    private Map<String, Object> config(SimGuest g) {
        Map<String, Object> m = new LinkedHashMap<>(g.config);
        if (g.lock != null) {
            m.put("lock", g.lock);
        }
        for (String numeric : List.of("cores", "sockets", "template", "swap", "unprivileged")) {
            if (m.get(numeric) instanceof String s && s.matches("\\d+")) {
                m.put(numeric, Integer.parseInt(s));
            }
        }
        if (!g.qemu() && m.get("memory") instanceof String s && s.matches("\\d+")) {
            m.put("memory", Integer.parseInt(s));
        }
        m.put("digest", g.digest());
        return m;
    }

    private void checkLock(SimGuest g) {
        if (g.lock != null) {
            throw new PveFail(500, g.kind() + " is locked (" + g.lock + ")");
        }
    }

    private void checkDigest(SimGuest g, String digest) {
        if (digest != null && !digest.equals(g.digest())) {
            throw new PveFail(500, "detected modified configuration - file changed by other user? Try again.");
        }
    }

    private void applyConfig(SimGuest g, Map<String, String> q) {
        checkLock(g);
        checkDigest(g, q.get("digest"));
        Map<String, String> errors = validateValues(g.qemu(), q);
        if (!errors.isEmpty()) {
            throw new PveFail(400, "Parameter verification failed.", errors);
        }
        String delete = q.get("delete");
        if (delete != null) {
            for (String k : delete.split("[,;\\s]+")) {
                if (q.containsKey(k)) {
                    throw new PveFail(400, "Parameter verification failed.", Map.of("delete", "cannot set and delete '" + k + "' at the same time"));
                }
                g.config.remove(k);
            }
        }
        q.forEach((k, v) -> {
            if (!Set.of("digest", "delete", "revert", "skiplock", "background_delay").contains(k)) {
                g.config.put(k, v);
            }
        });
    }

    /** Value checks PVE's format validators would do on the values the adapter sends. */
    private static Map<String, String> validateValues(boolean qemu, Map<String, String> q) {
        Map<String, String> errors = new LinkedHashMap<>();
        String tags = q.get("tags");
        if (tags != null) {
            for (String t : tags.split("[;,\\s]+")) {
                if (!t.isEmpty() && !TAG.matcher(t).matches()) {
                    errors.put("tags", "invalid format - invalid tag '" + t + "'");
                }
            }
        }
        String sshkeys = q.get("sshkeys");
        if (sshkeys != null) {
            if (!qemu) {
                errors.put("sshkeys", "property is not defined in schema and the schema does not allow additional properties");
            } else if (sshkeys.matches(".*[\\s].*")) {
                // PVE stores the value as sent: it must arrive still percent-encoded
                errors.put("sshkeys", "invalid urlencoded string: " + sshkeys.split("\\s")[0] + "...");
            } else {
                String decoded;
                try {
                    decoded = URLDecoder.decode(sshkeys.replace("+", "%2B"), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    decoded = "";
                }
                for (String key : decoded.split("\n")) {
                    if (!key.matches("(ssh-(rsa|ed25519|dss)|ecdsa-sha2-nistp\\d+|sk-\\S+) [A-Za-z0-9+/=]+( .*)?")) {
                        errors.put("sshkeys", "invalid format - invalid SSH key '" + key + "'");
                    }
                }
            }
        }
        for (String dns : List.of(qemu ? "name" : "hostname")) {
            String v = q.get(dns);
            if (v != null && !v.matches("[A-Za-z0-9]([A-Za-z0-9.\\-]{0,61}[A-Za-z0-9])?")) {
                errors.put(dns, "invalid format - value does not look like a valid DNS name");
            }
        }
        String memory = q.get("memory");
        if (memory != null && !memory.matches("(current=)?\\d+")) {
            errors.put("memory", "invalid format - value '" + memory + "' does not look like a memory size");
        }
        return errors;
    }

    private Object create(String node, String type, Map<String, String> q) {
        int vmid = Integer.parseInt(q.get("vmid"));
        String kind = type.equals("qemu") ? "VM" : "CT";
        SimGuest existing = guests.get(vmid);
        if (existing != null) {
            throw new PveFail(500, "unable to create " + kind + " " + vmid + " - " + kind + " " + vmid
                    + " already exists on node '" + existing.node + "'");
        }
        Map<String, String> errors = validateValues(type.equals("qemu"), q);
        if (!errors.isEmpty()) {
            throw new PveFail(400, "Parameter verification failed.", errors);
        }
        if (type.equals("lxc")) {
            String tpl = q.get("ostemplate");
            if (VOLUMES.stream().noneMatch(v -> v[2].equals(tpl))) {
                throw new PveFail(500, "volume '" + tpl + "' does not exist");
            }
        }
        SimGuest g = new SimGuest(vmid, type, node);
        g.lock = "create";
        q.forEach((k, v) -> {
            if (!Set.of("vmid", "start", "storage", "pool", "ostemplate", "password", "ssh-public-keys").contains(k)) {
                g.config.put(k, v);
            }
        });
        String disk = type.equals("qemu") ? "scsi0" : "rootfs";
        String volume = g.config.get(disk);
        if (volume != null) {
            Matcher m = Pattern.compile("^([^:]+):(\\d+)$").matcher(volume);
            if (m.matches()) {
                g.config.put(disk, m.group(1) + ":vm-" + vmid + "-disk-0,size=" + m.group(2) + "G");
            }
        }
        // create claims the vmid synchronously: the config exists (locked) before the answer
        guests.put(vmid, g);
        boolean start = "1".equals(q.get("start"));
        return task(node, type.equals("qemu") ? "qmcreate" : "vzcreate", vmid, t -> {
            synchronized (g) {
                g.lock = null;
                if (start) {
                    markRunning(g);
                }
            }
            return type.equals("lxc") ? "WARNINGS: 1" : "OK";
        }).upid;
    }

    private Object cloneGuest(SimGuest src, Map<String, String> q) {
        int newid = Integer.parseInt(q.get("newid"));
        String target = q.getOrDefault("target", src.node);
        requireNode(target);
        if (src.lock != null && !src.lock.equals("clone")) {
            checkLock(src);
        }
        SimGuest existing = guests.get(newid);
        if (existing != null) {
            throw new PveFail(500, src.kind() + " " + newid + " already exists on node '" + existing.node + "'");
        }
        if ("0".equals(q.get("full")) && !src.template()) {
            throw new PveFail(500, "Linked clone feature is not supported for drive 'scsi0'");
        }
        if (q.containsKey("storage") && !"1".equals(q.get("full")) && src.template()) {
            throw new PveFail(400, "Parameter verification failed.", Map.of("storage", "storage migration requires a full clone"));
        }
        Map<String, String> errors = validateValues(src.qemu(), Map.of(src.qemu() ? "name" : "hostname",
                q.getOrDefault(src.qemu() ? "name" : "hostname", "clone")));
        if (!errors.isEmpty()) {
            throw new PveFail(400, "Parameter verification failed.", errors);
        }
        Map<String, String> baseConfig;
        synchronized (src) {
            baseConfig = new LinkedHashMap<>(src.config);
        }
        // PVE writes the new config inside the worker: until then nextid still offers this id,
        // and a second clone to the same id fails inside its task, as on a real cluster.
        long reserveAfter = Math.max(1, durationOf(src.qemu() ? "qmclone" : "vzclone") / 2);
        SimGuest[] created = new SimGuest[1];
        String[] lost = new String[1];
        vertx.setTimer(reserveAfter, x -> {
            SimGuest g = new SimGuest(newid, src.type, target);
            g.config.putAll(baseConfig);
            g.config.remove("template");
            g.config.remove("tags");
            g.config.remove("description");
            if (q.containsKey("name")) {
                g.config.put("name", q.get("name"));
            }
            if (q.containsKey("hostname")) {
                g.config.put("hostname", q.get("hostname"));
            }
            if (q.containsKey("description")) {
                g.config.put("description", q.get("description"));
            }
            String disk = g.qemu() ? "scsi0" : "rootfs";
            if (g.config.containsKey(disk)) {
                g.config.put(disk, g.config.get(disk).replaceAll("(base|vm)-\\d+-disk", "vm-" + newid + "-disk"));
            }
            g.lock = "clone";
            if (guests.putIfAbsent(newid, g) == null) {
                created[0] = g;
            } else {
                lost[0] = "unable to create " + src.kind() + " " + newid + ": config file already exists";
            }
        });
        return task(src.node, src.qemu() ? "qmclone" : "vzclone", src.vmid, t -> {
            if (lost[0] != null) {
                return lost[0];
            }
            if (created[0] == null) {
                return "clone failed: worker did not start";
            }
            synchronized (created[0]) {
                created[0].lock = null;
            }
            return "OK";
        }).upid;
    }

    private Object resize(SimGuest g, Map<String, String> q) {
        checkLock(g);
        checkDigest(g, q.get("digest"));
        String disk = q.get("disk");
        String current = g.config.get(disk);
        if (current == null) {
            throw new PveFail(500, "disk '" + disk + "' does not exist");
        }
        Matcher m = SIZE.matcher(q.get("size"));
        if (!m.matches()) {
            throw new PveFail(400, "Parameter verification failed.", Map.of("size", "value does not match the regex pattern"));
        }
        long n = Long.parseLong(m.group(2));
        // PVE reads a bare number as bytes; Proxima only ever sends whole GiB
        long gib = switch (m.group(3)) {
            case "T" -> n * 1024;
            case "G" -> n;
            case "M" -> n / 1024;
            default -> 0;
        };
        long currentGib = g.maxDiskBytes() >> 30;
        long newGib = m.group(1) != null ? currentGib + gib : gib;
        boolean shrink = newGib < currentGib;
        long finalGib = newGib;
        return task(g.node, "resize", g.vmid, t -> {
            if (shrink) {
                return "shrinking disks is not supported";
            }
            synchronized (g) {
                String v = g.config.get(disk);
                g.config.put(disk, v.contains("size=") ? v.replaceAll("size=\\d+G", "size=" + finalGib + "G") : v + ",size=" + finalGib + "G");
            }
            return "OK";
        }).upid;
    }

    private Map<String, Object> current(SimGuest g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("vmid", g.vmid);
        m.put("name", g.config.getOrDefault(g.qemu() ? "name" : "hostname", ""));
        m.put("status", g.status);
        if (g.qemu()) {
            m.put("qmpstatus", g.qmpStatus);
            m.put("agent", 1);
        }
        if (g.lock != null) {
            m.put("lock", g.lock);
        }
        if (g.config.containsKey("tags")) {
            m.put("tags", g.config.get("tags"));
        }
        m.put("template", g.template() ? 1 : 0);
        // cpus as a string here: the adapter must tolerate it
        m.put("cpus", g.config.getOrDefault("cores", "1"));
        m.put("cpu", g.running() ? 0.03 : 0);
        m.put("maxmem", g.maxMemBytes());
        m.put("mem", g.running() ? g.maxMemBytes() / 2 : 0);
        m.put("maxdisk", g.maxDiskBytes());
        m.put("uptime", g.running() ? (System.currentTimeMillis() - g.startedAtMillis) / 1000 : 0);
        m.put("netin", g.running() ? 123456 : 0);
        m.put("netout", g.running() ? 65432 : 0);
        m.put("diskread", 0);
        m.put("diskwrite", 0);
        return m;
    }

    private static void markRunning(SimGuest g) {
        g.status = "running";
        g.qmpStatus = "running";
        g.startedAtMillis = System.currentTimeMillis();
    }

    private static void markStopped(SimGuest g) {
        g.status = "stopped";
        g.qmpStatus = "stopped";
    }

    private Object power(SimGuest g, String action, Map<String, String> q) {
        checkLock(g);
        if (g.template()) {
            throw new PveFail(500, g.kind() + " " + g.vmid + " is a template - cannot " + action);
        }
        String kind = g.kind();
        boolean paused = g.qemu() && g.qmpStatus.equals("paused");
        String prefix = g.qemu() ? "qm" : "vz";
        switch (action) {
            case "start":
                if (g.running() && !g.qemu()) {
                    throw new PveFail(500, "CT " + g.vmid + " already running");
                }
                // QEMU: the task, not the call, fails on a running VM
                return task(g.node, prefix + "start", g.vmid, t -> {
                    synchronized (g) {
                        if (g.running()) {
                            return "VM " + g.vmid + " already running";
                        }
                        markRunning(g);
                        return "OK";
                    }
                }).upid;
            case "stop":
            case "shutdown":
                if (!g.running() && !g.qemu()) {
                    throw new PveFail(500, "CT " + g.vmid + " not running");
                }
                if (action.equals("shutdown") && paused && !"1".equals(q.get("forceStop"))) {
                    throw new PveFail(500, "VM is paused - cannot shutdown");
                }
                return task(g.node, prefix + action, g.vmid, t -> {
                    synchronized (g) {
                        markStopped(g);
                    }
                    return "OK";
                }).upid;
            case "reboot":
            case "suspend":
            case "resume":
            case "reset":
                if (action.equals("reset") && !g.qemu()) {
                    // PVE has no reset for containers and answers with this 501.
                    throw new PveFail(501, "Method 'POST /nodes/" + g.node + "/lxc/" + g.vmid + "/status/reset' not implemented");
                }
                if (!g.running()) {
                    throw new PveFail(500, kind + " " + g.vmid + " not running");
                }
                String taskType = switch (action) {
                    case "suspend" -> g.qemu() ? "qmpause" : "vzsuspend";
                    default -> prefix + action;
                };
                return task(g.node, taskType, g.vmid, t -> {
                    synchronized (g) {
                        switch (action) {
                            case "suspend" -> g.qmpStatus = "paused";
                            case "resume" -> g.qmpStatus = "running";
                            default -> markRunning(g);
                        }
                    }
                    return "OK";
                }).upid;
            default:
                // PVE's exact 501 answer for an action the guest type does not offer.
                throw new PveFail(501, "Method 'POST /nodes/" + g.node + "/" + g.type + "/" + g.vmid + "/status/" + action + "' not implemented");
        }
    }

    private Object destroy(SimGuest g) {
        checkLock(g);
        if (g.running()) {
            throw new PveFail(500, g.kind() + " " + g.vmid + " is running - destroy failed");
        }
        g.lock = "destroyed";
        return task(g.node, g.qemu() ? "qmdestroy" : "vzdestroy", g.vmid, t -> {
            guests.remove(g.vmid, g);
            return "OK";
        }).upid;
    }

    private Object snapshots(SimGuest g) {
        List<Map<String, Object>> out = new ArrayList<>();
        String parent = null;
        for (SimGuest.Snap s : g.snapshots) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", s.name());
            m.put("description", s.description());
            m.put("snaptime", s.snaptime());
            if (s.parent() != null) {
                m.put("parent", s.parent());
            }
            if (g.qemu()) {
                m.put("vmstate", 0);
            }
            out.add(m);
            parent = s.name();
        }
        Map<String, Object> current = new LinkedHashMap<>();
        current.put("name", "current");
        current.put("description", "You are here!");
        if (parent != null) {
            current.put("parent", parent);
        }
        if (g.running()) {
            current.put("running", 1);
        }
        out.add(current);
        return out;
    }

    private Object snapshot(SimGuest g, Map<String, String> q) {
        checkLock(g);
        String name = q.get("snapname");
        if (!name.matches("(?i)[a-z][a-z0-9_\\-]+") || name.length() > 40 || name.equals("current") || name.equals("pending")) {
            throw new PveFail(400, "Parameter verification failed.", Map.of("snapname", "invalid format - invalid configuration ID '" + name + "'"));
        }
        if (g.snapshots.stream().anyMatch(s -> s.name().equals(name))) {
            throw new PveFail(500, "snapshot name '" + name + "' already used");
        }
        g.lock = "snapshot";
        String parent = g.snapshots.isEmpty() ? null : g.snapshots.get(g.snapshots.size() - 1).name();
        Map<String, String> copy = new LinkedHashMap<>(g.config);
        return task(g.node, g.qemu() ? "qmsnapshot" : "vzsnapshot", g.vmid, t -> {
            synchronized (g) {
                g.snapshots.add(new SimGuest.Snap(name, q.getOrDefault("description", ""), System.currentTimeMillis() / 1000, parent, copy));
                g.lock = null;
            }
            return "OK";
        }).upid;
    }

    private SimGuest.Snap requireSnapshot(SimGuest g, String name) {
        return g.snapshots.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new PveFail(500, "snapshot '" + name + "' does not exist"));
    }

    private Object deleteSnapshot(SimGuest g, String name) {
        checkLock(g);
        SimGuest.Snap s = requireSnapshot(g, name);
        g.lock = "snapshot-delete";
        return task(g.node, g.qemu() ? "qmdelsnapshot" : "vzdelsnapshot", g.vmid, t -> {
            synchronized (g) {
                g.snapshots.remove(s);
                g.lock = null;
            }
            return "OK";
        }).upid;
    }

    private Object rollback(SimGuest g, String name) {
        checkLock(g);
        SimGuest.Snap s = requireSnapshot(g, name);
        g.lock = "rollback";
        return task(g.node, g.qemu() ? "qmrollback" : "vzrollback", g.vmid, t -> {
            synchronized (g) {
                g.config.clear();
                g.config.putAll(s.config());
                // a snapshot without RAM state leaves the guest stopped
                markStopped(g);
                g.lock = null;
            }
            return "OK";
        }).upid;
    }

    private List<Map<String, Object>> rules(SimGuest g) {
        List<Map<String, Object>> out = new ArrayList<>();
        String digest = g.rulesDigest();
        for (int i = 0; i < g.rules.size(); i++) {
            Map<String, Object> m = new LinkedHashMap<>(g.rules.get(i));
            m.put("pos", i);
            m.put("enable", Integer.parseInt(g.rules.get(i).getOrDefault("enable", "0")));
            m.put("digest", digest);
            out.add(m);
        }
        return out;
    }

    private void checkFirewallDigest(SimGuest g, String digest) {
        if (digest != null && !digest.equals(g.rulesDigest())) {
            throw new PveFail(500, "detected modified configuration - file changed by other user? Try again.");
        }
    }

    private Object addRule(SimGuest g, Map<String, String> q) {
        checkFirewallDigest(g, q.get("digest"));
        if (!Set.of("in", "out", "forward", "group").contains(q.get("type"))) {
            throw new PveFail(400, "Parameter verification failed.", Map.of("type", "value '" + q.get("type") + "' does not have a value in the enumeration 'in, out, forward, group'"));
        }
        Map<String, String> rule = new LinkedHashMap<>(q);
        rule.remove("digest");
        rule.remove("pos");
        // PVE inserts new rules at the top, disabled unless enable=1
        g.rules.add(0, rule);
        g.rulesVersion++;
        return null;
    }

    private int requirePos(SimGuest g, String pos) {
        int p = Integer.parseInt(pos);
        if (p < 0 || p >= g.rules.size()) {
            throw new PveFail(500, "no rule at position " + p);
        }
        return p;
    }

    private Object updateRule(SimGuest g, String pos, Map<String, String> q) {
        checkFirewallDigest(g, q.get("digest"));
        int p = requirePos(g, pos);
        Map<String, String> rule = g.rules.get(p);
        if (q.get("moveto") != null) {
            // PVE: the rule goes before the one now at moveto (last when past the end); nothing else changes
            int to = Integer.parseInt(q.get("moveto"));
            List<Map<String, String>> moved = new ArrayList<>();
            for (int i = 0; i < g.rules.size(); i++) {
                if (i == to) {
                    moved.add(rule);
                }
                if (i != p) {
                    moved.add(g.rules.get(i));
                }
            }
            if (to >= g.rules.size()) {
                moved.add(rule);
            }
            g.rules.clear();
            g.rules.addAll(moved);
            g.rulesVersion++;
            return null;
        }
        String delete = q.get("delete");
        if (delete != null) {
            for (String k : delete.split(",")) {
                rule.remove(k);
            }
        }
        q.forEach((k, v) -> {
            if (!Set.of("digest", "delete", "moveto").contains(k)) {
                rule.put(k, v);
            }
        });
        g.rulesVersion++;
        return null;
    }

    private Object deleteRule(SimGuest g, String pos, Map<String, String> q) {
        checkFirewallDigest(g, q.get("digest"));
        g.rules.remove(requirePos(g, pos));
        g.rulesVersion++;
        return null;
    }

    private Object firewallOptions(SimGuest g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enable", Integer.parseInt(g.firewallOptions.getOrDefault("enable", "0")));
        m.put("policy_in", g.firewallOptions.getOrDefault("policy_in", "DROP"));
        m.put("policy_out", g.firewallOptions.getOrDefault("policy_out", "ACCEPT"));
        m.put("ipfilter", Integer.parseInt(g.firewallOptions.getOrDefault("ipfilter", "0")));
        m.put("macfilter", Integer.parseInt(g.firewallOptions.getOrDefault("macfilter", "1")));
        m.put("digest", g.rulesDigest());
        return m;
    }

    private Object migrate(SimGuest g, Map<String, String> q) {
        checkLock(g);
        String target = requireNode(q.get("target"));
        if (target.equals(g.node)) {
            throw new PveFail(400, "Parameter verification failed.", Map.of("target", "target is local node."));
        }
        if (g.running() && g.qemu() && !"1".equals(q.get("online"))) {
            throw new PveFail(500, "can't migrate running VM without --online");
        }
        if (g.running() && !g.qemu()) {
            if ("1".equals(q.get("online"))) {
                // PVE's own refusal text: LXC guests cannot migrate online, only in restart mode.
                throw new PveFail(500, "lxc live migration is currently not implemented");
            }
            if (!"1".equals(q.get("restart"))) {
                throw new PveFail(500, "CT is running - use online or restart migration");
            }
        }
        g.lock = "migrate";
        String from = g.node;
        return task(from, g.qemu() ? "qmigrate" : "vzmigrate", g.vmid, t -> {
            synchronized (g) {
                g.node = target;
                g.lock = null;
            }
            t.log("migration finished successfully (from " + from + " to " + target + ")");
            return "OK";
        }).upid;
    }

    /** For tests and the bench: how long tasks run. */
    public Duration taskDuration() {
        return settings.taskDuration();
    }
}
