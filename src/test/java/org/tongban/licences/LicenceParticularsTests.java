package org.tongban.licences;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.tongban.catalogue.GuideContent;
import org.tongban.shared.PublicUrl;

/** The particulars in the signed form and in a change's history, and the public address, without the application. */
@ExtendWith(OutputCaptureExtension.class)
class LicenceParticularsTests {

	static final UUID CASE = UUID.fromString("00000000-0000-0000-0000-000000000001");

	static Licence nurse(List<Particular> particulars) {
		return new Licence("202631000001", "护士执业证书", "PD-WJW-XK-001", "护士执业注册", Licence.HolderKind.PERSON, "张三",
				"RESIDENT_ID", "310115198503151230", "citizen", "护士执业注册（首次注册）", LocalDate.of(2026, 1, 10),
				LocalDate.of(2031, 1, 9), Licences.AUTHORITY, LocalDate.of(2026, 1, 10), CASE, LicenceStatus.VALID,
				"ABCDEFGH", null, null, particulars);
	}

	@Test
	void aLicenceWithoutParticularsIsSignedAsBeforeAndOneWithThemSignsThemByLabel() {
		String plain = CanonicalForm.of(nurse(List.of()));
		assertThat(plain).doesNotContain("particulars").endsWith("\"validUntil\":\"2031-01-09\"}");
		String with = CanonicalForm.of(nurse(List.of(new Particular("practiceCategory", "执业类别", "护理"),
				new Particular("institution", "执业机构", "上海市\"东方\"医院"))));
		// keys by code point: holderName < issuedOn < itemCode < number < particulars < scope
		assertThat(with).contains("\"number\":\"202631000001\",\"particulars\":{\"执业机构\":\"上海市\\\"东方\\\"医院\","
				+ "\"执业类别\":\"护理\"},\"scope\":");
	}

	@Test
	void aChangeKeepsWhatTheFormLeavesBlankAndTheHistorySaysWhatChanged() {
		GuideContent.Licence spec = new GuideContent.Licence("护士执业证书", "{yyyy}31{seq:6}", 5,
				List.of(new GuideContent.Particular("institution", "执业机构"),
						new GuideContent.Particular("practiceCategory", "执业类别")));
		Licence before = nurse(LicenceIssuing.particulars(spec,
				Map.of("institution", "上海市浦东新区人民医院", "practiceCategory", "护理"), List.of()));
		List<Particular> changed = LicenceIssuing.particulars(spec, Map.of("institution", " 上海市东方医院 ",
				"practiceCategory", "  "), before.particulars());
		assertThat(changed).containsExactly(new Particular("institution", "执业机构", "上海市东方医院"),
				new Particular("practiceCategory", "执业类别", "护理"));
		Licence after = before.withData(before.holderName(), before.scope(), before.validUntil(), LicenceStatus.VALID,
				before.checkCode(), changed);
		assertThat(LicenceIssuing.changes(before, after))
			.containsExactly(new LicenceHistoryEntry.Change("执业机构", "上海市浦东新区人民医院", "上海市东方医院"));
	}

	@Test
	void withoutAPublicUrlOutsideDemoModeTheStartWarnsAndLinksNameLocalhost(CapturedOutput output) {
		Licences unset = new Licences(null, null, null, null, null, new PublicUrl("", false));
		assertThat(output.getOut() + output.getErr()).contains("tongban.public-url (TONGBAN_PUBLIC_URL) is not set");
		assertThat(unset.verifyUrl(nurse(List.of()))).isEqualTo("http://localhost:8080/verify/202631000001?c=ABCDEFGH");
		Licences set = new Licences(null, null, null, null, null, new PublicUrl("https://zwfw.example.gov.cn/", false));
		assertThat(set.verifyUrl(nurse(List.of()))).isEqualTo("https://zwfw.example.gov.cn/verify/202631000001?c=ABCDEFGH");
	}

	@Test
	void inDemoModeAnUnsetPublicUrlIsNotWarnedAbout(CapturedOutput output) {
		new PublicUrl("", true);
		assertThat(output.getOut() + output.getErr()).doesNotContain("tongban.public-url");
	}
}
