package io.proxima.application.user.service;

import io.proxima.application.audit.AuditEvent;
import io.proxima.application.audit.port.in.AuditLog;
import io.proxima.application.shared.AfterCommit;
import io.proxima.application.shared.Page;
import io.proxima.application.shared.PageRequest;
import io.proxima.application.shared.port.out.SecretCipher;
import io.proxima.application.user.IdentitySettings;
import io.proxima.application.user.port.in.UserSearch;
import io.proxima.application.user.port.out.PasswordHasher;
import io.proxima.application.user.port.out.RecoveryCodeRepository;
import io.proxima.application.user.port.out.SessionRepository;
import io.proxima.application.user.port.out.TokenIssuer;
import io.proxima.application.user.port.out.TotpCodes;
import io.proxima.application.user.port.out.UserRepository;
import io.proxima.domain.user.AuthenticationException;
import io.proxima.domain.user.RecoveryCode;
import io.proxima.domain.user.RefreshToken;
import io.proxima.domain.user.Role;
import io.proxima.domain.user.User;
import io.proxima.domain.user.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/** In-memory fakes of the identity out-ports, wired into real services. */
final class InMemoryIdentity {

    final MutableClock clock = new MutableClock();
    final Users users = new Users();
    final Sessions2 sessionRepo = new Sessions2();
    final FakeHasher hasher = new FakeHasher();
    final List<AuditEvent> audit = new ArrayList<>();
    final IdentitySettings settings = IdentitySettings.defaults();
    final RevocationCache cache = new RevocationCache(settings);
    final Sessions sessions = new Sessions(sessionRepo, new FakeIssuer(), settings, cache, AfterCommit.immediate());
    final Codes codes = new Codes();
    final List<io.proxima.application.mail.port.out.OutgoingMail> mails = new ArrayList<>();
    final Attempts attempts = new Attempts();
    final LoginThrottle throttle = new LoginThrottle(attempts, new NoCaller(),
            new CodeMailer(codes, mails::add, AfterCommit.immediate()), codes, settings);
    final SessionService sessionService = new SessionService(users, sessionRepo, sessions, hasher, new NoTotp(),
            new PlainCipher(), new NoRecovery(), new Audit(), clock, settings, throttle);

    /** One-time codes, newest last. */
    static final class Codes implements io.proxima.application.user.port.out.OneTimeCodeRepository {
        final List<io.proxima.domain.user.OneTimeCode> all = new ArrayList<>();

        @Override
        public void save(io.proxima.domain.user.OneTimeCode code) {
            all.removeIf(c -> c.id().equals(code.id()));
            all.add(code);
        }

        @Override
        public Optional<io.proxima.domain.user.OneTimeCode> findLatest(UserId userId, io.proxima.domain.user.OneTimeCode.Purpose purpose) {
            return all.stream().filter(c -> c.userId().equals(userId) && c.purpose() == purpose)
                    .reduce((a, b) -> b);
        }

        @Override
        public void consumeAll(UserId userId, io.proxima.domain.user.OneTimeCode.Purpose purpose, Instant now) {
            // replaced codes are simply superseded by the newest one here
        }
    }

    static final class Attempts implements io.proxima.application.user.port.out.AttemptCounter {
        final Map<String, Integer> failures = new HashMap<>();
        final Map<String, Instant> locks = new HashMap<>();

        @Override
        public int increment(String key, Instant now) {
            return failures.merge(key, 1, Integer::sum);
        }

        @Override
        public void lockUntil(String key, Instant until) {
            locks.put(key, until);
        }

        @Override
        public Optional<Instant> lockedUntil(String key) {
            return Optional.ofNullable(locks.get(key));
        }

        @Override
        public void clear(String key) {
            failures.remove(key);
            locks.remove(key);
        }

        @Override
        public int purge(Instant before) {
            return 0;
        }
    }

    static final class NoCaller implements io.proxima.application.audit.port.out.CallerContext {
        @Override
        public Optional<UUID> userId() {
            return Optional.empty();
        }

        @Override
        public Optional<String> ipAddress() {
            return Optional.of("192.0.2.1");
        }

        @Override
        public Optional<String> userAgent() {
            return Optional.empty();
        }
    }

    User activeUser(String username, String password) {
        User u = User.register(UserId.random(), username, username + "@example.test", null, null,
                hasher.hash(password), Role.USER, false, clock.instant());
        users.save(u);
        return u;
    }

    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2025-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final class Audit implements AuditLog {
        @Override
        public void record(AuditEvent event) {
            audit.add(event);
        }

        @Override
        public void recordSeparately(AuditEvent event) {
            audit.add(event);
        }
    }

    /** Hashes look like {@code fake:<cost>:<password>}; the cost is the "parameters". */
    static final class FakeHasher implements PasswordHasher {
        int cost = 2;
        int verifications;
        int dummyVerifications;

        @Override
        public String hash(String password) {
            return "fake:" + cost + ":" + password;
        }

        @Override
        public boolean verify(String password, String hash) {
            verifications++;
            return hash.endsWith(":" + password);
        }

        @Override
        public boolean needsRehash(String hash) {
            return !hash.startsWith("fake:" + cost + ":");
        }

        @Override
        public void verifyDummy(String password) {
            dummyVerifications++;
        }
    }

    static final class FakeIssuer implements TokenIssuer {
        final Map<String, AccessClaims> issued = new HashMap<>();

        @Override
        public String sign(AccessClaims claims) {
            String t = "jwt-" + claims.jti();
            issued.put(t, claims);
            return t;
        }

        @Override
        public AccessClaims verify(String token) {
            AccessClaims c = issued.get(token);
            if (c == null) {
                throw AuthenticationException.tokenInvalid();
            }
            return c;
        }
    }

    static final class Users implements UserRepository {
        final Map<UserId, User> byId = new HashMap<>();

        @Override
        public Optional<User> findById(UserId id) {
            return Optional.ofNullable(byId.get(id));
        }

        @Override
        public Optional<User> findByLogin(String login) {
            return byId.values().stream().filter(u -> u.username().equalsIgnoreCase(login) || u.email().equalsIgnoreCase(login)).findFirst();
        }

        @Override
        public Optional<User> findByEmail(String email) {
            return byId.values().stream().filter(u -> u.email().equalsIgnoreCase(email)).findFirst();
        }

        @Override
        public boolean usernameTaken(String username, UserId except) {
            return byId.values().stream().anyMatch(u -> u.username().equalsIgnoreCase(username) && !u.id().equals(except));
        }

        @Override
        public boolean emailTaken(String email, UserId except) {
            return byId.values().stream().anyMatch(u -> u.email().equalsIgnoreCase(email) && !u.id().equals(except));
        }

        @Override
        public void save(User user) {
            byId.put(user.id(), user);
        }

        @Override
        public void saveLoginState(User user) {
            byId.put(user.id(), user);
        }

        @Override
        public boolean activeAdminExists() {
            return byId.values().stream().anyMatch(u -> u.role() == Role.ADMIN && !u.isDeleted());
        }

        @Override
        public void lockAdminBootstrap() {
        }

        @Override
        public Page<User> search(UserSearch search, PageRequest page) {
            return new Page<>(List.copyOf(byId.values()), page, byId.size());
        }
    }

    static final class Sessions2 implements SessionRepository {
        final Map<UUID, UserId> families = new HashMap<>();
        final Set<UUID> revokedFamilies = new HashSet<>();
        final Map<String, RefreshToken> tokens = new HashMap<>();
        final Set<UUID> revokedJtis = new HashSet<>();

        @Override
        public void createFamily(UUID familyId, UserId userId, Instant now) {
            families.put(familyId, userId);
        }

        @Override
        public void save(RefreshToken token) {
            tokens.put(token.tokenHash(), token);
        }

        @Override
        public boolean markRotated(UUID tokenId, Instant now) {
            for (RefreshToken t : tokens.values()) {
                if (t.id().equals(tokenId)) {
                    if (t.rotatedAt() != null) {
                        return false;
                    }
                    t.markRotated(now);
                    return true;
                }
            }
            return false;
        }

        @Override
        public Optional<RefreshToken> findByHash(String tokenHash) {
            return Optional.ofNullable(tokens.get(tokenHash));
        }

        @Override
        public boolean isFamilyRevoked(UUID familyId) {
            return revokedFamilies.contains(familyId);
        }

        @Override
        public boolean revokeFamily(UUID familyId, String reason, Instant now) {
            return revokedFamilies.add(familyId);
        }

        @Override
        public int revokeAllFamilies(UserId userId, UUID keep, String reason, Instant now) {
            int n = 0;
            for (Map.Entry<UUID, UserId> f : families.entrySet()) {
                if (f.getValue().equals(userId) && !f.getKey().equals(keep) && revokedFamilies.add(f.getKey())) {
                    n++;
                }
            }
            return n;
        }

        @Override
        public void revokeAccessToken(UUID jti, UserId userId, Instant expiresAt, Instant now) {
            revokedJtis.add(jti);
        }

        @Override
        public boolean isAccessRevoked(UUID jti, UUID familyId, UserId userId) {
            return revokedJtis.contains(jti) || revokedFamilies.contains(familyId);
        }

        @Override
        public int purgeExpired(Instant now) {
            return 0;
        }
    }

    static final class NoTotp implements TotpCodes {
        @Override
        public String newSecret() {
            return "SECRET";
        }

        @Override
        public String uri(String secret, String issuer, String account) {
            return "otpauth://totp/" + account;
        }

        @Override
        public OptionalLong verify(String secret, String code, Instant now) {
            return "123456".equals(code) ? OptionalLong.of(now.getEpochSecond() / 30) : OptionalLong.empty();
        }
    }

    static final class PlainCipher implements SecretCipher {
        @Override
        public String encrypt(String plaintext) {
            return "enc:" + plaintext;
        }

        @Override
        public String decrypt(String ciphertext) {
            return ciphertext.substring(4);
        }
    }

    static final class NoRecovery implements RecoveryCodeRepository {
        @Override
        public void replaceAll(UserId userId, List<RecoveryCode> codes) {
        }

        @Override
        public List<RecoveryCode> findUnused(UserId userId) {
            return List.of();
        }

        @Override
        public boolean markUsed(UUID id, Instant now) {
            return false;
        }

        @Override
        public void deleteAll(UserId userId) {
        }
    }
}
