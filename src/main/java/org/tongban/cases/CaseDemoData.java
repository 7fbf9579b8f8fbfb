package org.tongban.cases;

import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.tongban.identity.SignedInUser;

/**
 * A few demo cases, applied for and handled through the same services as real ones, so that a newcomer
 * finds work lists, "my cases" and (through the licences module) the licence register filled. Each is
 * submitted under a fixed idempotency key, so a restart finds them and does nothing. The cases the demo approvers
 * handle are of items of their own division (生物医药处), as their duty requires ({@link CaseDuty}).
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "tongban.demo.enabled", havingValue = "true")
class CaseDemoData implements ApplicationRunner {

	private static final Log log = LogFactory.getLog(CaseDemoData.class);

	record Demo(String key, String applicant, String item, String situation, String note, List<String[]> steps) {
	}

	static final List<Demo> DEMOS = List.of(
			new Demo("demo-case-1", "citizen", "PD-WJW-XK-001", "NEW", "首次注册，已在浦东新区某医院工作。",
					List.<String[]>of(new String[] {"clerk", "accept"}, new String[] {"approver", "approve"},
							new String[] {"approver2", "approve"})),
			new Demo("demo-case-2", "enterprise", "PD-WJW-XK-002", "NEW_DENTAL", "口腔门诊部开展牙科X射线影像诊断。",
					List.<String[]>of(new String[] {"clerk", "accept"}, new String[] {"approver", "approve"},
							new String[] {"approver2", "approve"})),
			new Demo("demo-case-3", "enterprise", "PD-WJW-XK-027", "NEW", "口腔诊所行业综合许可（一业一证）。",
					List.<String[]>of(new String[] {"clerk", "accept"})),
			new Demo("demo-case-4", "citizen", "PD-WJW-XK-008", "NEW", "申请放射工作人员证。", List.<String[]>of()),
			new Demo("demo-case-5", "enterprise", "PD-WJW-XK-006", "NEW_DENTAL_DEPT", "设置口腔门诊部。",
					List.<String[]>of(new String[] {"clerk", "request-correction"})));

	private final CaseApplications applications;
	private final CaseHandling work;
	private final UserDetailsService users;
	private final Corrections corrections;

	CaseDemoData(CaseApplications applications, CaseHandling work, UserDetailsService users, Corrections corrections) {
		this.corrections = corrections;
		this.applications = applications;
		this.work = work;
		this.users = users;
	}

	@Override
	public void run(ApplicationArguments args) {
		int created = 0;
		for (Demo demo : DEMOS) {
			try {
				created += create(demo) ? 1 : 0;
			}
			catch (RuntimeException ex) {
				log.warn("Demo case " + demo.key() + " not created: " + ex.getMessage());
			}
		}
		if (created > 0) {
			log.info("Created " + created + " demo cases");
		}
	}

	private boolean create(Demo demo) {
		SignedInUser applicant = user(demo.applicant());
		boolean person = "citizen".equals(demo.applicant());
		NewCase.ApplicantInput who = person
				? new NewCase.ApplicantInput("PERSON", applicant.idNumber(), null, applicant.displayName(), null)
				: new NewCase.ApplicantInput("ENTERPRISE", null, applicant.uscc(), applicant.displayName(), "王经办");
		Map<String, byte[]> files = new java.util.LinkedHashMap<>();
		for (String material : applications.requiredUploads(demo.item(), demo.situation())) {
			files.put(material, scan(material));
		}
		CaseApplications.Submission s = applications.apply(applicant, demo.key(),
				new NewCase(demo.item(), demo.situation(), who, form(applications, demo)), files);
		if (!s.created()) {
			return false;
		}
		CaseId id = new CaseId(s.receipt().id());
		for (String[] step : demo.steps()) {
			if ("request-correction".equals(step[1])) {
				// the notice names a material of the list, so the applicant can replace its file
				corrections.requestCorrection(user(step[0]), id, new CaseHandling.ActionRequest(null,
						List.of("选址报告和建筑设计平面图（需标注各功能区面积）", "设置可行性研究报告（补充人员配备计划）"), null, null, null,
						List.of(new Corrections.NoticeMaterial("牙科治疗椅位配置及消毒供应区域设置说明", "请补充消毒供应区域的平面布局"))));
				continue;
			}
			work.act(user(step[0]), id, step[1], new CaseHandling.ActionRequest(null, List.of(), null, null, null));
		}
		return true;
	}

	/** The form a demo case submits: the item form's sample values, with the demo's phone and note. */
	static Map<String, Object> form(CaseApplications applications, Demo demo) {
		return applications.sampleForm(demo.item(), demo.situation(), Map.of("phone", "13800000000", "note", demo.note()));
	}

	/** A one-page PDF standing in for the applicant's scan of a material (ASCII only: the standard font). */
	private static byte[] scan(String material) {
		try (var doc = new org.apache.pdfbox.pdmodel.PDDocument(); var out = new java.io.ByteArrayOutputStream()) {
			var page = new org.apache.pdfbox.pdmodel.PDPage();
			doc.addPage(page);
			try (var text = new org.apache.pdfbox.pdmodel.PDPageContentStream(doc, page)) {
				text.beginText();
				text.setFont(new org.apache.pdfbox.pdmodel.font.PDType1Font(
						org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA), 12);
				text.newLineAtOffset(50, 700);
				text.showText("Tongban demo material, scan no. " + Integer.toHexString(material.hashCode()));
				text.endText();
			}
			doc.save(out);
			return out.toByteArray();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private SignedInUser user(String username) {
		return (SignedInUser) users.loadUserByUsername(username);
	}
}
