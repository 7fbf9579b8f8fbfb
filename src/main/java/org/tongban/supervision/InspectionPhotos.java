package org.tongban.supervision;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.core.io.InputStreamSource;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.shared.FieldMessage;
import org.tongban.shared.FileStore;
import org.tongban.shared.Problem;
import org.tongban.shared.Sm3;
import org.tongban.shared.Uploads;
import org.tongban.supervision.EnforcementRecords.Subject;

/**
 * The photos of an inspection and of its follow-up: images only, judged by their bytes (a PDF renamed to .jpg is
 * refused), kept in the shared file store, each with its SM3 in the full-process record.
 */
@Service
public class InspectionPhotos {

	/** Photos are smaller than documents: a phone's photo is 2–6 MB. */
	public static final long MAX_BYTES = 10L * 1024 * 1024;

	/** Enough for any visit; a form that uploads in a loop stops here. */
	static final int MAX_PER_INSPECTION = 40;

	static final Set<String> IMAGES = Set.of(Uploads.JPEG, Uploads.PNG);

	private static final Map<String, String> KINDS = Map.of(Uploads.PDF, "PDF 文档", Uploads.DOCX, "Word 文档",
			Uploads.XLSX, "Excel 表格", "application/zip", "压缩包", "text/plain", "文本文件", "image/gif", "GIF 图片",
			"image/webp", "WebP 图片", "image/heic", "HEIC 图片");

	/** A stored photo; {@code purpose} is INSPECTION or FOLLOW_UP. */
	public record Photo(UUID id, String purpose, String sm3, String mediaType, long size, String filename,
			String uploadedBy, Instant uploadedAt) {
	}

	private final JdbcClient jdbc;
	private final FileStore files;
	private final EnforcementRecords records;
	private final Clock clock;

	InspectionPhotos(JdbcClient jdbc, FileStore files, EnforcementRecords records, Clock clock) {
		this.jdbc = jdbc;
		this.files = files;
		this.records = records;
		this.clock = clock;
	}

	/** Checks, stores and records a photo, in the caller's transaction; {@code field} names the form field. */
	@Transactional(propagation = Propagation.MANDATORY)
	public Photo store(UUID inspectionId, String purpose, String field, String filename, long size,
			InputStreamSource content, String username) {
		String name = filename == null || filename.isBlank() ? "上传的照片" : "照片“" + filename + "”";
		if (size <= 0) {
			throw Problem.invalid(field, name + "是空文件，请重新拍摄或选择。");
		}
		if (size > MAX_BYTES) {
			throw new Problem(HttpStatus.CONTENT_TOO_LARGE, "photo-too-large", "照片过大",
					name + "超过 10 MB，请降低分辨率后重新上传。", List.of(new FieldMessage(field, name + "超过 10 MB")));
		}
		byte[] bytes;
		try (InputStream in = content.getInputStream()) {
			bytes = in.readNBytes((int) MAX_BYTES + 1);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		String detected = Uploads.detect(bytes);
		if (!IMAGES.contains(detected)) {
			String kind = KINDS.getOrDefault(detected, "非图片文件（" + detected + "）");
			throw Problem.invalid(field, name + "不是照片：按文件内容识别为" + kind
					+ "。只接受 JPG、PNG 格式的图片，判断依据是文件内容，不是扩展名。");
		}
		long count = jdbc.sql("SELECT count(*) FROM supervision_inspection_photo WHERE inspection_id = ?")
			.param(inspectionId).query(Long.class).single();
		if (count >= MAX_PER_INSPECTION) {
			throw Problem.conflict("本次检查已有 " + MAX_PER_INSPECTION + " 张照片，不能再上传。");
		}
		String sm3 = Sm3.hex(bytes);
		String sha256 = files.put(new ByteArrayInputStream(bytes)).sha256();
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		UUID id = UUID.randomUUID();
		String safeName = filename == null ? null : filename.strip().substring(0, Math.min(200, filename.strip().length()));
		jdbc.sql("""
				INSERT INTO supervision_inspection_photo (id, inspection_id, purpose, sha256, sm3, media_type, size, filename,
				  uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, inspectionId, purpose, sha256, sm3, detected, bytes.length, safeName, username, Timestamp.from(now))
			.update();
		records.append(Subject.INSPECTION, inspectionId, "FOLLOW_UP".equals(purpose) ? "FOLLOW_UP_PHOTO" : "PHOTO",
				username, ("FOLLOW_UP".equals(purpose) ? "复查照片" : "现场照片") + "（" + bytes.length + " 字节）", sm3);
		return new Photo(id, purpose, sm3, detected, bytes.length, safeName, username, now);
	}

	/** The inspection's photos, oldest first. */
	public List<Photo> of(UUID inspectionId) {
		return jdbc.sql("SELECT id, purpose, sm3, media_type, size, filename, uploaded_by, uploaded_at "
				+ "FROM supervision_inspection_photo WHERE inspection_id = ? ORDER BY uploaded_at, id")
			.param(inspectionId)
			.query((rs, i) -> new Photo(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getLong(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant()))
			.list();
	}

	/** The photo's media type and bytes, if it belongs to that inspection. */
	public Optional<Map.Entry<String, InputStream>> open(UUID inspectionId, UUID photoId) {
		return jdbc.sql("SELECT media_type, sha256 FROM supervision_inspection_photo WHERE id = ? AND inspection_id = ?")
			.params(photoId, inspectionId)
			.query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2)))
			.optional()
			.map(e -> Map.entry(e.getKey(), files.open(e.getValue())));
	}
}
