package org.tongban.integrated.web;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.tongban.integrated.IntegratedApplications;
import org.tongban.shared.Problem;

/**
 * The documents an applicant uploaded on an application page, held in their session under the page's token until the
 * application is submitted: the confirm step then only repeats the typed values, and a page sent back with errors
 * keeps what was uploaded (a new file for a document replaces the held one). A token whose application was submitted
 * remembers the application, so a replayed final submit shows it instead of asking for the files again.
 */
final class HeldUploads {

	private static final String ATTRIBUTE = HeldUploads.class.getName();

	/** Forms whose uploads a session holds at most: a new page's token pushes out the oldest. */
	private static final int FORMS = 3;

	/** What one form may hold: more documents than any package lists, as much as a case may carry. */
	static final int MAX_DOCUMENTS = 40;

	static final long MAX_BYTES = 100L << 20;

	/** One held file. */
	record Held(String filename, byte[] content) implements Serializable {
	}

	/** What the session holds: per token the files by document key, and per submitted token its application. */
	static final class Store implements Serializable {

		private static final long serialVersionUID = 1L;

		final LinkedHashMap<String, LinkedHashMap<String, Held>> files = new LinkedHashMap<>();

		final LinkedHashMap<String, UUID> submitted = new LinkedHashMap<>();
	}

	private HeldUploads() {
	}

	/** A page's token: a fresh one, or the one it was posted with if that is well-formed. */
	static String token(String posted) {
		if (posted != null && posted.matches("[0-9a-f-]{36}")) {
			return posted;
		}
		return UUID.randomUUID().toString();
	}

	/** The files held for the token after taking in those posted now ({@code documents.<key>}). */
	static Map<String, Held> take(HttpServletRequest request, String token) {
		HttpSession session = request.getSession();
		Store store = store(session);
		LinkedHashMap<String, Held> held = store.files.computeIfAbsent(token, t -> new LinkedHashMap<>());
		MultipartHttpServletRequest multipart = org.springframework.web.util.WebUtils.getNativeRequest(request,
				MultipartHttpServletRequest.class);
		if (multipart != null) {
			Map<String, Held> posted = new LinkedHashMap<>();
			multipart.getFileMap().forEach((name, file) -> {
				if (name.startsWith("documents.") && !file.isEmpty()) {
					posted.put(name.substring("documents.".length()), read(file));
				}
			});
			Map<String, Held> after = new LinkedHashMap<>(held);
			after.putAll(posted);
			long bytes = after.values().stream().mapToLong(h -> h.content().length).sum();
			// the session is no store for files: what one application may hold is bounded, whatever names are posted
			if (after.size() > MAX_DOCUMENTS || bytes > MAX_BYTES) {
				throw Problem.invalid("documents", "一份申请暂存的材料最多 " + MAX_DOCUMENTS + " 份、合计不超过 "
						+ (MAX_BYTES >> 20) + " MB，本次上传未保存。");
			}
			held.putAll(posted);
		}
		while (store.files.size() > FORMS) {
			store.files.remove(store.files.keySet().iterator().next());
		}
		// written back so the session repository stores the change
		session.setAttribute(ATTRIBUTE, store);
		return Map.copyOf(held);
	}

	/** The held files as the service takes them. */
	static Map<String, IntegratedApplications.Upload> uploads(Map<String, Held> held) {
		Map<String, IntegratedApplications.Upload> out = new LinkedHashMap<>();
		held.forEach((k, h) -> out.put(k, new IntegratedApplications.Upload(h.filename(), h.content())));
		return out;
	}

	/** The application a token was already submitted as, if any. */
	static UUID submitted(HttpServletRequest request, String token) {
		HttpSession session = request.getSession(false);
		return session == null ? null : store(session).submitted.get(token);
	}

	/** The token's application is submitted: its files are let go, the application remembered. */
	static void done(HttpServletRequest request, String token, UUID application) {
		HttpSession session = request.getSession();
		Store store = store(session);
		store.files.remove(token);
		store.submitted.put(token, application);
		while (store.submitted.size() > 20) {
			store.submitted.remove(new ArrayList<>(store.submitted.keySet()).get(0));
		}
		session.setAttribute(ATTRIBUTE, store);
	}

	private static Store store(HttpSession session) {
		return session.getAttribute(ATTRIBUTE) instanceof Store s ? s : new Store();
	}

	private static Held read(MultipartFile file) {
		try {
			return new Held(file.getOriginalFilename(), file.getBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
