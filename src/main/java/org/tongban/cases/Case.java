package org.tongban.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tongban.shared.Problem;

/**
 * A case (办件) as the applicant sees it. Each transition checks the current status, appends a timeline
 * entry and records the event to publish; handling adds its transitions the same way.
 */
public final class Case {

	private final CaseId id;
	private final String itemCode;
	private final String itemName;
	private final String situation;
	private final String situationName;
	private final int guideVersion;
	private final Applicant applicant;
	private final Channel channel;
	private final Instant createdAt;
	private final List<TimelineEntry> timeline;
	private final List<CaseMaterial> materials;
	private final List<Object> pendingEvents = new ArrayList<>();
	private Map<String, String> form;
	private CaseStatus status;
	private Instant submittedAt;

	Case(CaseId id, String itemCode, String itemName, String situation, String situationName, int guideVersion, Applicant applicant, Channel channel,
			Map<String, String> form, CaseStatus status, Instant createdAt, Instant submittedAt,
			List<TimelineEntry> timeline, List<CaseMaterial> materials) {
		this.id = id;
		this.itemCode = itemCode;
		this.itemName = itemName;
		this.situation = situation;
		this.situationName = situationName;
		this.guideVersion = guideVersion;
		this.applicant = applicant;
		this.channel = channel;
		this.form = new LinkedHashMap<>(form);
		this.status = status;
		this.createdAt = createdAt;
		this.submittedAt = submittedAt;
		this.timeline = new ArrayList<>(timeline);
		this.materials = new ArrayList<>(materials);
	}

	/** A new draft, started under the guide version the applicant saw. */
	static Case draft(String itemCode, String itemName, String situation, String situationName, int guideVersion, Applicant applicant,
			Map<String, String> form, Instant now) {
		Case c = new Case(CaseId.random(), itemCode, itemName, situation, situationName, guideVersion, applicant, Channel.ONLINE, form,
				CaseStatus.DRAFT, now, null, List.of(), List.of());
		c.timeline.add(new TimelineEntry(CaseStatus.DRAFT, applicant.owner(), now, null));
		return c;
	}

	void updateForm(Map<String, String> newForm) {
		requireDraft("修改申请表");
		this.form = new LinkedHashMap<>(newForm);
	}

	void addMaterial(CaseMaterial material) {
		requireDraft("上传材料");
		materials.add(material);
	}

	void submit(String actor, Instant now) {
		requireDraft("提交");
		status = CaseStatus.SUBMITTED;
		submittedAt = now;
		timeline.add(new TimelineEntry(status, actor, now, null));
		pendingEvents.add(new CaseSubmitted(id, itemCode, situation, guideVersion, channel));
	}

	void withdraw(String actor, Instant now, String reason) {
		if (!status.withdrawable()) {
			throw Problem.conflict("办件当前状态为“" + status.label() + "”，不能撤回。");
		}
		status = CaseStatus.WITHDRAWN;
		timeline.add(new TimelineEntry(status, actor, now, reason));
		pendingEvents.add(new CaseWithdrawn(id, itemCode, reason));
	}

	private void requireDraft(String what) {
		if (status != CaseStatus.DRAFT) {
			throw Problem.conflict("办件当前状态为“" + status.label() + "”，只有草稿可以" + what + "。");
		}
	}

	List<Object> takeEvents() {
		List<Object> events = List.copyOf(pendingEvents);
		pendingEvents.clear();
		return events;
	}

	public long materialBytes() {
		return materials.stream().mapToLong(CaseMaterial::size).sum();
	}

	public CaseId id() {
		return id;
	}

	public String itemCode() {
		return itemCode;
	}

	public String itemName() {
		return itemName;
	}

	public String situationName() {
		return situationName;
	}

	public String situation() {
		return situation;
	}

	public int guideVersion() {
		return guideVersion;
	}

	public Applicant applicant() {
		return applicant;
	}

	public Channel channel() {
		return channel;
	}

	public Map<String, String> form() {
		return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(form));
	}

	public CaseStatus status() {
		return status;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public Instant submittedAt() {
		return submittedAt;
	}

	public List<TimelineEntry> timeline() {
		return List.copyOf(timeline);
	}

	public List<CaseMaterial> materials() {
		return List.copyOf(materials);
	}
}
