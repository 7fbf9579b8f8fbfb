package org.tongban.cases;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.tongban.catalogue.Guide;
import org.tongban.catalogue.GuideContent;

/**
 * Which kinds of applicant an item serves. The guides have no 服务对象 field, so it is read from what they ask
 * for: an item serves enterprises (and institutions) when a material is an organisation's registration (营业执照,
 * 事业单位法人证书, 登记证书, 注册登记证明), and persons when a material is a person's own 居民身份证 rather than that of
 * an organisation's representative or staff (法定代表人, 负责人, 从业人员). An item that shows neither serves both.
 */
public final class ApplicantKinds {

	private static final List<String> ORGANISATION = List.of("营业执照", "法人证书", "登记证书", "注册登记证明");
	private static final List<String> REPRESENTATIVE = List.of("法定代表人", "负责人", "从业人员");

	private ApplicantKinds() {
	}

	/** The kinds of applicant the item serves, never empty. */
	public static Set<Applicant.Kind> servedBy(Guide guide) {
		List<String> materials = guide.situations().stream()
				.flatMap(s -> s.materials() == null ? java.util.stream.Stream.empty() : s.materials().stream())
				.map(GuideContent.Material::name).toList();
		Set<Applicant.Kind> kinds = EnumSet.noneOf(Applicant.Kind.class);
		if (materials.stream().anyMatch(m -> ORGANISATION.stream().anyMatch(m::contains))) {
			kinds.add(Applicant.Kind.ENTERPRISE);
		}
		if (materials.stream().anyMatch(m -> m.contains("居民身份证") && REPRESENTATIVE.stream().noneMatch(m::contains))) {
			kinds.add(Applicant.Kind.PERSON);
		}
		return kinds.isEmpty() ? EnumSet.allOf(Applicant.Kind.class) : kinds;
	}
}
