package org.tongban.licences;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.cases.CaseId;
import org.tongban.shared.Problem;
import org.tongban.shared.PublicUrl;

/**
 * The licences other modules and the web layer use. Callers of the unchecked reads answer to their own
 * authorisation; {@link #verify} is the public check by number and check code.
 */
@Service
public class Licences {

	public static final String AUTHORITY = "上海市浦东新区卫生健康委员会";

	private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
	private static final SecureRandom RANDOM = new SecureRandom();

	private final LicenceStore store;
	private final LicenceConfiguration.SigningKeys keys;
	private final LicencePdf pdf;
	private final Clock clock;
	private final ApplicationEventPublisher events;
	private final PublicUrl publicUrl;

	Licences(LicenceStore store, LicenceConfiguration.SigningKeys keys, LicencePdf pdf, Clock clock, ApplicationEventPublisher events,
			PublicUrl publicUrl) {
		this.store = store;
		this.keys = keys;
		this.pdf = pdf;
		this.clock = clock;
		this.events = events;
		this.publicUrl = publicUrl;
	}

	public Optional<Licence> find(String number) {
		return store.find(number);
	}

	public Optional<Licence> forCase(CaseId caseId) {
		return store.byCase(caseId.value());
	}

	/** The licence PDF of the licence issued from a case, for the archive. */
	public Optional<byte[]> pdfForCase(CaseId caseId) {
		return forCase(caseId).map(this::pdf);
	}

	public byte[] pdf(Licence licence) {
		return pdf.render(licence, status(licence), verifyUrl(licence));
	}

	public String verifyUrl(Licence licence) {
		return publicUrl.of("/verify/" + java.net.URLEncoder.encode(licence.number(), StandardCharsets.UTF_8)
			.replace("+", "%20") + "?c=" + licence.checkCode());
	}

	public LicenceStatus status(Licence licence) {
		return licence.status(today());
	}

	/** The licences an enterprise holds, by its 统一社会信用代码 (for the supervision register). */
	public List<Licence> heldByEnterprise(String uscc) {
		return store.heldBy(uscc);
	}

	public List<Licence> ownedBy(String username) {
		return store.ownedBy(username);
	}

	/** A page of the register matching {@code q}, of the items {@code itemCodes} (all when null). */
	public Page search(String q, List<String> itemCodes, int page, int size) {
		int s = Math.max(1, Math.min(size, 200));
		int p = Math.max(0, page);
		return new Page(store.search(q, itemCodes, p * s, s), p, s, store.count(q, itemCodes));
	}

	/** The whole register matching {@code q} of the items {@code itemCodes}, for the Excel export (capped at 100,000 rows). */
	public List<Licence> register(String q, List<String> itemCodes) {
		return store.search(q, itemCodes, 0, 100_000);
	}

	public record Page(List<Licence> items, int page, int size, long total) {
	}

	public List<LicenceHistoryEntry> history(String number) {
		return store.historyOf(number);
	}

	/** Public verification: the licence only when number and check code both match; no hint which did not. */
	public Optional<Licence> verify(String number, String checkCode) {
		if (number == null || checkCode == null) {
			return Optional.empty();
		}
		return store.find(number)
			.filter(l -> MessageDigest.isEqual(l.checkCode().getBytes(StandardCharsets.US_ASCII),
					checkCode.strip().toUpperCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII)));
	}

	public SignatureView signature(Licence licence) {
		return new SignatureView(licence.number(), LicenceSignatures.ALGORITHM, licence.signature(),
				licence.signedData(), keys.get().publicKeyPem());
	}

	/** A detached signature with everything needed to check it with only the public key. */
	public record SignatureView(String number, String algorithm, String signature, String canonicalData,
			String publicKeyPem) {
	}

	public String publicKeyPem() {
		return keys.get().publicKeyPem();
	}

	public enum Action {
		SUSPEND, RESTORE, REVOKE
	}

	/** Suspends, restores or revokes; revocation is final. Callers check that the actor is an approver. */
	@Transactional
	public Licence act(String number, Action action, String actor, String reason) {
		if (reason == null || reason.isBlank()) {
			throw Problem.invalid("reason", "请填写原因。");
		}
		if (reason.strip().length() > 500) {
			throw Problem.invalid("reason", "原因不能超过 500 字。");
		}
		Licence l = store.lock(number).orElseThrow(() -> Problem.notFound("未找到该证照。"));
		LicenceStatus from = l.storedStatus();
		LicenceStatus to = switch (action) {
			case SUSPEND -> {
				if (from != LicenceStatus.VALID) {
					throw Problem.conflict("证照当前状态为“" + from.label() + "”，只有有效的证照可以暂停。");
				}
				yield LicenceStatus.SUSPENDED;
			}
			case RESTORE -> {
				if (from != LicenceStatus.SUSPENDED) {
					throw Problem.conflict("证照当前状态为“" + from.label() + "”，只有暂停的证照可以恢复。");
				}
				yield LicenceStatus.VALID;
			}
			case REVOKE -> {
				if (from != LicenceStatus.VALID && from != LicenceStatus.SUSPENDED) {
					throw Problem.conflict("证照当前状态为“" + from.label() + "”，不能撤销。");
				}
				yield LicenceStatus.REVOKED;
			}
		};
		return changeStatus(l, to, action.name(), actor, reason.strip(), null);
	}

	/** Revokes the licence issued from a case, if any and not revoked already (idempotent). */
	@Transactional
	public Optional<Licence> revokeForCase(CaseId caseId, String actor, String reason) {
		return store.byCase(caseId.value())
			.flatMap(found -> store.lock(found.number()))
			.filter(l -> l.storedStatus() == LicenceStatus.VALID || l.storedStatus() == LicenceStatus.SUSPENDED)
			.map(l -> changeStatus(l, LicenceStatus.REVOKED, "REVOKE", actor, reason, caseId));
	}

	private Licence changeStatus(Licence l, LicenceStatus to, String action, String actor, String reason, CaseId caseId) {
		Instant now = clock.instant();
		Licence changed = l.withData(l.holderName(), l.scope(), l.validUntil(), to, l.checkCode());
		store.update(changed, now);
		store.history(l.number(), action, actor, reason, caseId == null ? null : caseId.value(), now,
				List.of(new LicenceHistoryEntry.Change("状态", l.storedStatus().label(), to.label())));
		if (to == LicenceStatus.REVOKED) {
			events.publishEvent(new LicenceRevoked(l.number(), l.itemCode(), l.caseId(), actor, reason, now));
		}
		return changed;
	}

	// used by issuing and by change cases

	Licence sign(Licence l) {
		String canonical = CanonicalForm.of(l);
		return l.signed(LicenceSignatures.sign(keys.get().privateKey(), canonical), canonical);
	}

	LicenceKeys keys() {
		return keys.get();
	}

	LocalDate today() {
		return LocalDate.now(clock);
	}

	static String newCheckCode() {
		char[] c = new char[8];
		for (int i = 0; i < c.length; i++) {
			c[i] = BASE32[RANDOM.nextInt(32)];
		}
		return new String(c);
	}
}
