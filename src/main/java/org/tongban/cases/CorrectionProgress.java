package org.tongban.cases;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A case's correction notice and what the applicant has done about it: per item its state, the files uploaded
 * for it since the notice and the files now current for its material; the uploads for materials the notice did not
 * name ({@code extras}); which file replaced which ({@code replacements}: new → earlier). {@code correctedAt} is
 * when the applicant submitted the correction, null while the case waits for it.
 */
public record CorrectionProgress(Instant noticeAt, String note, Instant correctedAt, List<Item> items,
		List<CaseMaterial> extras, Map<UUID, UUID> replacements, Set<UUID> answering) {

	/** What has been done about one item of the notice. */
	public enum State {
		NEW("已新增"), REPLACED("已替换"), MISSING("尚未补正"), TEXT("按告知内容补正");

		private final String label;

		State(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/** One item of the notice; {@code material} is null for a free-text item. */
	public record Item(String text, String material, String note, State state, List<CaseMaterial> changed,
			List<CaseMaterial> current) {
	}

	/** The applicant has submitted the correction: the case is back at the window. */
	public boolean returned() {
		return correctedAt != null;
	}

	/** The file was replaced by a later one: it stays in the record but no longer counts. */
	public boolean superseded(UUID file) {
		return replacements.containsValue(file);
	}

	/** The earlier file that {@code file} replaced, or null. */
	public CaseMaterial replacedBy(UUID file, List<CaseMaterial> all) {
		UUID earlier = replacements.get(file);
		return earlier == null ? null : all.stream().filter(m -> m.id().equals(earlier)).findFirst().orElse(null);
	}

	/** How a file answers the notice (replaced, new, or for a material the notice did not name); null before it. */
	public String mark(CaseMaterial file) {
		if (!answering.contains(file.id())) {
			return null;
		}
		if (extras.stream().anyMatch(m -> m.id().equals(file.id()))) {
			return "补正时上传：告知未列明的补充材料";
		}
		return replacements.containsKey(file.id()) ? "补正时上传：替换原文件" : "补正时上传：新增";
	}

	/** How many items are in the state named (NEW, REPLACED, MISSING, TEXT). */
	public long count(String state) {
		return items.stream().filter(i -> i.state() == State.valueOf(state)).count();
	}

	/** The materials the notice named that nothing has been uploaded for yet. */
	public List<String> missing() {
		return items.stream().filter(i -> i.state() == State.MISSING).map(Item::material).toList();
	}
}
